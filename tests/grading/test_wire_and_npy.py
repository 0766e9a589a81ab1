"""The framing between the processes and the loader of untrusted .npy bytes."""

from __future__ import annotations

import io
import json
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    with pytest.raises(BadOutput, match="^unsupported .npy version$"):
        load_array(b"\x93NUMPY garbage")


# ----- the reader is total: any bytes end in messages or a WireError ------------------------------------------

JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


def _nested(depth: int, opener: bytes, closer: bytes) -> bytes:
    return opener * depth + b"1" + closer * depth


FRAME_BODIES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(["type", "blobs", "index", "outputs"]), JSON_VALUES, max_size=4)
    .map(lambda d: json.dumps(d).encode()),
    st.integers(0, 3000).map(lambda n: _nested(n, b"[", b"]")),
    st.integers(0, 3000).map(lambda n: b'{"a": ' * n + b"1" + b"}" * n),
)


def _frames(bodies: list[bytes], lies: list[int]) -> bytes:
    out = b""
    for i, body in enumerate(bodies):
        size = len(body) if not lies or lies[i % len(lies)] < 0 else lies[i % len(lies)]
        out += struct.pack(">I", size) + body
    return out


def _check_message(header: object, blobs: object) -> None:
    assert isinstance(header, dict) and isinstance(blobs, list)
    assert all(isinstance(b, bytes) for b in blobs)
    assert isinstance(header.get("blobs", 0), int)
    json.dumps(header)  # depth-capped: re-encoding (as the worker does) never recurses too deep


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies=st.lists(FRAME_BODIES, max_size=6), lies=st.lists(st.integers(-1, (1 << 32) - 1), max_size=3),
       chunk=st.integers(1, 64))
def test_the_reader_turns_any_bytes_into_messages_or_a_wire_error(bodies: list[bytes], lies: list[int],
                                                                   chunk: int) -> None:
    data = _frames(bodies, lies)
    reader = wire.MessageReader(max_frame=10_000, max_total=1 << 20)
    try:
        for i in range(0, len(data), chunk):
            for header, blobs in reader.feed(data[i:i + chunk]):
                _check_message(header, blobs)
    except wire.WireError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies=st.lists(FRAME_BODIES, max_size=6), lies=st.lists(st.integers(-1, (1 << 32) - 1), max_size=3))
def test_the_blocking_reader_turns_any_bytes_into_messages_or_a_wire_error(bodies: list[bytes],
                                                                           lies: list[int]) -> None:
    stream = io.BytesIO(_frames(bodies, lies))
    try:
        while (message := wire.read_message(stream, max_frame=10_000)) is not None:
            _check_message(*message)
    except wire.WireError:
        pass


@pytest.mark.parametrize("body", [
    b"{}", b'{"type": "case"}', _nested(5000, b"[", b"]"), b'{"a": ' * 990 + b"1" + b"}" * 990,
    b'{"a": ' * (wire.MAX_DEPTH + 1) + b"1" + b"}" * (wire.MAX_DEPTH + 1), b'"text"', b"null", b'{"blobs": true}',
])
def test_headers_without_blobs_or_nested_too_deep_are_handled(body: bytes) -> None:
    reader = wire.MessageReader(max_frame=10_000, max_total=1 << 20)
    try:
        messages = reader.feed(wire.frame(body))
    except wire.WireError:
        assert body not in (b"{}", b'{"type": "case"}')
        return
    assert messages == [(json.loads(body), [])]


def test_pack_message_refuses_a_header_the_reader_would_refuse() -> None:
    with pytest.raises(wire.WireError, match="exceeds"):
        wire.pack_message({"code": "x" * wire.MAX_HEADER})
    with pytest.raises(wire.WireError, match="cannot be encoded"):
        wire.pack_message({"value": object()})
