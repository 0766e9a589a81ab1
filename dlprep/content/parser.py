"""Parse a deck file (YAML front matter + Markdown cards) into a :class:`Deck`.

markdown-it-py splits the body into top-level blocks with line maps; blocks on adjacent lines (no blank
line between) form one group, and each group is read as one card (or several, for ``Q::A`` lines and
cloze notes). Problems become :class:`DeckIssue` entries naming the line; the broken card is skipped and
the rest of the deck still loads. The card syntax is documented in ``docs/deck-format.md``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from dlprep.content import cloze
from dlprep.content.model import SOURCES, Card, Deck, DeckIssue, Option, slugify

# Only the block structure is needed; inline content is read as source text, so skip inline parsing.
_MD = MarkdownIt("commonmark").disable(["inline", "text_join"], ignoreInvalid=True)
_ID_COMMENT = re.compile(r"^<!--\s*id:\s*([A-Za-z0-9_.:-]+)\s*-->\s*$")
_ID_LIKE = re.compile(r"^<!--\s*id\s*[:=]", re.I)
_TASK = re.compile(r"^\[( |x|X)\]\s+(.*)$", re.S)
_GEN = re.compile(r"^\[gen\][ \t]*([A-Za-z][A-Za-z0-9_]*)?(.*)$", re.S)
MAX_OPTIONS = 4


@dataclass
class Block:
    """One top-level Markdown block: its type, 0-based line span [start, end) and its tokens."""

    type: str
    start: int
    end: int
    tokens: list[Token]


def _front_matter(lines: list[str], file: str) -> tuple[dict, int, list[DeckIssue]]:
    """Return (metadata, first body line index, issues)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0, [DeckIssue(file, 1, "missing YAML front matter (a '---' line, 'deck:' and 'section:')")]
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        return {}, 0, [DeckIssue(file, 1, "front matter is not closed by a '---' line")]
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return {}, end + 1, [DeckIssue(file, line, f"front matter: {problem}")]
    if not isinstance(meta, dict):
        return {}, end + 1, [DeckIssue(file, 2, "front matter must be a mapping of keys to values")]
    return meta, end + 1, []


def _blocks(body: str, lines: list[str]) -> list[Block]:
    tokens = _MD.parse(body)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.level != 0 or tok.map is None:
            i += 1
            continue
        j = i
        if tok.nesting == 1:
            depth = 0
            while j < len(tokens):
                depth += tokens[j].nesting
                if depth == 0:
                    break
                j += 1
        start, end = tok.map
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        kind = tok.type.removesuffix("_open")
        blocks.append(Block(kind, start, end, tokens[i : j + 1]))
        i = j + 1
    return blocks


def _groups(blocks: list[Block]) -> list[list[Block]]:
    """Blocks with no blank line between them; a heading always stands alone."""
    groups: list[list[Block]] = []
    for block in blocks:
        joinable = (
            groups
            and block.type != "heading"
            and groups[-1][-1].type != "heading"
            and groups[-1][-1].end == block.start
        )
        if joinable:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _inline_text(block: Block) -> str:
    return next((t.content for t in block.tokens if t.type == "inline"), "")


def _list_items(block: Block) -> list[str]:
    """Source text of each item of a bullet list (first paragraph, continuation lines joined)."""
    items: list[str] = []
    depth = 0
    for tok in block.tokens:
        if tok.type == "list_item_open":
            depth += 1
            if depth == 1:
                items.append("")
        elif tok.type == "list_item_close":
            depth -= 1
        elif tok.type == "inline" and depth == 1 and items and not items[-1]:
            items[-1] = tok.content.strip()
    return items


def _split_outside_code(line: str, sep: str) -> tuple[str, str] | None:
    mask = cloze.code_mask(line)
    pos = line.find(sep)
    while pos != -1 and any(mask[pos : pos + len(sep)]):
        pos = line.find(sep, pos + 1)
    if pos == -1:
        return None
    return line[:pos], line[pos + len(sep) :]


def split_card_line(line: str) -> tuple[str, str, bool] | None:
    """``Q:::A`` -> (Q, A, True) (reversed: two cards); ``Q::A`` -> (Q, A, False); else None."""
    triple = _split_outside_code(line, ":::")
    if triple:
        return triple[0], triple[1], True
    double = _split_outside_code(line, "::")
    return (double[0], double[1], False) if double else None


