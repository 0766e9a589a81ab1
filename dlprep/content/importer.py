"""Cards from the user's own Markdown notes (``dlprep import``): one deck per notes file.

A heading with text under it becomes an explain card ("Explain: Batch Normalization › Why γ and β?"):
the answer is the text, the key points are its list items (or its sentences when it has no list). The
card syntax of ``docs/deck-format.md`` written inside the notes (``Q::A``, ``?`` blocks, ``==cloze==``,
``[mc]``, ``[explain]``) makes its own cards. Images become visible ``[image: path]`` placeholders, HTML
is dropped, math stays LaTeX. Ids come from the file name and the heading path (plus the question text
of explicit cards), so re-importing an edited file updates cards in place and keeps their history.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dlprep.content import cloze
from dlprep.content.model import Card, Deck, DeckIssue, slugify
from dlprep.content.notes_text import clean_markdown, has_words, point_text, sentences
from dlprep.content.parser import _ID_COMMENT, Block, _blocks, _front_matter, _groups, _inline_text, _Reader
from dlprep.errors import ContentError

NOTE_SUFFIXES = (".md", ".markdown")
PATH_SEP = " › "


# ----- notes structure ------------------------------------------------------------------------------
@dataclass
class _Section:
    """The blocks under one heading (up to the next heading of any level)."""

    path: list[str]
    levels: list[int]
    line: int
    blocks: list[Block] = field(default_factory=list)


def _sections(blocks: list[Block]) -> list[_Section]:
    stack: list[tuple[int, str]] = []
    sections = [_Section([], [], 0)]
    for block in blocks:
        if block.type != "heading":
            sections[-1].blocks.append(block)
            continue
        title = " ".join(clean_markdown(_inline_text(block)).split())
        if not title:
            continue
        level = int(block.tokens[0].tag[1:])
        stack = [(lvl, t) for lvl, t in stack if lvl < level] + [(level, title)]
        sections.append(_Section([t for _, t in stack], [lvl for lvl, _ in stack], block.start))
    return sections


def _list_points(block: Block) -> list[str]:
    """Each top-level item of a list; nested items are folded into their parent in parentheses."""
    points: list[list[str]] = []
    depth = 0
    for tok in block.tokens:
        if tok.type == "list_item_open":
            depth += 1
            if depth == 1:
                points.append([])
        elif tok.type == "list_item_close":
            depth -= 1
        elif tok.type == "inline" and points:
            text = point_text(clean_markdown(tok.content))
            if text:
                points[-1].append(text)
    out = []
    for parts in points:
        if not parts:
            continue
        head, rest = parts[0], parts[1:]
        out.append(f"{head} ({'; '.join(rest)})" if rest else head)
    return [p for p in out if has_words(p)]


def _is_table(text: str) -> bool:
    """A pipe table (plain CommonMark reads it as a paragraph): kept in the answer, never split into points."""
    lines = [line.strip() for line in text.strip().split("\n")]
    return len(lines) >= 2 and all(line.startswith("|") for line in lines)


def _is_display_math(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("$$") and stripped.endswith("$$") and len(stripped) > 4


def _card_id(deck_slug: str, *parts: str) -> str:
    basis = "\x1f".join(" ".join(p.split()).lower() for p in parts)
    return f"imp-{deck_slug}-{hashlib.sha1(basis.encode()).hexdigest()[:10]}"


class _NotesReader:
    """Turns the sections of one notes file into cards of one deck."""

    def __init__(self, deck: Deck, lines: list[str], offset: int, id_base: str) -> None:
        self.deck = deck
        self.lines = lines
        self.offset = offset
        self.id_base = id_base
        self.seen_paths: Counter[str] = Counter()

    def source(self, block: Block) -> str:
        return "\n".join(self.lines[block.start : block.end])

    def read(self, section: _Section) -> None:
        key = PATH_SEP.join(section.path)
        self.seen_paths[key] += 1
        if self.seen_paths[key] > 1:
            key += f" #{self.seen_paths[key]}"
        heading = section.path[0] if section.path else self.deck.name
        reader = _Reader(self.deck, self.lines, self.offset)
        reader.headings = list(zip(section.levels, section.path, strict=True))
        body: list[str] = []
        not_listed: list[str] = []  # the parts of the body that are not list items
        list_points: list[str] = []
        prose: list[str] = []
        for group in _groups(section.blocks):
            first = len(self.deck.cards)
            head = group[0]
            is_id = head.type == "html_block" and _ID_COMMENT.match(head.tokens[0].content.strip())
            if head.type == "paragraph" or is_id:
                reader.read(group)
            made = self.deck.cards[first:]
            self.adopt(made, heading, key)
            if any(card.kind != "cloze" for card in made):
                continue  # explicit card syntax: its own card, not part of the explanation
            for block in group:
                if block.type == "html_block" and _ID_COMMENT.match(block.tokens[0].content.strip()):
                    continue
                verbatim = block.type in ("fence", "code_block")
                text = self.source(block) if verbatim else clean_markdown(self.source(block))
                if not text.strip():
                    continue
                body.append(text)
                if block.type not in ("bullet_list", "ordered_list"):
                    not_listed.append(text)
                if block.type in ("bullet_list", "ordered_list"):
                    list_points.extend(_list_points(block))
                    if not made:
                        self.list_clozes(block, heading, key)
                elif block.type == "paragraph" and not _is_table(text):
                    point = point_text(text)
                    if _is_display_math(point) and prose:
                        prose[-1] = f"{prose[-1]} {point}"
                    elif _is_display_math(point):
                        prose.append(point)
                    elif point:
                        prose.extend(sentences(point))
        answer = "\n\n".join(body).strip()
        if section.path and has_words(answer):
            # The review screen shows an explain card's key points and its explanation: with points from
            # lists, the rest of the text explains them; with points from sentences, the whole text reads
            # better than a checklist of long sentences.
            explanation = "\n\n".join(not_listed).strip() if list_points else answer
            self.add_explain(section, key, heading, answer, list_points or prose, explanation)

    def adopt(self, cards: list[Card], heading: str, key: str) -> None:
        """Give cards made by the deck parser their notes section and path-based ids."""
        for card in cards:
            card.section = heading
            card.context = key
            card.line = 0
            card.question = clean_markdown(card.question, keep_cloze=card.kind == "cloze")
            card.answer = clean_markdown(card.answer)
            if card.kind == "cloze":
                card.note_id = _card_id(self.id_base, key, "cloze", cloze.mask_all(card.question))
                card.id = f"{card.note_id}::c{card.cloze_index}"
            else:
                card.id = _card_id(self.id_base, key, card.kind, card.question)

    def list_clozes(self, block: Block, heading: str, key: str) -> None:
        for tok in block.tokens:
            if tok.type != "inline" or not cloze.has_cloze(tok.content):
                continue
            text = clean_markdown(tok.content, keep_cloze=True)
            made = []
            for index, hidden in enumerate(cloze.answers(text), start=1):
                if hidden.strip():
                    made.append(self.new_card("cloze", text, answer=hidden.strip(), cloze_index=index))
            self.adopt(made, heading, key)
            self.deck.cards.extend(made)

    def new_card(self, kind: str, question: str, **fields) -> Card:
        return Card(
            id="", deck=self.deck.name, section=self.deck.section, kind=kind, question=question.strip(),
            source_file=self.deck.path, **fields,
        )

    def add_explain(
        self, section: _Section, key: str, heading: str, answer: str, points: list[str], explanation: str
    ) -> None:
        question = "Explain: " + PATH_SEP.join(section.path)
        if points:
            card = self.new_card("explain", question, answer=answer, key_points=points, explanation=explanation)
        else:  # only code or a formula under the heading: reveal and rate
            card = self.new_card("basic", question, answer=answer)
        card.id = _card_id(self.id_base, key)
        card.section = heading
        card.context = key
        self.deck.cards.append(card)


def parse_notes_text(text: str, path: str = "<notes>", *, deck_name: str | None = None) -> Deck:
    """Parse notes Markdown into a deck (origin "imported"). Problems in explicit cards land in ``issues``."""
    lines = text.replace("\r\n", "\n").split("\n")
    meta, body_start = {}, 0
    if lines and lines[0].strip() == "---":
        found, start, issues = _front_matter(lines, path)
        if not issues:
            meta, body_start = found, start
    stem = Path(path).stem
    name = str(meta.get("deck") or deck_name or stem)
    body = lines[body_start:]
    sections = _sections(_blocks("\n".join(body), body))
    first_heading = next((s.path[0] for s in sections if s.path), name)
    deck = Deck(name=name, section=first_heading, path=path, topic=str(meta.get("topic") or ""), source="imported")
    reader = _NotesReader(deck, body, body_start, slugify(stem))
    for section in sections:
        reader.read(section)
    seen: dict[str, str] = {}
    kept = []
    for card in deck.cards:
        if card.id in seen:
            message = f"{card.context}: the same card appears twice ({card.question[:40]!r}); kept the first"
            deck.issues.append(DeckIssue(path, 0, message))
            continue
        seen[card.id] = card.context
        kept.append(card)
    deck.cards = kept
    return deck


# ----- files --------------------------------------------------------------------------------------
def note_files(paths: Sequence[Path | str]) -> list[Path]:
    """The notes files named by ``paths`` (files, or folders searched recursively for ``*.md``)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in NOTE_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                raise ContentError(f"{path}: no Markdown (.md) files in this folder")
            found.extend(inside)
        elif path.exists():
            if path.suffix.lower() not in NOTE_SUFFIXES:
                raise ContentError(f"{path}: not a Markdown file (expected a .md file or a folder of them)")
            found.append(path)
        else:
            raise ContentError(f"{path}: no such file or folder")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def read_notes(path: Path) -> Deck:
    """Read and parse one notes file. Raises :class:`ContentError` naming the file when it cannot be used."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ContentError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if b"\x00" in raw[:8192]:
        raise ContentError(f"{path}: binary data, not Markdown text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(f"{path}: not UTF-8 text; save the notes as UTF-8 Markdown") from None
    if not text.strip():
        raise ContentError(f"{path}: the file is empty")
    if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        raise ContentError(f"{path}: an HTML document, not Markdown notes")
    deck = parse_notes_text(text, str(Path(path).resolve()))
    if not deck.cards:
        raise ContentError(
            f"{path}: no cards found (no heading with text under it, and no Q::A, ? or ==cloze== cards)"
        )
    return deck


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


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    decks: list[Deck]
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    dry_run: bool = False

    @property
    def warnings(self) -> list[str]:
        return [str(issue) for deck in self.decks for issue in deck.issues]


def import_notes(study, paths: Sequence[Path | str], *, dry_run: bool = False) -> ImportResult:
    """Import notes files into the store through ``study`` (a StudyService); nothing is written on error.

    Every file is read and checked before anything is written. Cards of these decks that are no longer
    in their file are retired (kept with their history); other imported decks are left alone.
    """
    files = note_files(paths)
    decks = [read_notes(path) for path in files]
    builtin = _builtin_deck_names() | {
        r["deck"] for r in study.store.query("SELECT DISTINCT deck FROM cards WHERE origin != 'imported'")
    }
    for deck in decks:
        if deck.name in builtin:  # keep the user's cards apart from a built-in deck of the same name
            deck.name = f"{deck.name} (imported)"
            for card in deck.cards:
                card.deck = deck.name
    owner: dict[str, Path] = {}
    for path, deck in zip(files, decks, strict=True):
        if deck.name in owner:
            raise ContentError(
                f"{owner[deck.name]} and {path} would both import as deck {deck.name!r}; rename one of them"
            )
        owner[deck.name] = path
    summary = study.sync_decks(decks, origin="imported", retire_scope=set(owner), dry_run=dry_run)
    return ImportResult(decks, summary.added, summary.updated, summary.unchanged, summary.retired, dry_run)
