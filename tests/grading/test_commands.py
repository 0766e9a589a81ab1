"""``dlprep check``, ``dlprep drills`` and ``dlprep doctor`` as a person runs them (real processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dlprep.paths import drills_dir, solutions_dir

pytestmark = pytest.mark.xdist_group("sandbox")


def dlprep(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DLPREP_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "dlprep", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_check_pass_exits_0(tmp_path: Path) -> None:
    run = dlprep("check", "layer_norm", str(solutions_dir() / "layer_norm.py"), home=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("PASS layer_norm: all 8 cases pass")


def test_check_fail_exits_1_and_shows_the_diagnosis(tmp_path: Path) -> None:
    code = (drills_dir() / "layer_norm" / "mistakes.py").read_text() + "\nlayer_norm = eps_outside_sqrt\n"
    (tmp_path / "mine.py").write_text(code)
    run = dlprep("check", "layer_norm", str(tmp_path / "mine.py"), home=tmp_path)
    assert run.returncode == 1
    assert run.stdout.startswith("FAIL layer_norm:")
    assert "First failure:" in run.stdout
    assert "Diagnosis: looks like eps outside sqrt: adds eps to the standard deviation" in run.stdout


def test_check_json_prints_one_object_whatever_the_code_prints(tmp_path: Path) -> None:
    noise = "    print('{\"status\": \"pass\"}')\n    import os; os.write(1, b'raw')\n"
    code = (solutions_dir() / "layer_norm.py").read_text().replace("    mean = x.mean", noise + "    mean = x.mean")
    (tmp_path / "noisy.py").write_text(code)
    run = dlprep("check", "layer_norm", str(tmp_path / "noisy.py"), "--json", home=tmp_path)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert run.stdout.count("\n") == 1
    assert data["version"] == 2 and data["status"] == "pass" and data["drill"] == "layer_norm"
    assert '{"status": "pass"}' in data["output"] and "raw" in data["output"]
    assert set(data["isolation"]) >= {"landlock", "seccomp", "pid-namespace", "closed-fds"}
    assert not any("isolation" in w for w in data["warnings"])


@pytest.mark.parametrize(("args", "text"), [
    (("check", "no_such_drill", "x.py"), "unknown drill 'no_such_drill'"),
    (("check", "layer_norm", "/no/such/file.py"), "/no/such/file.py: cannot be read"),
])
def test_check_exits_2_when_it_cannot_grade(tmp_path: Path, args: tuple, text: str) -> None:
    run = dlprep(*args, home=tmp_path)
    assert run.returncode == 2
    assert text in run.stderr
    assert "Traceback" not in run.stderr


def test_drills_json_has_one_object_per_drill(tmp_path: Path) -> None:
    run = dlprep("drills", "--json", home=tmp_path)
    assert run.returncode == 0
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    ids = [r["id"] for r in rows]
    assert {"conv2d", "adam_step", "batchnorm2d", "scaled_dot_product_attention", "layer_norm", "nms"} <= set(ids)
    assert all(set(r) == {"id", "title", "section", "framework", "difficulty", "kind"} for r in rows)
    conv = rows[ids.index("conv2d")]
    assert conv == {"id": "conv2d", "title": "2-D convolution (forward)", "section": "Implement DL modules",
                    "framework": "numpy", "difficulty": "medium", "kind": "function"}


def test_drills_are_listed_by_section(tmp_path: Path) -> None:
    run = dlprep("drills", home=tmp_path)
    assert run.returncode == 0
    lines = run.stdout.splitlines()
    heading = lines.index(next(line for line in lines if line.startswith("Adam optimizer (")))
    assert any(line.split()[0] == "adam_step" for line in lines[heading + 1:heading + 6])
    assert lines[-1].endswith(" drills")


def test_doctor_reports_every_layer(tmp_path: Path) -> None:
    run = dlprep("doctor", home=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    for layer in ("pid-namespace", "net-namespace", "landlock", "seccomp", "rlimits"):
        assert layer in run.stdout
    assert "solutions/ cannot be read" in run.stdout


HOSTILE_MIDDLE = (
    "import os, struct, time\n"
    "def layer_norm(x, gamma, beta, eps=1e-5):\n"
    "    print('\\x1b[2J\\x1b]0;pwned\\x07')\n"
    "    data = struct.pack('>I', 2) + b'{}' + struct.pack('>I', 4000) + b'[' * 2000 + b']' * 2000\n"
    "    for fd in range(3, 12):\n"
    "        try:\n"
    "            os.write(fd, data)\n"
    "        except OSError:\n"
    "            pass\n"
    "    time.sleep(5)\n"
)


def _files(tmp_path: Path) -> list[str]:
    mistake = (drills_dir() / "layer_norm" / "mistakes.py").read_text() + "\nlayer_norm = eps_outside_sqrt\n"
    files = {"good.py": (solutions_dir() / "layer_norm.py").read_text(), "hostile.py": HOSTILE_MIDDLE,
             "again.py": (solutions_dir() / "layer_norm.py").read_text(), "mistake.py": mistake}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return [str(tmp_path / name) for name in files]


def test_check_grades_many_files_in_order_as_json_lines(tmp_path: Path) -> None:
    files = _files(tmp_path)
    run = dlprep("check", "layer_norm", *files, "--json", home=tmp_path)
    assert run.returncode == 1, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["file"] for r in rows] == files
    assert [r["status"] for r in rows] == ["pass", "error", "pass", "fail"]
    assert all(r["version"] == 2 and r["drill"] == "layer_norm" for r in rows)
    assert rows[3]["mistake"] == "eps_outside_sqrt"
    assert "\x1b" not in run.stdout and "\\x1b[2J" in rows[1]["output"]
    alone = json.loads(dlprep("check", "layer_norm", files[3], "--json", home=tmp_path).stdout)
    keep = ("status", "message", "passed", "mistake", "diagnosis", "warnings")
    assert {k: rows[3][k] for k in keep} == {k: alone[k] for k in keep}, "the hostile file changed a later verdict"


def test_check_many_files_prints_each_verdict_and_exits_with_the_worst(tmp_path: Path) -> None:
    files = _files(tmp_path)
    run = dlprep("check", "layer_norm", files[0], files[2], home=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("PASS layer_norm: all 8 cases pass") == 2
    assert f"== {files[0]}" in run.stdout and f"== {files[2]}" in run.stdout
    run = dlprep("check", "layer_norm", files[0], str(tmp_path / "missing.py"), files[3], "--json", home=tmp_path)
    assert run.returncode == 2
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["pass", "error", "fail"]
    assert "cannot be read" in rows[1]["message"] and "missing.py: cannot be read" in run.stderr
