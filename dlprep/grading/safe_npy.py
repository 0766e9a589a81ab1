"""Loading ``.npy`` bytes that came from the sandbox: sizes checked before any allocation, plain numeric
or bool dtypes only, never pickle, always a base ``numpy.ndarray``."""

from __future__ import annotations

import io

import numpy as np

ALLOWED_KINDS = "biuf"
MAX_ARRAY_BYTES = 64 << 20


class BadOutput(ValueError):
    """The bytes are not an acceptable array; the message says why in the user's terms."""


def load_array(data: bytes, max_bytes: int = MAX_ARRAY_BYTES) -> np.ndarray:
    """Parse one ``.npy`` blob from the untrusted child."""
    if len(data) > max_bytes + 65536:
        raise BadOutput(f"the array is larger than the {max_bytes >> 20} MiB limit")
    stream = io.BytesIO(data)
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream, max_header_size=4096)
        elif version in ((2, 0), (3, 0)):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(stream, max_header_size=4096)
        else:
            raise BadOutput("unsupported .npy version")
    except BadOutput:
        raise
    except Exception:  # noqa: BLE001 - any parse failure of untrusted bytes is a bad output
        raise BadOutput("the returned value could not be read as an array") from None
    if dtype.hasobject or dtype.fields is not None or dtype.subdtype is not None:
        raise BadOutput(f"arrays of dtype {dtype} are not accepted (numeric or bool only)")
    if dtype.kind not in ALLOWED_KINDS:
        raise BadOutput(f"arrays of dtype {dtype} are not accepted (numeric or bool only)")
    if not isinstance(shape, tuple) or not all(isinstance(n, int) and n >= 0 for n in shape):
        raise BadOutput("the array's shape is malformed")
    count = 1
    for n in shape:
        count *= n
    nbytes = count * dtype.itemsize
    body = data[stream.tell():]
    if nbytes > max_bytes:
        raise BadOutput(f"the array would take {nbytes} bytes, over the {max_bytes >> 20} MiB limit")
    if len(body) != nbytes:
        raise BadOutput("the array's data does not match its declared shape")
    array = np.frombuffer(body, dtype=dtype, count=count)
    order = "F" if fortran else "C"
    return np.array(array.reshape(shape, order=order), copy=True, order="C").view(np.ndarray)
