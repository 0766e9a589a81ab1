"""The read allow-list in a wheel installed into a fresh venv (the editable install is what the rest of
tests/security runs in, and ``as_nobody.sh`` runs it again as uid 65534).

A wheel puts ``content/``, ``drills/`` and ``solutions/`` under ``site-packages/dlprep/_data``, beside
the numpy a drill needs: a submission that reads the reference from there must not get it. The fresh
venv reuses this environment's packages through a ``.pth`` file, so no network is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from dlprep.paths import CHECKOUT_DIR

pytestmark = pytest.mark.xdist_group("sandbox")

SCRIPT = r"""
import json, sys, sysconfig
from pathlib import Path
import dlprep.paths
from dlprep.grading import Grader

purelib = sysconfig.get_paths()["purelib"]
installed = Path(purelib) / "dlprep" / "_data" / "solutions" / "conv2d.py"
hostile = '''
import sysconfig
def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    namespace = {}
    path = sysconfig.get_paths()["purelib"] + "/dlprep/_data/solutions/conv2d.py"
    exec(open(path).read(), namespace)
    return namespace["conv2d"](x, w, b, stride, padding, dilation, groups)
'''
grader = Grader(time_budget_s=5)
try:
    stolen = grader.grade("conv2d", hostile)
    honest = grader.grade("conv2d", installed.read_text())
finally:
    grader.close()
print(json.dumps({
    "package": str(dlprep.paths.PACKAGE_DIR), "prefix": sys.prefix, "installed_copy": installed.exists(),
    "stolen": [stolen.status, " ".join(t.message for t in stolen.tests)[:3000]],
    "honest": [honest.status, honest.message], "isolation": honest.isolation,
}))
"""


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    shutil.copytree(CHECKOUT_DIR, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", ".ruff_cache", ".pytest_cache", ".hypothesis", "__snapshots__",
        "snapshot_report.html", "*.egg-info", "dist", "build"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(root / "dist"), str(source)], check=True, capture_output=True)
    wheel = next((root / "dist").glob("dlprep-*.whl"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    fresh_site = subprocess.run([str(venv / "bin" / "python"), "-c",
                                 "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                check=True, capture_output=True, text=True).stdout.strip()
    shared = sysconfig.get_paths()["purelib"]  # numpy, torch, textual... from this environment
    (Path(fresh_site) / "zz_shared_packages.pth").write_text(shared + "\n")
    return venv


def _run(venv: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DLPREP"))}
    env["DLPREP_HOME"] = str(home)
    return subprocess.run([str(venv / "bin" / "python"), *args], env=env, capture_output=True, text=True,
                          timeout=300, cwd=home.parent)


def test_a_wheel_install_keeps_its_references_unreadable(wheel_venv: Path, tmp_path: Path) -> None:
    run = _run(wheel_venv, tmp_path / "home", "-c", SCRIPT)
    assert run.returncode == 0, run.stderr[-3000:]
    facts = json.loads(run.stdout.strip().splitlines()[-1])
    assert facts["package"].startswith(str(wheel_venv)), "the wheel's dlprep was not the one imported"
    assert facts["installed_copy"], "the wheel did not install a copy of the references"
    assert facts["stolen"][0] == "fail" and "PermissionError" in facts["stolen"][1], facts["stolen"]
    assert facts["honest"][0] == "pass", facts["honest"]
    assert {"landlock", "seccomp", "private-tmpfs", "pid-namespace"} <= set(facts["isolation"])


def test_doctor_in_a_wheel_install_reports_every_check_held(wheel_venv: Path, tmp_path: Path) -> None:
    run = _run(wheel_venv, tmp_path / "home", "-m", "dlprep", "doctor", "--json")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    report = json.loads(run.stdout)
    assert report["checks"] and all(report["checks"].values()), report
