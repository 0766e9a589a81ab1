"""``dlprep import``: the user's Markdown notes as decks, one deck per notes file, named by its path.

A folder tree becomes a deck tree: ``notes/ml/cnn.md`` imported with ``dlprep import notes`` is the deck
``notes/ml/cnn`` (a ``README.md`` or ``index.md`` names its folder: ``notes/ml``); a ``#flashcards/a/b``
tag or a ``deck:`` in the front matter names the deck instead. A file that cannot be used (empty, only
headings or front matter, unreadable, binary) is skipped with its reason and the rest is imported; UTF-16
and Windows-1252 text is decoded, with a note. What a file's text becomes is :mod:`notes_cards`' work.
"""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dlprep.content import cloze
from dlprep.content.model import Deck, DeckIssue, slugify
from dlprep.content.notes_cards import PATH_SEP, parse_notes_text
from dlprep.content.parser import _front_matter
from dlprep.errors import ContentError

__all__ = ["PATH_SEP", "ImportResult", "import_notes", "note_files", "parse_notes_text", "read_notes"]

NOTE_SUFFIXES = (".md", ".markdown")
FOLDER_NOTES = ("readme", "index")  # a file that stands for its folder: the deck takes the folder's name
# Files a repository of notes carries that are not notes (skipped in a folder; imported when named alone).
PROJECT_FILES = {
    "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASE_NOTES", "CONTRIBUTING",
    "CONTRIBUTORS", "AUTHORS", "CODE_OF_CONDUCT", "SECURITY", "SUPPORT", "FUNDING", "PULL_REQUEST_TEMPLATE",
    "ISSUE_TEMPLATE", "BUG_REPORT", "FEATURE_REQUEST", "CODEOWNERS",
}


class Unusable(ContentError):
    """A notes file that cannot be imported; ``line`` is 1-based when the problem has one."""

    def __init__(self, path: Path | str, reason: str, line: int = 0) -> None:
        self.path, self.reason, self.line = str(path), reason, line
        super().__init__(f"{path}{f':{line}' if line else ''}: {reason}")


@dataclass
class NoteFile:
    """A notes file to import and the folder it was found in (None when it was named on its own)."""

    path: Path
    root: Path | None = None


# ----- finding and reading files -----------------------------------------------------------------------
def note_files(paths: Sequence[Path | str]) -> tuple[list[NoteFile], list[Unusable]]:
    """The notes files named by ``paths`` (files, or folders searched for ``*.md``), and what was skipped."""
    found: list[NoteFile] = []
    skipped: list[Unusable] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in NOTE_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                skipped.append(Unusable(path, "no Markdown (.md) files in this folder"))
            for note in inside:
                if note.stem.upper().replace("-", "_") in PROJECT_FILES:
                    skipped.append(Unusable(note, "a project file (licence, changelog, contributing guide...), not "
                                                  "notes; name it on its own to import it anyway"))
                else:
                    found.append(NoteFile(note, path))
        elif path.exists():
            if path.suffix.lower() not in NOTE_SUFFIXES:
                skipped.append(Unusable(path, "not a Markdown file (expected a .md file or a folder of them)"))
            else:
                found.append(NoteFile(path))
        else:
            skipped.append(Unusable(path, "no such file or folder"))
    unique: dict[Path, NoteFile] = {}
    for note in found:
        unique.setdefault(note.path.resolve(), note)
    return list(unique.values()), skipped


