"""Hostile submissions for the sandbox's second round: reads by allow-list, writes only in a private
tmpfs, a fixed environment, children forked from a clean state, isolation facts from the worker only,
and the new mount API and memfd_create denied.

Every test checks afterwards that the next correct file passes through the same worker, that no
process and no file is left, and that the progress database and the references are unchanged.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import textwrap
import time
from pathlib import Path

import pytest

from dlprep.grading import Grader
from dlprep.grading.client import WorkerClient
from dlprep.paths import solutions_dir

pytestmark = pytest.mark.xdist_group("sandbox")

DRILL = "conv2d"
SIGNATURE = "def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):\n"
PURELIB = Path(sysconfig.get_paths()["purelib"])
INSTALLED_REFERENCE = PURELIB / "dlprep" / "_data" / "solutions" / f"{DRILL}.py"
# What a child's whole environment must be (written here, not taken from the code under test).
CHILD_VARIABLES = {"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                   "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"}


def body(text: str) -> str:
    """A conv2d submission whose function body is ``text``."""
    return "import numpy as np\n" + SIGNATURE + textwrap.indent(textwrap.dedent(text), "    ")


def correct_after(check: str) -> str:
    """The reference conv2d, run after ``check`` (which raises when the sandbox let something through)."""
    reference = (solutions_dir() / f"{DRILL}.py").read_text()
    return (reference + "\n_reference = conv2d\n\n\n" + SIGNATURE + textwrap.indent(textwrap.dedent(check), "    ")
            + "    return _reference(x, w, b, stride, padding, dilation, groups)\n")


def reads(path_expression: str) -> str:
    """A submission that reads (or lists) a path and says so if it could."""
    return body(f"""\
        import os, sys, sysconfig
        path = {path_expression}
        if os.path.isdir(path):
            os.listdir(path)
        else:
            open(path, 'rb').read(1)
        raise RuntimeError('the sandbox let me read ' + path)
        """)


SYSCALL = """\
    import ctypes, os
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.syscall({args})
    if fd < 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    raise RuntimeError('the syscall returned a file descriptor')
    """

# (name, code, expected status, text expected in the verdict)
CASES = [
    # hole 1: reads by allow-list
    ("reads the installed copy of the references", body(f"""\
        import sysconfig
        path = sysconfig.get_paths()['purelib'] + '/dlprep/_data/solutions/{DRILL}.py'
        namespace = {{}}
        exec(open(path).read(), namespace)
        return namespace['{DRILL}'](x, w, b, stride, padding, dilation, groups)
        """), "fail", "PermissionError"),
    ("reads another distribution of the environment",
     reads("sysconfig.get_paths()['purelib'] + '/textual/__init__.py'"), "fail", "PermissionError"),
    ("imports a distribution the drill does not need", body("import yaml\nreturn x\n"), "fail", "PermissionError"),
    ("reads torch in a numpy drill", reads("sysconfig.get_paths()['purelib'] + '/torch/__init__.py'"),
     "fail", "PermissionError"),
    ("lists the base interpreter's site-packages",
     reads("sysconfig.get_paths(vars={'base': sys.base_prefix, 'platbase': sys.base_prefix})['purelib']"),
     "fail", "PermissionError"),
    ("lists the system's python packages", reads("'/usr/lib/python3'"), "fail", "PermissionError"),
    ("reads /usr/share", reads("'/usr/share'"), "fail", "PermissionError"),
    ("reads /etc/passwd", reads("'/etc/passwd'"), "fail", "PermissionError"),
    ("reads another process's environment through /proc", reads("'/proc/1/environ'"), "fail",
     "PermissionError"),
    ("imports a torch dependency in a numpy drill", body("import sympy\nreturn x\n"), "fail", "PermissionError"),
    # hole 2: writes only in a private, size-capped tmpfs
    ("writes and reads back its own temp files", correct_after("""\
        import os, tempfile
        with open('scratch.bin', 'wb') as fh:
            fh.write(b'x' * 4096)
        assert open('scratch.bin', 'rb').read() == b'x' * 4096
        with tempfile.NamedTemporaryFile() as fh:
            fh.write(b'y')
        """), "pass", ""),
    ("writes beside its run directory", body("""\
        import os
        open(os.path.join(os.path.dirname(os.getcwd()), 'planted'), 'w').write('x')
        raise RuntimeError('wrote outside its run directory')
        """), "fail", "PermissionError"),
    ("pre-creates the next runs' directories", body("""\
        import os
        parent = os.path.dirname(os.getcwd())
        for i in range(200):
            os.makedirs(os.path.join(parent, f'run{i}', 'x'), exist_ok=True)
        raise RuntimeError('created directories for the next runs')
        """), "fail", "PermissionError"),
    ("removes the standby sandbox's run directory", body("""\
        import os, shutil
        parent, mine = os.path.split(os.getcwd())
        others = [n for n in os.listdir(parent) if n != mine and not n.startswith('.')]
        for name in others:
            shutil.rmtree(os.path.join(parent, name))
        raise RuntimeError(f'removed {others}')
        """), "fail", "PermissionError"),
    ("fills its temp dir", body("""\
        for i in range(64):
            with open(f'fill{i}.bin', 'wb') as fh:
                fh.write(b'0' * (1 << 20))
        raise RuntimeError('wrote 64 MiB')
        """), "fail", "No space left on device"),
    # hole 3: a fixed environment
    ("sees only a fixed environment", correct_after(f"""\
        import os
        if set(os.environ) != set({sorted(CHILD_VARIABLES)!r}):
            raise RuntimeError(f'environment: {{sorted(os.environ)}}')
        if not os.environ['HOME'] == os.environ['TMPDIR'] == os.getcwd():
            raise RuntimeError('HOME and TMPDIR are not the private temp dir')
        """), "pass", ""),
    ("looks for the app's secrets in memory", correct_after("""\
        import ctypes, gc
        needle = '-'.join(['dlprep', 'secret', 'token', '9f1c2e'])  # never one constant in this code
        environ = ctypes.POINTER(ctypes.c_char_p).in_dll(ctypes.CDLL(None), 'environ')
        i = 0
        while environ[i]:
            if needle.encode() in environ[i]:
                raise RuntimeError('found the token in the C environment')
            i += 1
        for obj in gc.get_objects():
            values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list | tuple) else ()
            for v in values:
                if isinstance(v, bytes | str) and (needle in v if isinstance(v, str) else needle.encode() in v):
                    raise RuntimeError('found the token')
        """), "pass", ""),
    # hole 9: the new mount API and anonymous memory files
    ("memfd_create", body("import os\nos.memfd_create('x')\nraise RuntimeError('memfd_create worked')\n"),
     "fail", "PermissionError"),
    ("fsopen a tmpfs", body(SYSCALL.format(args="430, b'tmpfs', 0")), "fail", "PermissionError"),
    ("open_tree a clone of /", body(SYSCALL.format(args="428, -100, b'/', 1")), "fail", "PermissionError"),
]
NAMES = [c[0] for c in CASES]


def verdict_text(result) -> str:  # noqa: ANN001
    return " ".join([result.message, *(t.message for t in result.tests)])


@pytest.mark.parametrize("name", NAMES)
def test_hostile_submission(name: str, grader: Grader, watch_for) -> None:
    _, code, status, text = next(c for c in CASES if c[0] == name)
    watch = watch_for()
    result = grader.grade(DRILL, code)
    assert result.status == status, (result.status, verdict_text(result)[:2000])
    assert text in verdict_text(result), verdict_text(result)[:2000]
    watch.check()


def test_the_editable_install_holds_a_copy_of_the_references() -> None:
    """The premise of the first case: without the fix, that copy is what a submission reads."""
    if not INSTALLED_REFERENCE.exists():
        pytest.skip("dlprep is not installed with its data in this environment")
    assert INSTALLED_REFERENCE.read_text() == (solutions_dir() / f"{DRILL}.py").read_text()


SEARCH = """\
    import gc, sys
    needle = {needle}
    for obj in gc.get_objects():
        values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list | tuple) else ()
        for v in values:
            if isinstance(v, str) and needle in v and v != needle:
                raise RuntimeError('found it: ' + v[:80])
    frame = sys._getframe()
    while frame is not None:
        for v in frame.f_locals.values():
            if isinstance(v, dict) and any(isinstance(s, str) and needle in s and s != needle for s in v.values()):
                raise RuntimeError('found it in a frame')
        frame = frame.f_back
    """


def test_a_submission_cannot_find_the_previous_submission(grader: Grader, watch_for) -> None:
    first = correct_after("MARK = 'earlier-submission-' + 'x'\n").replace(
        "import numpy as np", "import numpy as np\nSECRET_NOTE = 'earlier-submission-source-7d2a'", 1)
    assert grader.grade(DRILL, first).status == "pass"
    watch = watch_for()
    needle = "'-'.join(['earlier', 'submission', 'source', '7d2a'])"
    result = grader.grade(DRILL, correct_after(SEARCH.format(needle=needle)))
    assert result.status == "pass", verdict_text(result)[:2000]
    watch.check()


def test_a_submission_cannot_find_another_drills_cases(grader: Grader, watch_for) -> None:
    softmax = (solutions_dir() / "softmax.py").read_text()
    assert grader.grade("softmax", softmax).status == "pass"
    watch = watch_for()
    needle = "' '.join(['overflow', 'without', 'max', 'shift'])"
    result = grader.grade(DRILL, correct_after(SEARCH.format(needle=needle)))
    assert result.status == "pass", verdict_text(result)[:2000]
    watch.check()


FORGED = body("""\
    import json, os, struct, time
    pid = os.fork()
    if pid == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(1000)
        os._exit(0)
    os.waitpid(pid, 0)
    claim = ['user-namespace', 'net-namespace', 'pid-namespace', 'mount-namespace', 'private-tmpfs',
             'rlimits', 'closed-fds', 'landlock', 'seccomp']
    head = json.dumps({'type': 'layers', 'active': claim, 'missing': {}, 'blobs': 0}).encode()
    for fd in range(3, 20):
        try:
            os.write(fd, struct.pack('>I', len(head)) + head)
        except OSError:
            pass
    return x
    """)


def test_a_forged_isolation_report_keeps_no_stray_alive(
        home: Path, monkeypatch: pytest.MonkeyPatch, watch_for) -> None:
    """Degraded mode (no namespaces, no seccomp): the worker alone decides what held."""
    monkeypatch.setenv("DLPREP_HOME", str(home))
    monkeypatch.setenv("DLPREP_SANDBOX_DISABLE", "namespaces,seccomp")
    degraded = Grader(time_budget_s=3.0)
    try:
        watch = watch_for(degraded)
        result = degraded.grade(DRILL, FORGED)
        assert result.status == "fail"
        assert "pid-namespace" not in result.isolation and "seccomp" not in result.isolation
        watch.check()
    finally:
        degraded.close()


def test_the_temp_root_of_a_killed_worker_is_removed_at_the_next_start() -> None:
    first = WorkerClient()
    try:
        root = first.ping()["temp_root"]
        assert os.path.isdir(root)
        first.proc.kill()
        first.proc.wait()
    finally:
        first.close(kill=True)
    assert os.path.isdir(root), "nothing cleaned up after SIGKILL: the next worker must"
    second = WorkerClient()
    try:
        assert second.ping()["temp_root"] != root
        assert not os.path.exists(root)
    finally:
        second.close()


APP = """
import sys, time
from dlprep.grading import Grader
g = Grader(time_budget_s=30)
pong = g._worker().ping()
print(g._worker().pid, pong["temp_root"], flush=True)
g.grade("conv2d", sys.stdin.read())
"""


def running(pid: str) -> bool:
    """Whether ``pid`` is alive (a zombie waiting for its new parent to reap it is not)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_nothing_remains_after_the_app_is_killed_mid_grade(home: Path, tmp_path: Path) -> None:
    code = body("for i in range(8):\n    open(f'f{i}', 'wb').write(b'0' * (1 << 20))\n"
                "import time\ntime.sleep(60)\n")
    env = dict(os.environ, DLPREP_HOME=str(home), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    app = subprocess.Popen([sys.executable, "-c", APP], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                           text=True)
    worker_pid, root = app.stdout.readline().split()
    app.stdin.write(code)
    app.stdin.close()
    time.sleep(1.5)  # the submission is writing or sleeping by now
    app.send_signal(signal.SIGKILL)
    app.wait()
    app.stdout.close()
    deadline = time.monotonic() + 10
    while running(worker_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(worker_pid), "the worker outlived the app"
    assert not os.path.exists(root), "the worker's temp root is still on disk"


def test_a_torch_drill_reads_what_torch_needs(grader: Grader, watch_for) -> None:
    """The allow-list is not too narrow: torch's own requirements (imported lazily by parts of torch)
    are readable in a torch drill, while the numpy drills above could not import them."""
    reference = (solutions_dir() / "group_norm.py").read_text()
    code = "import sympy\nimport networkx\nimport jinja2\n" + reference
    watch = watch_for()
    result = grader.grade("group_norm", code)
    assert result.status == "pass", verdict_text(result)[:2000]
    assert "landlock" in result.isolation
    watch.check()
