"""The framing between the processes and the loader of untrusted .npy bytes."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest

from dlprep.grading import wire
from dlprep.grading.safe_npy import BadOutput, load_array


def _npy(array: np.ndarray, allow_pickle: bool = False) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=allow_pickle)
    return buf.getvalue()


def _fake_npy(header: str) -> bytes:
    text = header.ljust(117).encode() + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text


def test_messages_survive_arbitrary_chunking() -> None:
    data = wire.pack_message({"type": "case", "index": 3}, [b"abc", b"", b"x" * 1000])
    data += wire.pack_message({"type": "done"})
    reader = wire.MessageReader(max_frame=10_000, max_total=100_000)
    got = []
    for i in range(0, len(data), 7):
        got += reader.feed(data[i:i + 7])
    assert [h["type"] for h, _ in got] == ["case", "done"]
    assert got[0][1] == [b"abc", b"", b"x" * 1000]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (struct.pack(">I", 5) + b"nope!", "not valid JSON"),
        (wire.frame(b'{"blobs": -1}'), "malformed"),
        (wire.frame(b'{"blobs": "2"}'), "malformed"),
        (wire.frame(b"[1, 2]"), "malformed"),
        (wire.frame(b'{"blobs": 1}') + struct.pack(">I", 20_000), "exceeds"),
        (struct.pack(">I", 4_000_000_000), "exceeds"),
    ],
)
def test_malformed_frames_are_refused(data: bytes, text: str) -> None:
    reader = wire.MessageReader(max_frame=10_000, max_total=100_000)
    with pytest.raises(wire.WireError, match=text):
        reader.feed(data)


def test_total_result_size_is_capped() -> None:
    reader = wire.MessageReader(max_frame=10_000, max_total=1_000)
    with pytest.raises(wire.WireError, match="more than 1000 bytes"):
        reader.feed(b"\0" * 1_001)


def test_values_round_trip() -> None:
    value = [np.arange(6.0).reshape(2, 3), (1, 2.5, None, True), {"k": np.array([True, False])}, "s"]
    blobs: list[bytes] = []
    back = wire.decode_value(wire.encode_value(value, blobs), blobs)
    assert np.array_equal(back[0], value[0]) and back[0].dtype == np.float64
    assert back[1] == (1, 2.5, None, True)
    assert back[2]["k"].tolist() == [True, False]
    assert back[3] == "s"


@pytest.mark.parametrize("array", [
    np.arange(12.0).reshape(3, 4), np.arange(5, dtype=np.int32), np.array([True, False]),
    np.float64(2.5) * np.ones(()), np.zeros((0, 4)), np.asfortranarray(np.arange(6.0).reshape(2, 3)),
    np.arange(4, dtype=np.uint8),
])
def test_numeric_arrays_load(array: np.ndarray) -> None:
    got = load_array(wire.array_bytes(array))
    assert type(got) is np.ndarray
    assert got.shape == array.shape and got.dtype == array.dtype
    assert np.array_equal(got, array)


def test_object_arrays_and_pickle_are_refused() -> None:
    with pytest.raises(BadOutput, match="not accepted"):
        load_array(_npy(np.array([{"a": 1}], dtype=object), allow_pickle=True))


@pytest.mark.parametrize("header", [
    "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }",
    "{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }",
    "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }",
])
def test_non_numeric_dtypes_are_refused(header: str) -> None:
    with pytest.raises(BadOutput, match="not accepted"):
        load_array(_fake_npy(header) + b"\0" * 64)


def test_a_header_claiming_gigabytes_is_refused_before_allocating() -> None:
    data = _fake_npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,), }") + b"\0" * 8
    with pytest.raises(BadOutput, match="over the"):
        load_array(data)


def test_a_body_shorter_than_the_shape_is_refused() -> None:
    data = _fake_npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }") + b"\0" * 16
    with pytest.raises(BadOutput, match="does not match"):
        load_array(data)


def test_garbage_is_refused() -> None:
    with pytest.raises(BadOutput):
        load_array(b"\x93NUMPY garbage")