def decode(raw: bytes, path: Path | str) -> tuple[str, str]:
    """The text of a notes file and a note on its encoding ("" for UTF-8). Raises :class:`Unusable`."""
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        try:
            return raw.decode("utf-16"), "decoded from UTF-16"
        except UnicodeDecodeError:
            raise Unusable(path, "broken UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        sample = raw[:4096]
        if len(sample) > 8 and sample[1::2].count(0) > 0.9 * len(sample[1::2]) and 0 not in sample[0::2]:
            return raw.decode("utf-16-le", errors="replace"), "decoded from UTF-16 (no byte-order mark)"
        raise Unusable(path, "binary data, not Markdown text")
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            return raw.decode("cp1252"), f"not UTF-8 (first at line {line}); read as Windows-1252"
        except UnicodeDecodeError:
            controls = {code: None for code in range(0x80, 0xA0)}  # C1 controls: never text in Latin-1 notes
            return raw.decode("latin-1").translate(controls), f"not UTF-8 (first at line {line}); read as Latin-1"


def read_notes(
    path: Path, *, deck_name: str | None = None, id_base: str | None = None,
    markers: cloze.Markers = cloze.DEFAULT, heading_cards: str = "auto",
) -> Deck:
    """Read and parse one notes file. Raises :class:`Unusable` (a ContentError) naming the file."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise Unusable(path, f"cannot read the file ({exc.strerror or exc})") from None
    text, encoding_note = decode(raw, path)
    if not text.strip():
        raise Unusable(path, "the file is empty")
    if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        raise Unusable(path, "an HTML document, not Markdown notes", 1)
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() == "---":
        _, body_start, _ = _front_matter(lines, str(path))
        if body_start and not "\n".join(lines[body_start:]).strip():
            raise Unusable(path, "only front matter, no notes", 1)
    deck = parse_notes_text(
        text, str(Path(path).resolve()), deck_name=deck_name, id_base=id_base, markers=markers,
        heading_cards=heading_cards,
    )
    if encoding_note:
        deck.notices.insert(0, DeckIssue(deck.path, 0, encoding_note))
    if not deck.cards:
        first = next((i.line for i in deck.issues), 0)
        why = "no cards found (no heading with text under it, and no Q::A, ? or ==cloze== cards)"
        if deck.issues:
            why = f"no cards found ({len(deck.issues)} broken, listed above)"
        raise Unusable(path, why, first)
    return deck


# ----- deck names ------------------------------------------------------------------------------------
def path_deck_name(note: NoteFile) -> list[str]:
    """The deck path of a file: its folder's name and the path inside it (README names the folder)."""
    stem = note.path.stem
    if note.root is None:
        parts = [note.path.resolve().parent.name] if stem.lower() in FOLDER_NOTES else [stem]
        return [p for p in parts if p] or [stem]
    rel = note.path.relative_to(note.root)
    parts = [note.root.resolve().name, *rel.parent.parts]
    if stem.lower() not in FOLDER_NOTES:
        parts.append(stem)
    return [p for p in parts if p]


def deck_names(notes: list[NoteFile], taken: dict[str, str]) -> dict[Path, str]:
    """A unique deck path per file. ``taken`` maps names already stored to the file they came from. A name
    another file would also get (here, or stored from a file still on disk) is prefixed with folder names."""
    wanted = {n.path: "/".join(path_deck_name(n)) for n in notes}
    names: dict[Path, str] = {}
    for note in notes:
        name = wanted[note.path]
        prefixes = _prefixes(note)
        while prefixes and _clash(name, note, names, wanted, taken):
            name = f"{prefixes.pop(0)}/{name}"
        names[note.path] = name
    return names


def _prefixes(note: NoteFile) -> list[str]:
    """Folder names above a file's deck path, nearest first."""
    if note.root is not None:
        chain = list(note.root.resolve().parents)
    else:
        folder = note.path.resolve().parent
        chain = [folder, *folder.parents]
        if note.path.stem.lower() in FOLDER_NOTES:
            chain = chain[1:]
    return [p.name for p in chain if p.name]


def _clash(name: str, note: NoteFile, names: dict[Path, str], wanted: dict[Path, str], taken: dict[str, str]) -> bool:
    if name in names.values() or any(w == name for p, w in wanted.items() if p != note.path):
        return True
    other = taken.get(name)
    return bool(other) and other != str(note.path.resolve()) and Path(other).exists()


def _builtin_deck_names() -> set[str]:
    """The ``deck:`` names in the front matter of the built-in decks (read without parsing the cards)."""
    from dlprep.paths import decks_dir

    names = set()
    for path in sorted(decks_dir().glob("*.md")):
        try:
            head = path.read_text(encoding="utf-8").split("\n", 60)[:60]
        except (OSError, UnicodeDecodeError):
            continue
        meta, _, issues = _front_matter(head, str(path))
        if not issues and meta.get("deck"):
            names.add(str(meta["deck"]))
    return names


# ----- the import ------------------------------------------------------------------------------------
@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    decks: list[Deck]
    skipped: list[Unusable] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    moved: int = 0
    scheduled: int = 0
    ids_written: int = 0
    dry_run: bool = False

    @property
    def warnings(self) -> list[str]:
        """Broken cards, each with its file and line (the card was skipped)."""
        return [str(issue) for deck in self.decks for issue in deck.issues]

    @property
    def notices(self) -> list[str]:
        """What was left out of the decks and why, and how files were decoded."""
        return [str(issue).replace(":0:", ":") for deck in self.decks for issue in deck.notices]


def import_notes(
    study, paths: Sequence[Path | str], *, dry_run: bool = False, write_ids: bool = False,
    markers: cloze.Markers = cloze.DEFAULT, heading_cards: str = "auto",
) -> ImportResult:
    """Import notes files and folders through ``study`` (a StudyService).

    Unusable files are skipped and listed in ``result.skipped``. Cards of the imported files and folders
    that are no longer in the notes are retired (kept with their history); other imported decks are left
    alone. A dry run imports into a copy of the database and reports what would change.
    """
    notes, skipped = note_files(paths)
    store = study.store
    stored = store.query(
        "SELECT deck, json_extract(data, '$.source_file') AS source, MIN(id) AS id FROM cards "
        "WHERE origin = 'imported' AND retired = 0 GROUP BY deck, source"
    )
    names = deck_names(notes, {r["deck"]: r["source"] or "" for r in stored})
    # A file imported before keeps its deck path, however it is imported this time (alone, or with a
    # folder above or below the one used before), when that deck was named by its path (its ids say so).
    known = {
        r["source"]: r["deck"].removesuffix(" (imported)") for r in stored
        if r["source"] and r["id"].startswith(f"imp-{slugify(r['deck'].removesuffix(' (imported)'))}-")
    }
    for note in notes:
        names[note.path] = known.get(str(note.path.resolve()), names[note.path])
    builtin = _builtin_deck_names() | {
        r["deck"] for r in store.query("SELECT DISTINCT deck FROM cards WHERE origin != 'imported'")
    }
    decks: list[Deck] = []
    for note in notes:
        name = names[note.path]
        try:
            deck = read_notes(note.path, deck_name=name, id_base=slugify(name), markers=markers,
                              heading_cards=heading_cards)
        except Unusable as exc:
            skipped.append(exc)
            continue
        for card in deck.cards:
            if card.deck in builtin:  # keep the user's cards apart from a built-in deck of the same name
                card.deck = f"{card.deck} (imported)"
        if deck.name in builtin:
            deck.name = f"{deck.name} (imported)"
        decks.append(deck)
    result = ImportResult(decks, skipped, dry_run=dry_run)
    if not decks:
        return result
    files = {str(n.path.resolve()) for n in notes}
    roots = [str(n.root.resolve()) + os.sep for n in notes if n.root is not None]

    def in_scope(source: str) -> bool:
        return source in files or any(source.startswith(root) for root in roots)

    counts = _store_dry(study, decks, in_scope) if dry_run else _store(study, decks, in_scope)
    for name in ("added", "updated", "unchanged", "retired", "moved", "scheduled"):
        setattr(result, name, getattr(counts, name))
    if write_ids and not dry_run:
        result.ids_written = sum(write_ids_back(deck) for deck in decks)
    return result


def _store(study, decks: list[Deck], in_scope):
    from dlprep.srs.imported import store_imported

    return store_imported(study, decks, in_scope)


def _store_dry(study, decks: list[Deck], in_scope):
    """Run the import on a copy of the database: the counts are exact and nothing real is written."""
    from dlprep.srs import StudyService
    from dlprep.store import open_store

    with tempfile.TemporaryDirectory(prefix="dlprep-dry-run-") as tmp:
        copy_path = Path(tmp) / "progress.db"
        study.store.backup_to(copy_path)
        copy = open_store(copy_path)
        try:
            shadow = StudyService(copy, study.settings, now=study.now, tz=study.tz)
            return _store(shadow, decks, in_scope)
        finally:
            copy.close()


# ----- ids written back into the notes ------------------------------------------------------------------
def write_ids_back(deck: Deck) -> int:
    """Add ``<!-- id: ... -->`` at the end of each card's first line that has none; returns how many.

    Only UTF-8 files are rewritten (others would change encoding); the file is replaced atomically.
    """
    if not deck.id_lines:
        return 0
    path = Path(deck.path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        deck.notices.append(DeckIssue(deck.path, 0, "ids not written: the file is not UTF-8 text"))
        return 0
    bom = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""
    lines = text.split("\n")  # the parser's numbering; a CR of a CRLF ending stays with its line
    written = 0
    for line_no, local in sorted(set(deck.id_lines.values())):
        if not 1 <= line_no <= len(lines):
            continue
        line = lines[line_no - 1]
        body = line.rstrip("\r")
        ending = line[len(body):]
        if "<!-- id:" in body or "<!--id:" in body:
            continue
        sr = body.find("<!--SR:")
        comment = f"<!-- id: {local} -->"
        body = f"{body[:sr].rstrip()} {comment} {body[sr:]}" if sr != -1 else f"{body.rstrip()} {comment}"
        lines[line_no - 1] = body + ending
        written += 1
    if written:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(bom + "\n".join(lines))
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    return written
