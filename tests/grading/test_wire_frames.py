"""The framing at its limits: both readers accept exactly what the writer sends and refuse the rest with
the same words, which end up in a verdict when a child's results cannot be read."""

from __future__ import annotations

import fcntl
import io
import json
import os
import signal
import struct
import termios
import threading
import time

import numpy as np
import pytest

from dlprep.grading import wire
from dlprep.grading.safe_npy import load_array

BIG = 1 << 20  # the readers' frame limit for blobs in these tests, well above any header here


def _both(data: bytes, max_frame: int = BIG) -> list:
    """What each reader makes of ``data``: its messages, or ``("error", text)``; asserts that they agree."""
    results = []
    reader = wire.MessageReader(max_frame=max_frame, max_total=1 << 30)
    try:
        results.append(reader.feed(data))
    except wire.WireError as exc:
        results.append(("error", str(exc).replace("result frame", "frame")))
    stream = io.BytesIO(data)
    try:
        got = []
        while (message := wire.read_message(stream, max_frame)) is not None:
            got.append(message)
        results.append(got)
    except wire.WireError as exc:
        results.append(("error", str(exc)))
    assert results[0] == results[1]
    return results[0]


def _padded_header(size: int) -> dict:
    """A header whose packed JSON (with its ``blobs`` count of 0) is exactly ``size`` bytes."""
    empty = len(json.dumps({"pad": "", "blobs": 0}).encode())
    return {"pad": "x" * (size - empty)}


def _nested(levels: int, opener: bytes, closer: bytes) -> bytes:
    """A header object holding ``levels - 1`` more containers, followed by a plain sibling value."""
    inner = opener * (levels - 1) + b"1" + closer * (levels - 1)
    return b'{"a": ' + inner + b', "z": 1}'


# ----- what goes through ------------------------------------------------------------------------------------


def test_the_blocking_reader_returns_each_message_then_none() -> None:
    data = wire.pack_message({"type": "case", "index": 3}, [b"abc", b"", b"x" * 1000])
    data += wire.pack_message({"type": "done"})
    stream = io.BytesIO(data)
    assert wire.read_message(stream) == ({"type": "case", "index": 3, "blobs": 3}, [b"abc", b"", b"x" * 1000])
    assert wire.read_message(stream) == ({"type": "done", "blobs": 0}, [])
    assert wire.read_message(stream) is None


def test_a_header_of_exactly_the_limit_is_written_and_read() -> None:
    header = _padded_header(wire.MAX_HEADER)
    data = wire.pack_message(header)
    assert len(data) == 4 + wire.MAX_HEADER
    assert _both(data) == [(dict(header, blobs=0), [])]
    assert wire.parse_header(data[4:]) == (dict(header, blobs=0), 0)
    with pytest.raises(wire.WireError, match=f"^a message header of {wire.MAX_HEADER + 1} bytes exceeds the "
                                             f"limit of {wire.MAX_HEADER}$"):
        wire.pack_message(_padded_header(wire.MAX_HEADER + 1))
    with pytest.raises(wire.WireError, match=f"^a header of {wire.MAX_HEADER + 1} bytes exceeds the limit of "
                                             f"{wire.MAX_HEADER}$"):
        wire.parse_header(b" " * (wire.MAX_HEADER + 1))


def test_the_header_limit_and_the_blob_limit_are_separate() -> None:
    header = {"type": "case", "note": "a header longer than one blob may be"}
    assert _both(wire.pack_message(header, [b"12345678"]), max_frame=8) == \
        [(dict(header, blobs=1), [b"12345678"])]
    assert _both(wire.pack_message(header, [b"123456789"]), max_frame=8) == \
        ("error", "a frame of 9 bytes exceeds the limit of 8")


def test_a_header_may_announce_up_to_the_blob_limit() -> None:
    assert wire.parse_header(f'{{"blobs": {wire.MAX_BLOBS}}}'.encode()) == ({"blobs": wire.MAX_BLOBS}, wire.MAX_BLOBS)
    with pytest.raises(wire.WireError, match=r"^a message header is malformed \(bad blob count\)$"):
        wire.parse_header(f'{{"blobs": {wire.MAX_BLOBS + 1}}}'.encode())


@pytest.mark.parametrize(("opener", "closer"), [(b'{"a": ', b"}"), (b"[", b"]")])
def test_headers_nest_up_to_the_depth_limit(opener: bytes, closer: bytes) -> None:
    deepest = _nested(wire.MAX_DEPTH, opener, closer)
    assert _both(wire.frame(deepest)) == [(json.loads(deepest), [])]
    assert _both(wire.frame(_nested(wire.MAX_DEPTH + 1, opener, closer))) == \
        ("error", "a message header is nested too deeply")


# ----- what is refused, in the words a verdict shows --------------------------------------------------------


