"""Each isolation layer confines on its own (checked by switching the others off), and grading still
works, saying so, when every optional layer is missing."""

from __future__ import annotations

import os
import sysconfig

import pytest

from dlprep.drills import reference_source
from dlprep.grading import Grader
from dlprep.grading.allowlist import read_allow_list
from dlprep.grading.client import WorkerClient
from dlprep.grading.isolation import allowed_paths, landlock_abi
from dlprep.grading.probe import ALL_LAYERS, probe_sandbox
from dlprep.paths import CHECKOUT_DIR, PACKAGE_DIR, data_home

pytestmark = pytest.mark.xdist_group("sandbox")

SIGNATURE = "def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):\n"
GRANDCHILD = (
    "import os, time\n" + SIGNATURE
    + "    if os.fork() == 0:\n        os.setsid()\n        if os.fork() == 0:\n"
    + "            time.sleep(1000)\n        os._exit(0)\n    return x\n"
)
needs_landlock = pytest.mark.skipif(landlock_abi() < 6, reason="needs Landlock ABI 6 (Linux 6.12+)")


def _probe(monkeypatch: pytest.MonkeyPatch, disabled: str):
    monkeypatch.setenv("DLPREP_SANDBOX_DISABLE", disabled)
    client = WorkerClient()
    try:
        return probe_sandbox(client)
    finally:
        client.close()


@needs_landlock
def test_all_layers_are_active_and_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _probe(monkeypatch, "")
    assert report.error is None
    assert set(ALL_LAYERS) <= set(report.active)
    assert report.checks and all(report.checks.values()), report.checks


@needs_landlock
def test_landlock_alone_keeps_references_and_data_home_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _probe(monkeypatch, "seccomp")
    assert "landlock" in report.active and "seccomp" not in report.active
    assert report.checks["solutions/ cannot be read"]
    assert report.checks["the data home cannot be read"]
    assert report.checks["TCP connections are blocked"]
    assert not report.checks["new processes cannot be started"]


def test_network_namespace_alone_blocks_tcp(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _probe(monkeypatch, "seccomp,landlock")
    assert "net-namespace" in report.active
    assert report.checks["TCP connections are blocked"]
    assert report.checks["the child is PID 1 of its own namespace"]


def test_seccomp_alone_blocks_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _probe(monkeypatch, "landlock,namespaces")
    assert "seccomp" in report.active
    assert report.checks["new processes cannot be started"]
    assert report.checks["TCP connections are blocked"]


def test_pid_namespace_kills_a_setsid_grandchild(monkeypatch: pytest.MonkeyPatch, tmp_path, leftover_processes) -> None:
    monkeypatch.setenv("DLPREP_SANDBOX_DISABLE", "seccomp")
    grader = Grader(time_budget_s=3.0)
    try:
        result = grader.grade("conv2d", GRANDCHILD)
        assert result.status == "fail"
        assert "pid-namespace" in result.isolation
        assert leftover_processes(grader._worker()) == []
    finally:
        grader.close()


def test_grading_works_on_rlimits_alone_and_says_isolation_is_reduced(
    monkeypatch: pytest.MonkeyPatch, leftover_processes
) -> None:
    monkeypatch.setenv("DLPREP_SANDBOX_DISABLE", "seccomp,landlock,namespaces")
    grader = Grader(time_budget_s=3.0)
    try:
        result = grader.grade("conv2d", reference_source("conv2d"))
        assert result.status == "pass"
        assert result.isolation == ["rlimits", "closed-fds"]
        reduced = [w for w in result.warnings if w.startswith("isolation reduced")]
        assert reduced and "landlock" in reduced[0] and "seccomp" in reduced[0] and "namespaces" in reduced[0]
        leftover = grader.grade("conv2d", GRANDCHILD)
        assert leftover.status == "fail"
        assert leftover_processes(grader._worker()) == []
    finally:
        grader.close()


def test_allowed_paths_carve_denied_folders_out_of_a_root(tmp_path) -> None:
    for name in ("site/pkg_a", "site/dlprep/_data/solutions", "site/dlprep/_data/content", "site/dlprep/core"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "site/top.py").write_text("")
    denied = [str(tmp_path / "site/dlprep/_data/solutions")]
    got = sorted(os.path.relpath(p, tmp_path) for p in allowed_paths([str(tmp_path / "site")], denied))
    assert got == ["site/dlprep/_data/content", "site/dlprep/core", "site/pkg_a", "site/top.py"]
    assert allowed_paths([str(tmp_path / "site/pkg_a")], denied) == [str((tmp_path / "site/pkg_a").resolve())]


def _covers(readable: list[str], path: str) -> list[str]:
    """The allowed paths that expose ``path`` (equal to it or one of its parents)."""
    path = os.path.realpath(path)
    return [r for r in readable if path == r or path.startswith(r.rstrip("/") + "/")]


def test_the_numpy_allow_list_is_numpy_the_stdlib_and_system_libraries() -> None:
    readable = read_allow_list("numpy")
    site = os.path.realpath(sysconfig.get_paths()["purelib"])
    in_site = {os.path.relpath(p, site).split("/")[0] for p in readable if p.startswith(site + "/")}
    assert {name.split("-")[0] for name in in_site} == {"numpy", "numpy.libs"}
    assert _covers(readable, os.path.join(os.path.dirname(os.__file__), "json", "__init__.py"))  # stdlib


def test_the_torch_allow_list_follows_torchs_requirements() -> None:
    readable = read_allow_list("torch")
    site = os.path.realpath(sysconfig.get_paths()["purelib"])
    names = {os.path.relpath(p, site).split("/")[0].split("-")[0] for p in readable if p.startswith(site + "/")}
    # torch requires sympy, which requires mpmath; jinja2 requires MarkupSafe; numpy for the harness
    assert {"torch", "sympy", "mpmath", "jinja2", "markupsafe", "networkx", "filelock", "fsspec",
            "numpy"} <= names
    assert not names & {"textual", "yaml", "fsrs", "dlprep", "pytest", "rich"}


@pytest.mark.parametrize("framework", ["numpy", "torch"])
def test_the_allow_list_never_exposes_dlprep_the_data_home_or_system_folders(framework: str, tmp_path) -> None:
    readable = read_allow_list(framework)
    site = sysconfig.get_paths()["purelib"]
    never = [PACKAGE_DIR, CHECKOUT_DIR / "solutions", CHECKOUT_DIR / "README.md", data_home(),
             os.path.join(site, "dlprep", "_data", "solutions", "conv2d.py"), os.path.join(site, "textual"),
             "/home/someone", "/root/.bashrc", "/var/log", "/opt/x", "/usr/share/doc", "/usr/local/lib",
             "/etc/passwd", "/usr/lib/python3/dist-packages", site]
    exposed = {str(p): _covers(readable, str(p)) for p in never}
    assert {p: r for p, r in exposed.items() if r} == {}
    stdlib = os.path.dirname(os.path.realpath(os.__file__))
    if os.path.isdir(os.path.join(stdlib, "site-packages")):  # pyenv and the like: carved out of the stdlib
        assert not _covers(readable, os.path.join(stdlib, "site-packages", "anything"))