def derive_id(deck: str, text: str, *, case_sensitive: bool = False) -> str:
    """A stable id from the deck name and the question text (whitespace-insensitive).

    Case is folded, as it always was (existing ids carry review history); a second question that differs
    from an earlier one only in case (``\\vdash`` and ``\\vDash``) gets the case-sensitive id instead.
    """
    norm = " ".join(text.split())
    norm = norm if case_sensitive else norm.lower()
    marker = "cs:" if case_sensitive else ""
    return f"{slugify(deck)}-{hashlib.sha1((marker + norm).encode()).hexdigest()[:10]}"


class _Reader:
    """Turns groups of blocks into cards for one deck."""

    def __init__(
        self, deck: Deck, lines: list[str], offset: int, *, markers: cloze.Markers = cloze.DEFAULT,
        strict_cloze: bool = True, gen_cards: bool = False,
    ) -> None:
        self.deck = deck
        self.lines = lines
        self.offset = offset  # 0-based index of the body's first line in the file
        self.headings: list[tuple[int, str]] = []
        self.seen_ids: dict[str, int] = {}
        self.bases: dict[str, str] = {}  # derived id -> the question text it came from
        self.explicit: str | None = None  # the id comment of the group read last, if any
        self.markers = markers
        # Deck files report a paragraph with an unclosed cloze marker; notes only when an id names a card.
        self.strict_cloze = strict_cloze
        # [gen] cards run a generator from the deck folder: deck files only, never imported notes.
        self.gen_cards = gen_cards

    def line_no(self, body_line: int) -> int:
        return self.offset + body_line + 1

    def issue(self, body_line: int, message: str) -> None:
        self.deck.issues.append(DeckIssue(self.deck.path, self.line_no(body_line), message))

    def source(self, block: Block) -> str:
        return "\n".join(self.lines[block.start : block.end])

    def read(self, group: list[Block]) -> None:
        first = group[0]
        if first.type == "heading":
            level = int(first.tokens[0].tag[1:])
            self.headings = [(lvl, t) for lvl, t in self.headings if lvl < level]
            self.headings.append((level, _inline_text(first).strip()))
            return
        explicit = None
        self.explicit = None
        named = False  # an id comment (valid or not) names the card below it
        if first.type == "html_block":
            content = first.tokens[0].content.strip()
            match = _ID_COMMENT.match(content)
            if match:
                explicit = self.explicit = match.group(1)
                named = True
                group = group[1:]
            elif _ID_LIKE.match(content):
                # Never drop the card: report the comment and give the card its derived id.
                self.issue(first.start, "malformed id comment; write <!-- id: some-id --> with letters, digits, - _ . :"
                           " (the card below keeps a derived id)")
                named = True
                group = group[1:]
            else:
                return
        label = f"id {explicit!r}" if explicit else "the id comment"  # a malformed comment has no id to name
        if not group:
            if named:
                self.issue(first.start, f"{label} is not followed by a card on the next line")
            return
        head = group[0]
        if head.type != "paragraph":
            if named:
                self.issue(head.start, f"{label} is followed by a {head.type.replace('_', ' ')}, not a card")
            return
        text = _inline_text(head)
        lines = [ln.strip() for ln in text.split("\n")]
        first_line = lines[0]
        if first_line.startswith("[gen]"):
            self.read_gen(head, text, explicit)
        elif first_line.startswith("[mc]"):
            self.read_mc(group, text, explicit)
        elif first_line.startswith("[explain]"):
            self.read_explain(group, text, explicit)
        elif "?" in lines or "??" in lines:
            self.read_multiline(group, explicit)
        elif _split_outside_code(first_line, "::"):
            self.read_single_lines(head, explicit)
        elif cloze.has_cloze(text, self.markers) and cloze.unclosed(text, self.markers) is None:
            self.read_cloze(head, text, explicit)
        elif cloze.unclosed(text, self.markers) is not None and (named or self.strict_cloze):
            at = cloze.unclosed(text, self.markers)
            line = head.start + text[:at].count("\n")
            opener, closer = next(pair for pair in self.markers if text.startswith(pair[0], at))
            self.issue(line, f"cloze marker {opener!r} is never closed; write {opener}hidden text{closer}")
        elif named:
            hint = "write Q::A, a '?' card, ==cloze==, [mc], [explain] or [gen]"
            self.issue(head.start, f"{label} names no card: {hint}")

    # ----- card kinds -------------------------------------------------------------------------------
    def add(self, card: Card, body_line: int, explicit: str | None, basis: str) -> None:
        card.id = explicit or derive_id(self.deck.name, basis)
        card.line = self.line_no(body_line)
        card.context = " › ".join(t for _, t in self.headings)
        first_basis = self.bases.get(card.id)
        if not explicit and basis and first_basis is not None and first_basis != " ".join(basis.split()):
            card.id = derive_id(self.deck.name, basis, case_sensitive=True)  # differs from the first in case only
        self.bases.setdefault(card.id, " ".join(basis.split()))
        if card.id in self.seen_ids:
            self.issue(body_line, f"duplicate card id {card.id!r} (first used on line {self.seen_ids[card.id]})")
            return
        self.seen_ids[card.id] = card.line
        self.deck.cards.append(card)

    def new_card(self, kind: str, question: str, **fields) -> Card:
        return Card(
            id="", deck=self.deck.name, section=self.deck.section, kind=kind,
            question=question.strip(), source_file=self.deck.path, **fields,
        )

    def read_mc(self, group: list[Block], text: str, explicit: str | None) -> None:
        head = group[0]
        question = text.removeprefix("[mc]").strip()
        lists = [b for b in group[1:] if b.type == "bullet_list"]
        if not question:
            return self.issue(head.start, "multiple-choice card has no question after [mc]")
        if not lists:
            return self.issue(head.start, "multiple-choice card needs options as '- [ ] text' / '- [x] text'")
        options: list[Option] = []
        for item in _list_items(lists[0]):
            match = _TASK.match(item)
            if not match:
                return self.issue(lists[0].start, f"option {item[:40]!r} must start with [ ] or [x]")
            options.append(Option(match.group(2).strip(), match.group(1) != " "))
        n_correct = sum(o.correct for o in options)
        if not 2 <= len(options) <= MAX_OPTIONS:
            plural = "s" if len(options) != 1 else ""
            message = f"multiple-choice card has {len(options)} option{plural}; use 2 to {MAX_OPTIONS}"
            return self.issue(lists[0].start, message)
        if n_correct != 1:
            message = f"multiple-choice card has {n_correct} options marked [x]; mark exactly one"
            return self.issue(lists[0].start, message)
        explanation = "\n".join(self.source(b) for b in group[1:] if b.type == "blockquote")
        explanation = "\n".join(ln.removeprefix(">").strip() for ln in explanation.splitlines()).strip()
        answer = options[[o.correct for o in options].index(True)].text
        card = self.new_card("mc", question, answer=answer, options=options, explanation=explanation)
        self.add(card, head.start, explicit, question)

    def read_gen(self, head: Block, text: str, explicit: str | None) -> None:
        """``[gen] NAME`` and an optional title: a card whose numbers a generator draws at each review."""
        if not self.gen_cards:
            return self.issue(head.start, "[gen] cards run a generator from a deck folder; imported notes never "
                                          "run code, so this paragraph makes no card")
        match = _GEN.match(text)
        name = match.group(1) if match else None
        if not name or (match.group(2) and not match.group(2)[:1].isspace()):
            return self.issue(head.start, "write [gen] NAME, where NAME is a generator function in the deck's "
                                          "sidecar (letters, digits, _), then an optional title")
        title = " ".join(match.group(2).split())
        card = self.new_card("gen", title, generator=name)
        self.add(card, head.start, explicit, f"[gen] {name}")

    def read_explain(self, group: list[Block], text: str, explicit: str | None) -> None:
        head = group[0]
        question = text.removeprefix("[explain]").strip()
        lists = [b for b in group[1:] if b.type == "bullet_list"]
        if not question:
            return self.issue(head.start, "explain card has no question after [explain]")
        if not lists or not _list_items(lists[0]):
            return self.issue(head.start, "explain card needs its key points as a bullet list right after the question")
        points = _list_items(lists[0])
        note = "\n".join(self.source(b) for b in group[1:] if b.type == "blockquote")
        note = "\n".join(ln.removeprefix(">").strip() for ln in note.splitlines()).strip()
        answer = "\n".join(f"- {p}" for p in points)
        card = self.new_card("explain", question, answer=answer, key_points=points, explanation=note)
        self.add(card, head.start, explicit, question)

    def read_multiline(self, group: list[Block], explicit: str | None) -> None:
        head = group[0]
        source = "\n".join(self.lines[head.start : group[-1].end])
        src_lines = source.split("\n")
        sep = next(i for i, ln in enumerate(src_lines) if ln.strip() in ("?", "??"))
        mark = src_lines[sep].strip()
        question = "\n".join(src_lines[:sep]).strip()
        answer = "\n".join(src_lines[sep + 1 :]).strip()
        if not question:
            return self.issue(head.start, f"card has a '{mark}' line but no question above it")
        if not answer:
            return self.issue(head.start + sep, f"card has a '{mark}' line but no answer below it")
        self.add_pair(question, answer, head.start, explicit, reversed_too=mark == "??")

    def add_pair(self, question: str, answer: str, body_line: int, explicit: str | None, *, reversed_too: bool) -> None:
        """A basic card, and for ``:::``/``??`` its reverse (answer asked, question shown), id ``<id>::r``."""
        card = self.new_card("basic", question, answer=answer)
        self.add(card, body_line, explicit, question)
        if reversed_too and self.deck.cards and self.deck.cards[-1] is card:
            self.add(self.new_card("basic", answer, answer=question), body_line, f"{card.id}::r", "")

    def read_single_lines(self, head: Block, explicit: str | None) -> None:
        current: tuple[int, str, list[str]] | None = None
        pending: list[tuple[int, str, list[str]]] = []
        for offset, raw in enumerate(self.lines[head.start : head.end]):
            split = split_card_line(raw)
            if split:
                current = (head.start + offset, split[0].strip(), [split[1].strip()], split[2])
                pending.append(current)
            elif current is not None:
                current[2].append(raw.strip())
        for k, (line, question, answer_lines, reversed_too) in enumerate(pending):
            answer = "\n".join(answer_lines).strip()
            if not question or not answer:
                sep = ":::" if reversed_too else "::"
                self.issue(line, f"a 'Question{sep}Answer' line needs text on both sides of '{sep}'")
                continue
            self.add_pair(question, answer, line, explicit if k == 0 else None, reversed_too=reversed_too)

    def read_cloze(self, head: Block, text: str, explicit: str | None) -> None:
        note_id = explicit or derive_id(self.deck.name, cloze.mask_all(text, self.markers))
        note = cloze.normalize(text, self.markers)
        for index, hidden in enumerate(cloze.answers(text, self.markers), start=1):
            if not hidden.strip():
                self.issue(head.start, f"cloze {index} is empty")
                continue
            card = self.new_card("cloze", note, answer=hidden.strip(), note_id=note_id, cloze_index=index)
            self.add(card, head.start, f"{note_id}::c{index}", "")


