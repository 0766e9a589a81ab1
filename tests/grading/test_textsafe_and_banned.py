"""Escaping submission text, and the static half of the banned-API check (names built from constants)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dlprep.grading.banned import constant_string, runtime_warnings, scan_source, watcher_warnings
from dlprep.grading.textsafe import clean_text, clean_tree


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[2J\x1b[HPASS", "\\x1b[2J\\x1b[HPASS"),
    ("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07"),
    ("FAIL\rPASS", "FAIL\\rPASS"),
    ("line\r\nnext\ttab", "line\nnext\ttab"),
    ("\x9b2J \u202eSSAP", "\\x9b2J \\u202eSSAP"),
    ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ("plain text, ünïcödé and emoji \U0001f600", "plain text, ünïcödé and emoji \U0001f600"),
])
def test_control_characters_are_shown_escaped(raw: str, shown: str) -> None:
    assert clean_text(raw) == shown


@given(st.text())
def test_cleaned_text_is_valid_utf8_free_of_controls_and_stable(text: str) -> None:
    out = clean_text(text)
    out.encode("utf-8")
    unsafe = [c for c in out if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
              or 0xd800 <= ord(c) <= 0xdfff or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    assert unsafe == []
    assert clean_text(out) == out


def test_clean_tree_cleans_keys_and_nested_values() -> None:
    assert clean_tree({"\x1bk": ["a\x07", {"b": "\ud800"}], "n": 3}) == {"\\x1bk": ["a\\x07", {"b": "\\ud800"}], "n": 3}


@pytest.mark.parametrize(("source", "value"), [
    ("'to' + 'rch'", "torch"), ("f'to{\"rch\"}'", "torch"), ("''.join(['sl', 'iding'])", "sliding"),
    ("'-'.join(('a', 'b'))", "a-b"), ("name", None), ("'a' * 2", None), ("chr(116)", None),
])
def test_constant_strings_are_folded(source: str, value: str | None) -> None:
    import ast

    assert constant_string(ast.parse(source, mode="eval").body) == value


@pytest.mark.parametrize(("code", "banned", "framework", "expected"), [
    ("import importlib\nt = importlib.import_module('to' + 'rch')\nt.conv2d(1)", ("torch.conv2d",), "torch",
     ["uses torch.conv2d (line 3)"]),
    ("from importlib import import_module as im\nt = im('torch')\n", (), "numpy", ["imports torch (line 2)"]),
    ("t = __import__('tor' 'ch')\ngetattr(t.nn, 'Con' + 'v2d')\n", ("torch.nn.Conv2d",), "torch",
     ["uses torch.nn.Conv2d (line 2)"]),
    ("import numpy as np\ngetattr(getattr(np.lib, 'stride_tricks'), 'sliding_window_view')\n",
     ("numpy.lib.stride_tricks.sliding_window_view",), "numpy", ["uses numpy.lib.stride_tricks.sliding_window_view"]),
    ("import numpy as np\nnp.lib.stride_tricks.as_strided\n", ("numpy.lib.stride_tricks.sliding_window_view",),
     "numpy", []),
    ("import torch\n", (), "torch", []),
    ("import numpy as np\nx = np.zeros(3)\n", (), "numpy", []),
])
def test_scan_resolves_imports_and_getattr(code: str, banned: tuple, framework: str, expected: list[str]) -> None:
    found = scan_source(code, banned, framework)
    assert len(found) == len(expected), found
    for warning, start in zip(found, expected, strict=True):
        assert warning.startswith(start)


def test_runtime_names_and_imports_become_warnings_once() -> None:
    banned = ("torch.nn.functional.logsigmoid", "torch.convolution")
    assert watcher_warnings(["torch.nn.functional.logsigmoid"], banned, []) == [
        "calls torch.nn.functional.logsigmoid at run time, which this drill asks you to write yourself"]
    assert watcher_warnings(["convolution"], banned, ["uses torch.convolution (line 2), which ..."]) == []
    assert runtime_warnings(["torch"], "numpy", []) == [
        "imports torch at run time, but this drill is to be written with numpy"]
    assert runtime_warnings(["torch"], "numpy", ["imports torch (line 3), but this drill is ..."]) == []
    assert runtime_warnings(["torch"], "torch", []) == []


def _resolves(name: str) -> bool:
    import importlib

    parts = name.split(".")
    obj = importlib.import_module(parts[0])
    for i, part in enumerate(parts[1:], 1):
        if hasattr(obj, part):
            obj = getattr(obj, part)
            continue
        try:
            obj = importlib.import_module(".".join(parts[: i + 1]))
        except ImportError:
            return False
    return True


def test_every_banned_torch_name_of_a_torch_drill_exists() -> None:
    """A misspelt banned name would silently watch nothing."""
    from dlprep.drills import load_drills

    drills, _ = load_drills()
    missing = [(d.id, ban) for d in drills if d.framework == "torch" for ban in d.banned
               if ban.split(".")[0] == "torch" and not _resolves(ban)]
    assert missing == []
