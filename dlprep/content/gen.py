"""``[gen]`` cards: questions with fresh numbers, drawn by a generator in the deck folder's Python sidecar.

A deck file ``foo.md`` finds the generator named on a ``[gen] NAME`` line in ``foo.gen.py`` beside it, else
in ``generators.py`` in the same folder. Sidecars are trusted content (like the decks themselves), loaded
with importlib from the deck folder only; imported notes never run code. A generator is a top-level
function ``NAME(rng: random.Random) -> dict`` returning ``question`` (Markdown), ``answer`` (a number or a
tuple of ints), optionally ``tolerance`` (relative) and ``unit``, and ``solution`` (worked Markdown).

:func:`draw` makes one question from a seed (the same seed gives the same question), :func:`grade` reads a
typed answer, and :func:`check_deck` validates a parsed deck's gen cards, turning a broken sidecar or an
unknown generator into a :class:`DeckIssue` with file and line.
"""

from __future__ import annotations

import importlib.util
import math
import random
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from dlprep.content.model import Card, Deck, DeckIssue

FOLDER_SIDECAR = "generators.py"
KEYS = {"question", "answer", "tolerance", "solution", "unit"}
CHECK_SEEDS = (0, 1, 2, 3)  # seeds every generator is tried with when its deck loads
MAX_SHAPE = 8
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_SUFFIX = {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}


class GenError(Exception):
    """A generator could not give a question; ``file``/``line`` locate the cause."""

    def __init__(self, message: str, file: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.file = file
        self.line = line

    def issue(self) -> DeckIssue:
        return DeckIssue(self.file, self.line, str(self))


@dataclass(frozen=True)
class GenQuestion:
    """One drawn question. ``answer`` is a float or a tuple of ints; ``tolerance`` is relative (0: exact)."""

    seed: int
    question: str
    answer: float | tuple[int, ...]
    solution: str
    tolerance: float = 0.0
    unit: str = ""

    @property
    def is_shape(self) -> bool:
        return isinstance(self.answer, tuple)

    def answer_text(self) -> str:
        """The answer as the solution would write it."""
        if isinstance(self.answer, tuple):
            return "(" + ", ".join(str(v) for v in self.answer) + ")"
        value = self.answer
        if float(value).is_integer() and abs(value) < 1e15:
            text = f"{int(value):,}"
        else:
            text = f"{value:.4g}".replace("e+", "e")
        return f"{text} {self.unit}".strip()


@dataclass(frozen=True)
class GenVerdict:
    """How a typed answer was graded: ``correct``, and ``how`` in words (shown to the learner)."""

    correct: bool
    how: str


# ----- loading sidecars ------------------------------------------------------------------------------
_CACHE: dict[str, tuple[tuple[int, int], ModuleType | GenError]] = {}


def sidecar_candidates(deck_file: Path) -> list[Path]:
    """Where a deck's generators may live, in lookup order."""
    deck_file = Path(deck_file)
    return [deck_file.with_name(deck_file.stem + ".gen.py"), deck_file.with_name(FOLDER_SIDECAR)]


def _error_line(exc: BaseException, path: Path) -> int:
    if isinstance(exc, SyntaxError) and exc.lineno:
        return exc.lineno
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename) == path]
    return (lines[-1] or 1) if lines else 1