def parse_deck_text(text: str, path: str = "<deck>", *, default_name: str | None = None) -> Deck:
    """Parse deck source. Never raises for bad content: problems land in ``deck.issues``."""
    lines = text.replace("\r\n", "\n").split("\n")
    meta, body_start, issues = _front_matter(lines, path)
    name = str(meta.get("deck") or default_name or Path(path).stem)
    section = str(meta.get("section") or "")
    source = str(meta.get("source") or "notes")
    deck = Deck(name=name, section=section, path=path, topic=str(meta.get("topic") or ""), source=source)
    deck.issues.extend(issues)
    if not issues and not meta.get("deck") and default_name is None:
        deck.issues.append(DeckIssue(path, 2, "front matter has no 'deck:' name"))
    if not issues and not section:
        deck.issues.append(DeckIssue(path, 2, "front matter has no 'section:' (the notes heading the cards come from)"))
    if source not in SOURCES:
        deck.issues.append(DeckIssue(path, 2, f"source must be one of {', '.join(SOURCES)}, not {source!r}"))
    body_lines = lines[body_start:]
    reader = _Reader(deck, body_lines, body_start, gen_cards=True)
    for group in _groups(_blocks("\n".join(body_lines), body_lines)):
        reader.read(group)
    return deck


def parse_deck(path: Path) -> Deck:
    """Read and parse one deck file; unreadable files come back as a deck with one issue.

    ``[gen]`` cards are checked against the generators beside the file (:func:`dlprep.content.gen.check_deck`):
    one whose generator is missing or broken is dropped with an issue naming file and line.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        deck = Deck(name=Path(path).stem, section="", path=str(path))
        deck.issues.append(DeckIssue(str(path), 1, f"cannot read the file ({reason})"))
        return deck
    deck = parse_deck_text(text, str(path))
    if any(card.kind == "gen" for card in deck.cards):
        from dlprep.content.gen import check_deck

        check_deck(deck, Path(path))
    return deck
