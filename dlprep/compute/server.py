"""The compute process's main loop: read a request, dispatch on its ``kind``, answer, repeat.

Started by :class:`~dlprep.compute.client.ComputeClient` as ``python -c ...main()`` with the app's own
``sys.path`` root. A request is a wire message whose header has ``kind``; the answer is one wire message
whose header has ``ok`` (and ``error`` when false). Handlers live in :data:`HANDLERS`; a new kind of work
(sentence embeddings, say) is one more entry. The loop is total: a malformed request, an unknown kind or a
handler that raises all end in an ``ok: false`` answer, and the process keeps serving.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from dlprep.grading import wire

Handler = Callable[[dict, list[bytes]], tuple[dict, list[bytes]]]
MAX_REQUEST_FRAME = 256 << 20


def _ping(header: dict, blobs: list[bytes]) -> tuple[dict, list[bytes]]:
    return {"pid": os.getpid(), "torch": "torch" in sys.modules}, []


def _load(header: dict, blobs: list[bytes]) -> tuple[dict, list[bytes]]:
    """Import a framework ahead of need (the app asks after its first paint, or when a torch drill opens)."""
    import numpy  # noqa: F401

    if header.get("framework") == "torch":
        import torch  # noqa: F401
    return {"torch": "torch" in sys.modules}, []


def _handlers() -> dict[str, Handler]:
    from dlprep.compute import references

    return {"ping": _ping, "load": _load, "prepare": references.prepare, "diagnose": references.diagnose}


HANDLERS: dict[str, Handler] = {}


def answer(header: dict, blobs: list[bytes]) -> tuple[dict, list[bytes]]:
    """The answer to one request; never raises."""
    if not HANDLERS:
        HANDLERS.update(_handlers())
    kind = header.get("kind")
    handler = HANDLERS.get(kind) if isinstance(kind, str) else None
    if handler is None:
        return {"ok": False, "error": f"unknown request kind {kind!r}"[:200], "error_type": "ValueError"}, []
    try:
        reply, out = handler(header, blobs)
    except Exception as exc:  # noqa: BLE001 - any failure becomes an error value for the app
        return {"ok": False, "error": str(exc)[:4000] or type(exc).__name__, "error_type": type(exc).__name__}, []
    return dict(reply, ok=True), out


def main() -> None:
    """Serve requests on stdin/stdout until stdin closes."""
    stdin = sys.stdin.buffer
    stdout_fd = os.dup(1)
    os.dup2(2, 1)  # stray prints from drill code must not corrupt the protocol
    HANDLERS.update(_handlers())  # numpy and the drill loaders, imported while the app is still idle
    while True:
        try:
            message = wire.read_message(stdin, MAX_REQUEST_FRAME)
        except wire.WireError as exc:
            reply: tuple[dict, list[bytes]] = ({"ok": False, "error": str(exc), "error_type": "WireError"}, [])
            message = None
            _send(stdout_fd, *reply)
            return  # the stream is out of step: stop; the client starts a new process
        if message is None:
            return
        _send(stdout_fd, *answer(*message))


def _send(fd: int, header: dict, blobs: list[bytes]) -> None:
    try:
        data = wire.pack_message(header, blobs)
    except wire.WireError as exc:
        data = wire.pack_message({"ok": False, "error": str(exc), "error_type": "WireError"})
    wire.write_all(fd, data)


if __name__ == "__main__":
    main()
