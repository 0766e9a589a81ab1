"""Framing shared by the trusted side, the warm worker and the sandbox child (stdlib and numpy only).

A message is a JSON header frame followed by ``header["blobs"]`` binary frames; a frame is a 4-byte
big-endian length and its bytes. Values travelling to the child are encoded as a JSON tree whose arrays
are references to ``.npy`` blobs (never pickle). This module is imported by the sandbox child as a
top-level module, so it must not import anything from the package.
"""

from __future__ import annotations

import io
import json
import os
import struct
from typing import Any

MAX_HEADER = 1 << 20
MAX_DEPTH = 32
MAX_BLOBS = 4096


class WireError(Exception):
    """A malformed frame or message."""


def frame(data: bytes) -> bytes:
    """One length-prefixed frame."""
    return struct.pack(">I", len(data)) + data


def pack_message(header: dict, blobs: list[bytes] = ()) -> bytes:
    """The bytes of one message: the JSON header, then its blobs. Raises WireError when the header is
    over :data:`MAX_HEADER` bytes (the reader would refuse it) or cannot be encoded."""
    header = dict(header, blobs=len(blobs))
    try:
        data = json.dumps(header).encode()
    except (ValueError, TypeError, RecursionError):
        raise WireError("a message header cannot be encoded") from None
    if len(data) > MAX_HEADER:
        raise WireError(f"a message header of {len(data)} bytes exceeds the limit of {MAX_HEADER}")
    parts = [frame(data)]
    parts.extend(frame(b) for b in blobs)
    return b"".join(parts)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _too_deep(value: Any, limit: int) -> bool:
    """True when ``value`` nests lists and dicts more than ``limit`` levels (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def parse_header(body: bytes) -> tuple[dict, int]:
    """A header frame's JSON object and its blob count. Total over bytes: any input either parses to a
    dict nested at most :data:`MAX_DEPTH` deep with a valid ``blobs`` count, or raises WireError."""
    if len(body) > MAX_HEADER:
        raise WireError(f"a header of {len(body)} bytes exceeds the limit of {MAX_HEADER}")
    try:
        header = json.loads(body)
    except RecursionError:
        raise WireError("a message header is nested too deeply") from None
    except (ValueError, UnicodeDecodeError, TypeError):
        raise WireError("a message header is not valid JSON") from None
    if not isinstance(header, dict):
        raise WireError("a message header is malformed (not an object)")
    if _too_deep(header, MAX_DEPTH):
        raise WireError("a message header is nested too deeply")
    count = header.get("blobs", 0)
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_BLOBS:
        raise WireError("a message header is malformed (bad blob count)")
    return header, count


class MessageReader:
    """Incremental parser: feed bytes, take complete messages. Enforces per-frame and total size caps.

    Total: :meth:`feed` returns messages or raises :class:`WireError`, whatever the bytes."""

    def __init__(self, max_frame: int, max_total: int) -> None:
        self.buffer = bytearray()
        self.max_frame = max_frame
        self.max_total = max_total
        self.total = 0
        self._pending: dict | None = None
        self._count = 0
        self._blobs: list[bytes] = []

    def feed(self, data: bytes) -> list[tuple[dict, list[bytes]]]:
        """Add ``data`` and return the messages now complete; raises WireError on malformed input."""
        self.total += len(data)
        if self.total > self.max_total:
            raise WireError(f"more than {self.max_total} bytes of results")
        self.buffer += data
        done = []
        pos = 0
        while len(self.buffer) - pos >= 4:
            (size,) = struct.unpack_from(">I", self.buffer, pos)
            limit = MAX_HEADER if self._pending is None else self.max_frame
            if size > limit:
                raise WireError(f"a result frame of {size} bytes exceeds the limit of {limit}")
            if len(self.buffer) - pos < 4 + size:
                break
            body = bytes(self.buffer[pos + 4:pos + 4 + size])
            pos += 4 + size
            if self._pending is None:
                self._pending, self._count = parse_header(body)
                self._blobs = []
            else:
                self._blobs.append(body)
            if self._pending is not None and len(self._blobs) == self._count:
                done.append((self._pending, self._blobs))
                self._pending, self._blobs = None, []
        del self.buffer[:pos]
        return done


def read_message(stream: io.BufferedReader, max_frame: int = 1 << 31) -> tuple[dict, list[bytes]] | None:
    """Blocking read of one message; None at end of stream. Total: malformed bytes raise WireError."""
    def exact(n: int) -> bytes | None:
        data = stream.read(n)
        if not data:
            return None
        if len(data) != n:
            raise WireError("stream ended inside a frame")
        return data

    def one(limit: int) -> bytes | None:
        head = exact(4)
        if head is None:
            return None
        (size,) = struct.unpack(">I", head)
        if size > limit:
            raise WireError(f"a frame of {size} bytes exceeds the limit of {limit}")
        return exact(size) if size else b""

    body = one(MAX_HEADER)
    if body is None:
        return None
    header, count = parse_header(body)
    blobs = []
    for _ in range(count):
        blob = one(max_frame)
        if blob is None:
            raise WireError("stream ended inside a message")
        blobs.append(blob)
    return header, blobs


def array_bytes(array: Any) -> bytes:
    """``array`` as ``.npy`` bytes (no pickle; raises ValueError for object arrays)."""
    import numpy as np

    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.asarray(array), allow_pickle=False)
    return buf.getvalue()


def encode_rows(rows: Any, blobs: list[bytes]) -> list[list[int | None]]:
    """Each array of each row appended to ``blobs`` as ``.npy`` bytes and replaced by its index there;
    ``None`` (no output) stays ``None``."""
    encoded = []
    for values in rows:
        row: list[int | None] = []
        for value in values:
            if value is None:
                row.append(None)
            else:
                blobs.append(array_bytes(value))
                row.append(len(blobs) - 1)
        encoded.append(row)
    return encoded


def encode_value(value: Any, blobs: list[bytes]) -> Any:
    """JSON tree for a trusted value; arrays' raw bytes are appended to ``blobs`` and referenced by index
    with their dtype and shape (trusted inputs only: the child's outputs travel as checked ``.npy``)."""
    import numpy as np

    if isinstance(value, np.ndarray):
        if value.dtype.hasobject:
            raise TypeError("object arrays cannot be sent")
        blobs.append(np.ascontiguousarray(value).tobytes())
        return {"$nd": len(blobs) - 1, "dtype": value.dtype.str, "shape": list(value.shape)}
    if isinstance(value, np.generic):
        return encode_value(value.item(), blobs)
    if isinstance(value, tuple):
        return {"$tuple": [encode_value(v, blobs) for v in value]}
    if isinstance(value, list):
        return [encode_value(v, blobs) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[k, encode_value(v, blobs)] for k, v in value.items()]}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot send a value of type {type(value).__name__}")


def decode_value(tree: Any, blobs: list[bytes]) -> Any:
    """Inverse of :func:`encode_value` (for trusted input only)."""
    if isinstance(tree, dict):
        if "$nd" in tree:
            import numpy as np

            flat = np.frombuffer(blobs[tree["$nd"]], dtype=np.dtype(tree["dtype"]))
            return flat.reshape(tree["shape"]).copy()
        if "$tuple" in tree:
            return tuple(decode_value(v, blobs) for v in tree["$tuple"])
        if "$dict" in tree:
            return {k: decode_value(v, blobs) for k, v in tree["$dict"]}
    if isinstance(tree, list):
        return [decode_value(v, blobs) for v in tree]
    return tree