@pytest.mark.parametrize(("data", "message"), [
    (wire.frame(b"nope!"), "a message header is not valid JSON"),
    (wire.frame(b"\xff\xfe{}"), "a message header is not valid JSON"),
    (wire.frame(b"[1, 2]"), "a message header is malformed (not an object)"),
    (wire.frame(b'{"blobs": -1}'), "a message header is malformed (bad blob count)"),
    (wire.frame(b'{"blobs": true}'), "a message header is malformed (bad blob count)"),
    (wire.frame(b'{"a": ' + b"[" * 5000 + b"1" + b"]" * 5000 + b"}"), "a message header is nested too deeply"),
    (struct.pack(">I", 4_000_000_000), f"a frame of 4000000000 bytes exceeds the limit of {wire.MAX_HEADER}"),
    (wire.frame(b'{"blobs": 1}') + struct.pack(">I", BIG + 1),
     f"a frame of {BIG + 1} bytes exceeds the limit of {BIG}"),
], ids=["not-json", "not-utf8", "not-an-object", "negative-blobs", "bool-blobs", "json-recursion",
        "huge-header-frame", "blob-over-limit"])
def test_both_readers_refuse_bad_bytes_in_the_same_words(data: bytes, message: str) -> None:
    assert _both(data) == ("error", message)


def test_a_stream_that_stops_early_says_where() -> None:
    message = wire.pack_message({"type": "case"}, [b"abc", b"defg"])
    for cut, where in [(2, "a frame"), (10, "a frame"), (len(message) - 2, "a frame"),
                       (len(message) - 8, "a message")]:
        with pytest.raises(wire.WireError, match=f"^stream ended inside {where}$"):
            wire.read_message(io.BytesIO(message[:cut]))


def test_the_total_cap_counts_every_byte_fed() -> None:
    first, second = wire.pack_message({"type": "a"}), wire.pack_message({"type": "b"}, [b"xyz"])
    reader = wire.MessageReader(max_frame=BIG, max_total=len(first) + len(second))
    assert reader.feed(first) == [({"type": "a", "blobs": 0}, [])]
    assert reader.feed(second) == [({"type": "b", "blobs": 1}, [b"xyz"])]
    with pytest.raises(wire.WireError, match=f"^more than {len(first) + len(second)} bytes of results$"):
        reader.feed(b"\0")


def test_a_header_that_cannot_be_encoded_is_refused_in_words() -> None:
    with pytest.raises(wire.WireError, match="^a message header cannot be encoded$"):
        wire.pack_message({"value": {1, 2}})


# ----- writing --------------------------------------------------------------------------------------------------


def _queued(fd: int) -> int:
    buf = bytearray(4)
    fcntl.ioctl(fd, termios.FIONREAD, buf)
    return int.from_bytes(buf, "little")


def test_write_all_finishes_a_write_that_a_signal_cut_short() -> None:
    """A blocked write to a full pipe returns early, with a partial count, when a signal arrives."""
    data = bytes(range(256)) * 4096
    r, w = os.pipe()
    capacity = fcntl.fcntl(w, fcntl.F_GETPIPE_SZ)
    assert len(data) > capacity
    received = bytearray()
    interrupted, stopped = threading.Event(), threading.Event()
    main = threading.get_ident()

    def drain() -> None:
        while _queued(r) < capacity and not stopped.is_set():  # full: the writer is blocked inside os.write
            time.sleep(0.001)
        signal.pthread_kill(main, signal.SIGUSR1)
        while chunk := os.read(r, 1 << 16):
            received.extend(chunk)

    previous = signal.signal(signal.SIGUSR1, lambda *_: interrupted.set())
    reader = threading.Thread(target=drain, daemon=True)
    try:
        reader.start()
        wire.write_all(w, data)
    finally:
        stopped.set()
        os.close(w)
        reader.join(10)
        os.close(r)
        signal.signal(signal.SIGUSR1, previous)
    assert interrupted.is_set()
    assert bytes(received) == data


# ----- values -----------------------------------------------------------------------------------------------


def test_result_rows_become_blob_indexes_after_the_blobs_already_there() -> None:
    first, second = np.arange(3), np.eye(2, dtype=np.float32)
    blobs = [b"earlier"]
    assert wire.encode_rows([[first, None], [second], []], blobs) == [[1, None], [2], []]
    assert blobs[0] == b"earlier" and len(blobs) == 3
    for blob, array in zip(blobs[1:], [first, second], strict=True):
        back = load_array(blob)
        assert back.dtype == array.dtype and np.array_equal(back, array)


def test_result_arrays_are_never_pickled() -> None:
    with pytest.raises(ValueError, match="allow_pickle=False"):
        wire.array_bytes(np.array([{"a": 1}], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle=False"):
        wire.encode_rows([[np.array([None], dtype=object)]], [])


def test_numpy_scalars_travel_as_plain_values_and_tuples_may_hold_arrays() -> None:
    blobs: list[bytes] = []
    tree = wire.encode_value([np.float32(2.5), np.int64(3), np.bool_(True), (np.arange(2), "s")], blobs)
    assert tree[:3] == [2.5, 3, True]
    assert [type(v) for v in tree[:3]] == [float, int, bool]
    back = wire.decode_value(tree, blobs)
    assert back[:3] == [2.5, 3, True]
    assert isinstance(back[3], tuple) and back[3][1] == "s" and back[3][0].tolist() == [0, 1]


def test_values_that_cannot_be_sent_are_named() -> None:
    with pytest.raises(TypeError, match="^object arrays cannot be sent$"):
        wire.encode_value(np.array([1, "a"], dtype=object), [])
    with pytest.raises(TypeError, match="^cannot send a value of type set$"):
        wire.encode_value({"k": {1, 2}}, [])