def load_sidecar(path: Path) -> ModuleType:
    """Import the sidecar at ``path`` (cached until the file changes); raises :class:`GenError`."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
    except OSError as exc:
        raise GenError(f"cannot read the generators file ({exc.strerror})", str(path), 1) from None
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(str(path))
    if cached and cached[0] == key:
        if isinstance(cached[1], GenError):
            raise cached[1]
        return cached[1]
    name = "dlprep_deck_generators_" + re.sub(r"\W", "_", str(path))
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError("not a Python file")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except BaseException as exc:  # noqa: BLE001 - any failure of trusted content becomes a deck issue
        if isinstance(exc, KeyboardInterrupt):
            raise
        error = GenError(f"generators file does not load: {type(exc).__name__}: {exc}", str(path),
                         _error_line(exc, path))
        _CACHE[str(path)] = (key, error)
        raise error from None
    _CACHE[str(path)] = (key, module)
    return module


def find_generator(deck_file: Path, name: str) -> Callable[[random.Random], dict]:
    """The generator ``name`` for the deck at ``deck_file``; raises :class:`GenError` (file and line)."""
    deck_file = Path(deck_file)
    folder = deck_file.resolve().parent
    found = False
    for path in sidecar_candidates(deck_file):
        if not path.is_file():
            continue
        if path.resolve().parent != folder:
            raise GenError("generators file points outside the deck folder; it is not loaded", str(path), 1)
        found = True
        module = load_sidecar(path)
        func = getattr(module, name, None)
        if callable(func) and not name.startswith("_"):
            return func
    if not found:
        names = " or ".join(p.name for p in sidecar_candidates(deck_file))
        raise GenError(f"[gen] {name}: no generators file beside the deck ({names})", str(deck_file))
    raise GenError(f"[gen] {name}: no generator of that name in "
                   + " or ".join(p.name for p in sidecar_candidates(deck_file) if p.is_file()), str(deck_file))


def _func_line(func: Callable) -> tuple[str, int]:
    code = getattr(func, "__code__", None)
    return (code.co_filename, code.co_firstlineno) if code else ("", 0)


def _checked(result: object, func: Callable, seed: int) -> GenQuestion:
    """Validate what a generator returned; raises :class:`GenError` at the generator's line."""
    file, line = _func_line(func)

    def fail(message: str) -> GenError:
        return GenError(f"generator {func.__name__} (seed {seed}): {message}", file, line)

    if not isinstance(result, dict):
        raise fail(f"must return a dict, not {type(result).__name__}")
    unknown = set(result) - KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(KEYS))}")
    question, solution = result.get("question"), result.get("solution")
    if not isinstance(question, str) or not question.strip():
        raise fail("'question' must be non-empty Markdown text")
    if not isinstance(solution, str) or not solution.strip():
        raise fail("'solution' must be non-empty Markdown text (the worked answer)")
    answer = result.get("answer")
    if isinstance(answer, (list, tuple)):
        if not answer or len(answer) > MAX_SHAPE or not all(isinstance(v, int) and not isinstance(v, bool)
                                                             for v in answer):
            raise fail(f"a shape answer must be 1 to {MAX_SHAPE} integers")
        answer = tuple(int(v) for v in answer)
    elif isinstance(answer, (int, float)) and not isinstance(answer, bool):
        if not math.isfinite(answer):
            raise fail("'answer' must be a finite number")
        answer = float(answer)
    else:
        raise fail("'answer' must be a number or a tuple of integers (a shape)")
    tolerance = result.get("tolerance", 0.0)
    if not isinstance(tolerance, (int, float)) or isinstance(tolerance, bool) or not 0 <= tolerance < 1:
        raise fail("'tolerance' must be a relative tolerance between 0 and 1")
    if isinstance(answer, float) and not answer.is_integer() and tolerance == 0:
        raise fail("a non-integer answer needs a 'tolerance' (nobody types it to the last digit)")
    unit = result.get("unit", "")
    if not isinstance(unit, str):
        raise fail("'unit' must be text")
    return GenQuestion(seed, question.strip(), answer, solution.strip(), float(tolerance), unit.strip())


def draw_from(func: Callable[[random.Random], dict], seed: int) -> GenQuestion:
    """Call ``func`` with ``random.Random(seed)``; any failure becomes a :class:`GenError`."""
    try:
        result = func(random.Random(seed))
    except Exception as exc:  # noqa: BLE001 - trusted content, but a bug must not crash a review
        file, line = _func_line(func)
        path = Path(file) if file else None
        raise GenError(f"generator {getattr(func, '__name__', '?')} (seed {seed}) failed: "
                       f"{type(exc).__name__}: {exc}", file, _error_line(exc, path) if path else line) from None
    return _checked(result, func, seed)


