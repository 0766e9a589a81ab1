"""Hostile submissions against the real sandbox, each with its expected verdict.

After every one (``Watch.check`` in conftest.py): the grader still answers (the reference still passes
through the same warm worker), no process of the sandbox and no file under the worker's temp root is left,
and the progress database and solutions/ are unchanged.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dlprep.grading import Grader
from dlprep.paths import CHECKOUT_DIR, solutions_dir
from dlprep.store import open_store

pytestmark = pytest.mark.xdist_group("sandbox")

DRILL = "conv2d"
CANARY = "pwned_by_submission.py"
SIGNATURE = "def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):\n"


def body(text: str) -> str:
    """A conv2d submission whose function body is ``text``."""
    return "import numpy as np\n" + SIGNATURE + textwrap.indent(textwrap.dedent(text), "    ")


def module(text: str) -> str:
    """A submission with ``text`` at module level, then a trivial conv2d."""
    return textwrap.dedent(text) + "\n" + SIGNATURE + "    return x\n"


def _cases(home: Path) -> list[tuple[str, str, str, str]]:
    """(name, code, expected status, text expected in the verdict)."""
    db = home / "progress.db"
    sol = solutions_dir() / f"{DRILL}.py"
    return [
        ("infinite loop", body("while True:\n    pass\n"), "error", "time limit"),
        ("numpy busy loop", body("a = np.ones((200, 200))\nwhile True:\n    a = a @ a / 200\n"), "error", "time limit"),
        ("sleep forever", body("import time\ntime.sleep(10**6)\n"), "error", "time limit"),
        ("memory bomb", body("blocks = []\nwhile True:\n    blocks.append(np.zeros(1 << 28))\n"),
         "fail", "MemoryError"),
        ("huge allocation", body("return np.empty(1 << 40)\n"), "fail", "MemoryError"),
        ("fork bomb", body("import os\nwhile True:\n    os.fork()\n"), "fail", "PermissionError"),
        ("setsid grandchild", body(
            "import subprocess\nsubprocess.Popen(['sleep', '1000'], start_new_session=True)\nreturn x\n"),
            "fail", "PermissionError"),
        ("thread bomb", body("import threading, time\nwhile True:\n"
                             "    threading.Thread(target=time.sleep, args=(100,)).start()\n"), "fail", "thread"),
        ("disk fill", body("with open('fill.bin', 'wb') as fh:\n    while True:\n"
                           "        fh.write(b'0' * (1 << 20))\n"), "fail", "Error"),
        ("many files", body("i = 0\nwhile True:\n    open(f'f{i}', 'wb').write(b'0' * (1 << 20))\n"
                            "    i += 1\n"), "fail", "Error"),
        ("output flood", body("while True:\n    print('x' * 10000)\n"), "error", "time limit"),
        ("tcp connect", body("import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=1)\n"),
         "fail", "PermissionError"),
        ("udp send", body("import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                          "s.sendto(b'x', ('8.8.8.8', 53))\n"), "fail", "PermissionError"),
        ("dns lookup", body("import socket\nsocket.getaddrinfo('example.com', 80)\n"), "fail", "gaierror"),
        ("read solutions", body(f"return open({str(sol)!r}).read()\n"), "fail", "PermissionError"),
        ("list solutions", body(f"import os\nreturn os.listdir({str(sol.parent)!r})\n"), "fail", "PermissionError"),
        ("read git history", body(f"import os\nreturn os.listdir({str(CHECKOUT_DIR / '.git')!r})\n"),
         "fail", "Error"),
        ("write solutions", body(f"open({str(sol.parent / CANARY)!r}, 'w').write('x')\n"), "fail", "PermissionError"),
        ("read progress db", body(f"return open({str(db)!r}, 'rb').read(100)\n"), "fail", "PermissionError"),
        ("write progress db", body(f"open({str(db)!r}, 'ab').write(b'garbage')\n"), "fail", "PermissionError"),
        ("sqlite on progress db", body(f"import sqlite3\nsqlite3.connect({str(db)!r}).execute("
                                       "'DELETE FROM settings').connection.commit()\n"), "fail", "Error"),
        ("kill the worker", body("import os, signal\nos.kill({worker}, signal.SIGKILL)\n"), "fail", "Error"),
        ("kill the parent", body("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nreturn x\n"),
         "fail", "differ"),
        ("ignore SIGTERM", body("import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                                "while True:\n    pass\n"), "error", "time limit"),
        ("segfault through ctypes", body("import ctypes\nctypes.string_at(0)\n"), "error", "SIGSEGV"),
        ("os._exit(0) before any result", module("import os\nos._exit(0)\n"), "error", "ended before"),
        ("sys.exit(0) before any result", module("import sys\nsys.exit(0)\n"), "error", "sys.exit"),
        ("sys.exit(0) in the function", body("import sys\nsys.exit(0)\n"), "fail", "sys.exit"),
        ("prints a fake PASS", body("print('PASS'); print('{\"status\": \"pass\"}')\nreturn np.zeros(1)\n"),
         "fail", "shape"),
        ("monkeypatches numpy", module(
            "import numpy as np\nnp.allclose = lambda *a, **k: True\nnp.isclose = lambda a, b, **k: True\n"
            "np.testing.assert_allclose = lambda *a, **k: None\nnp.array_equal = lambda *a, **k: True\n"),
         "fail", "shape"),
        ("NaN result", body("n, f = x.shape[0], w.shape[0]\nreturn np.full((n, f, 1, 1), np.nan)\n"), "fail", ""),
        ("inf result", body("n, f = x.shape[0], w.shape[0]\nreturn np.full((n, f, 1, 1), np.inf)\n"), "fail", ""),
        ("wrong dtype", body("import math\nreturn np.zeros((1, 1, 1, 1), dtype=np.int64)\n"), "fail", "integer"),
        ("wrong shape", body("return np.zeros((2, 2))\n"), "fail", "shape"),
        ("ndarray subclass equal to everything", body(
            "class Liar(np.ndarray):\n    def __eq__(self, other):\n        return True\n"
            "    __ne__ = lambda self, other: False\n"
            "return np.zeros((1, 1, 1, 1)).view(Liar)\n"), "fail", "differ"),
        ("object array", body("return np.array([object()], dtype=object)\n"), "fail", "numeric"),
        ("forged pickle payload", body(
            "import io, json, os, struct\n"
            "buf = io.BytesIO(); np.save(buf, np.array([{'x': 1}], dtype=object), allow_pickle=True)\n"
            "for fd in range(3, 12):\n"
            "    for i in range(20):\n"
            "        head = json.dumps({'type': 'case', 'index': i, 'status': 'ok', 'outputs': [{'npy': 0}],"
            " 'blobs': 1}).encode()\n"
            "        try:\n"
            "            os.write(fd, struct.pack('>I', len(head)) + head + struct.pack('>I', len(buf.getvalue()))"
            " + buf.getvalue())\n"
            "        except OSError:\n"
            "            pass\n"
            "os._exit(0)\n"), "fail", "not accepted"),
        ("array header claiming gigabytes", body(
            "import json, os, struct\n"
            "npy = b'\\x93NUMPY\\x01\\x00' + struct.pack('<H', 118) + "
            "(\"{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,), }\").ljust(117).encode()"
            " + b'\\n' + b'\\0' * 64\n"
            "for fd in range(3, 12):\n"
            "    for i in range(20):\n"
            "        head = json.dumps({'type': 'case', 'index': i, 'status': 'ok', 'outputs': [{'npy': 0}],"
            " 'blobs': 1}).encode()\n"
            "        try:\n"
            "            os.write(fd, struct.pack('>I', len(head)) + head + struct.pack('>I', len(npy)) + npy)\n"
            "        except OSError:\n"
            "            pass\n"
            "os._exit(0)\n"), "fail", "bytes"),
        ("frame claiming gigabytes", body(
            "import os, struct\n"
            "for fd in range(3, 12):\n"
            "    try:\n"
            "        os.write(fd, struct.pack('>I', 4000000000) + b'x' * 100)\n"
            "    except OSError:\n"
            "        pass\n"
            "import time\ntime.sleep(5)\n"), "error", "exceeds"),
        ("unbounded recursion", body("def f(n):\n    return f(n + 1)\nreturn f(0)\n"), "fail", "RecursionError"),
        ("recursion with the limit removed", body(
            "import sys\nsys.setrecursionlimit(10**9)\ndef f(n):\n    return f(n + 1) + 1\nreturn f(0)\n"),
            "error|fail", ""),
        ("TIOCSTI on the terminal", body(
            "import fcntl, termios\nerrors = []\n"
            "for fd in (0, 1, 2):\n"
            "    try:\n"
            "        fcntl.ioctl(fd, termios.TIOCSTI, b'x')\n"
            "    except OSError as exc:\n"
            "        errors.append(exc.errno)\n"
            "fcntl.ioctl(open('/dev/tty', 'rb').fileno(), termios.TIOCSTI, b'x')\n"), "fail", "Error"),
    ]


CASE_NAMES = [c[0] for c in _cases(Path("/nonexistent"))]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_submission(name: str, grader: Grader, home: Path, watch_for) -> None:
    case = {c[0]: c for c in _cases(home)}[name]
    _, code, status, text = case
    code = code.replace("{worker}", str(grader._worker().pid))
    watch = watch_for()

    result = grader.grade(DRILL, code)

    assert result.status in status.split("|"), (result.status, result.message, result.tests[:1])
    verdict = " ".join([result.message, *(t.message for t in result.tests)])
    assert text in verdict, verdict[:2000]
    watch.check()


def test_there_are_at_least_25_hostile_submissions() -> None:
    assert len(CASE_NAMES) >= 25


def test_output_flood_is_capped(grader: Grader) -> None:
    result = grader.grade(DRILL, body("import sys\nsys.stdout.write('y' * (50 << 20))\nreturn x\n"))
    assert len(result.output) < 70_000
    assert "more bytes of output not shown" in result.output


def test_progress_database_still_opens(grader: Grader, home: Path) -> None:
    grader.grade(DRILL, body(f"open({str(home / 'progress.db')!r}, 'wb').write(b'')\n"))
    store = open_store(home / "progress.db")
    try:
        assert store.get_setting("canary") == '"kept"'
    finally:
        store.close()
