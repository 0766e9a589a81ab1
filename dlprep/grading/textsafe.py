"""Text from a submission made safe to show and store: control characters escaped, valid UTF-8.

Whatever a submission prints or puts in an exception message reaches a terminal (``dlprep check``), the
TUI and SQLite. :func:`clean_text` shows every C0/C1 control character except newline and tab, every
bidirectional override and every lone surrogate as a visible escape (``\\x1b``, ``\\r``, ``\\u202e``,
``\\ud800``), so an escape sequence can neither clear the screen, set the title nor write the clipboard,
and the text always encodes as UTF-8. It is idempotent: escapes are plain printable characters.
"""

from __future__ import annotations

import re
from typing import Any

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\r": "\\r", "\x1b": "\\x1b"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean_text(text: str) -> str:
    """``text`` with control characters, bidi overrides and lone surrogates shown escaped
    (a Windows line end ``\\r\\n`` becomes a plain newline)."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text.replace("\r\n", "\n"))


def clean_tree(value: Any) -> Any:
    """``value`` (a decoded JSON header, already depth-capped by the wire reader) with every string in it,
    keys included, passed through :func:`clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_tree(v) for v in value]
    return value