def draw(card: Card, seed: int) -> GenQuestion:
    """The question ``card`` shows for ``seed`` (the same seed, the same question)."""
    return draw_from(find_generator(Path(card.source_file), card.generator), seed)


def default_title(func: Callable) -> str:
    """The first line of a generator's docstring (the card's title when the deck gives none)."""
    doc = (func.__doc__ or "").strip()
    return doc.splitlines()[0].strip() if doc else func.__name__.replace("_", " ")


def check_deck(deck: Deck, path: Path) -> None:
    """Resolve and try every gen card of ``deck`` (read from ``path``); drop the ones that fail, with an issue."""
    kept: list[Card] = []
    for card in deck.cards:
        if card.kind != "gen":
            kept.append(card)
            continue
        try:
            func = find_generator(path, card.generator)
            for seed in CHECK_SEEDS:
                draw_from(func, seed)
        except GenError as exc:
            issue = exc.issue()
            if not issue.file or issue.file == str(path):
                issue = DeckIssue(str(path), card.line, str(exc))
            elif issue.file != str(path):
                issue = DeckIssue(issue.file, issue.line, f"{exc} (card on {Path(path).name}:{card.line} skipped)")
            deck.issues.append(issue)
            continue
        if not card.question:
            card.question = default_title(func)
        kept.append(card)
    deck.cards = kept


# ----- grading ---------------------------------------------------------------------------------------
def read_shape(text: str) -> tuple[int, ...] | None:
    """``(1, 64, 32, 32)``, ``[1,64,32,32]``, ``1x64x32x32``, ``torch.Size([1, 64, 32, 32])`` -> a tuple."""
    plain = text.strip().removeprefix("torch.Size").strip()
    plain = plain.strip("()[] ")
    parts = [p for p in re.split(r"\s*[,x×*]\s*|\s+", plain) if p]
    if not parts or not all(re.fullmatch(r"\d+", p) for p in parts):
        return None
    return tuple(int(p) for p in parts)


def read_number(text: str, unit: str = "") -> float | None:
    """A typed number: ``1,234``, ``1_234``, ``1.2e9``, ``10^9``, ``3/4``, ``2.4G``, with ``unit`` allowed after it."""
    from dlprep.quiz.typed import as_number

    plain = text.strip().removeprefix("≈").removeprefix("~").strip().replace("_", "")
    if unit and plain.lower().endswith(unit.lower()):
        plain = plain[: -len(unit)].strip()
    scale = 1.0
    if plain[-1:] in _SUFFIX and re.search(r"\d\s*[kKMGT]$", plain):
        scale = _SUFFIX[plain[-1]]
        plain = plain[:-1].strip()
    value = as_number(plain) if plain else None
    return None if value is None else value * scale


def grade(text: str, question: GenQuestion) -> GenVerdict:
    """Grade a typed answer: shapes exactly, numbers exactly or within the relative tolerance."""
    text = text.strip()
    if not text:
        return GenVerdict(False, "no answer")
    if question.is_shape:
        shape = read_shape(text)
        if shape is None:
            return GenVerdict(False, "not a shape: type it as (N, C, H, W)")
        if len(shape) != len(question.answer):
            return GenVerdict(False, f"a shape of {len(question.answer)} numbers was asked for")
        return GenVerdict(shape == question.answer, "same shape" if shape == question.answer else "a different shape")
    value = read_number(text, question.unit)
    if value is None:
        return GenVerdict(False, "not a number")
    expected = float(question.answer)
    if question.tolerance:
        ok = abs(value - expected) <= question.tolerance * abs(expected) * (1 + 1e-12)
        return GenVerdict(ok, f"within {question.tolerance:.0%}" if ok else f"more than {question.tolerance:.0%} off")
    ok = value == expected
    return GenVerdict(ok, "exactly right" if ok else "a different number")
