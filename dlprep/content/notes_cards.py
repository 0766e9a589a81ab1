"""Cards from the text of one notes file (``dlprep import``); reading files and storing cards live elsewhere.

Three sources of cards, most explicit first:

1. Card syntax written in the notes, as Obsidian Spaced Repetition reads it: ``Q::A``, ``Q:::A``
   (reversed too), ``?`` and ``??`` blocks, ``==cloze==`` (optionally ``**bold**`` and ``{{curly}}``),
   ``[mc]`` and ``[explain]``, in paragraphs or in list items (``- Q::A``). ``<!--SR:!date,interval,ease-->``
   after a card is kept as its schedule; ``#flashcards/a/b`` tags choose the deck.
2. Question lists (``1. What is X?`` with the answer nested under the item or in the paragraphs right
   after it) and headings that are themselves questions: one basic card per question.
3. Any other heading with text under it: an explain card whose key points are its list items (or its
   sentences). Tables of contents, link lists, badge and sponsor lines are left out; a long section is split
   into parts of at most ``MAX_CHARS`` characters and ``MAX_POINTS`` key points, or skipped with a notice.

Ids are ``imp-<deck path>-<local id>``: the local id is written in the notes (``<!-- id: x -->``, which
``--write-ids`` adds) or derived from the content (question text, or heading path for heading cards),
case-sensitive and never from a position.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from dlprep.content import cloze
from dlprep.content.model import Card, Deck, DeckIssue, SrSchedule
from dlprep.content.notes_text import clean_markdown, has_words, point_text, sentences
from dlprep.content.parser import (
    _ID_COMMENT,
    Block,
    _blocks,
    _front_matter,
    _groups,
    _inline_text,
    _Reader,
    split_card_line,
)

PATH_SEP = " › "
MAX_CHARS = 1500
MAX_POINTS = 12
MAX_PARTS = 4
HUGE_BLOCK = 20_000  # a block this long is never split into sentences (a pasted dump, not notes)
_SR = re.compile(r"\s*<!--\s*SR:\s*((?:!\s*[^!>]*?)+)\s*-->")
_SR_ENTRY = re.compile(r"(\d{4}-\d{2}-\d{2}),\s*(\d+),\s*(\d+)")
_EOL_ID = re.compile(r"(?<=\S)\s*<!--\s*id\s*:\s*([^>]*?)\s*-->\s*$")
_VALID_ID = re.compile(r"^[A-Za-z0-9_.:-]+$")
_TAG = re.compile(r"(?<![\w/#`])#flashcards(/[\w./-]+)?")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SKIP_TITLES = {
    "table of contents", "contents", "toc", "index", "sponsors", "sponsor", "backers", "license",
    "contributors", "contributing", "acknowledgements", "acknowledgments", "star history", "citation",
    "support", "donate", "changelog",
}
_SPONSOR = re.compile(r"\b(sponsor(?:ed|s)?|patreon|buy me a coffee|ko-fi|donate|star (?:this|the) repo)\b", re.I)
_VERSION_TITLE = re.compile(
    r"^\W*(?:(?:v|version\s+|release\s+)\d+(?:\.\d+)+|\d+\.\d+\.\d+)\W*(?:\(|-|–|$)", re.I
)
_NUMBERING = re.compile(r"^\s*(?:\*\*|__)?\s*(?:Q\s*)?\d+[.):]\s*")


def local_hash(*parts: str) -> str:
    """Ten hex digits from the parts, whitespace-normalized and case-sensitive."""
    basis = "\x1f".join(" ".join(p.split()) for p in parts)
    return hashlib.sha1(basis.encode()).hexdigest()[:10]


def deck_from_tag(tag_path: str) -> str:
    """``/ml/vision`` (after ``#flashcards``) -> ``ml/vision``."""
    return tag_path.strip("/")


@dataclass
class _Section:
    """The blocks under one heading (up to the next heading of any level)."""

    path: list[str]
    levels: list[int]
    line: int  # 0-based body line of the heading
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Unit:
    """A piece of a section's answer: its text, its key points, whether it explains points from a list."""

    text: str
    points: list[str]
    listed: bool = False


@dataclass
class _Prescan:
    """Comments found at line ends before parsing: schedules, ids, and the lines without them."""

    lines: list[str]
    schedules: dict[int, list[SrSchedule]] = field(default_factory=dict)  # 1-based file line -> schedules
    ids: dict[int, str] = field(default_factory=dict)  # 1-based file line -> id written at its end
    tag: str = ""  # deck from the first #flashcards/... tag
    tagged: bool = False  # the file has a #flashcards tag (an Obsidian flashcard note)
    issues: list[DeckIssue] = field(default_factory=list)


def _prescan(lines: list[str], offset: int, path: str) -> _Prescan:
    """Take ``<!--SR:...-->`` and end-of-line ``<!-- id: ... -->`` comments out of the lines (outside code)."""
    scan = _Prescan(list(lines))
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        file_line = offset + i + 1
        if "<!--" not in line and "#flashcards" not in line:
            continue
        match = _SR.search(line)
        if match:
            found = [
                SrSchedule(date.fromisoformat(d), int(iv), int(ease))
                for d, iv, ease in _SR_ENTRY.findall(match.group(1))
                if _valid_date(d)
            ]
            if found:
                scan.schedules[file_line] = found
            else:
                scan.issues.append(DeckIssue(path, file_line, "unreadable <!--SR:...--> schedule; the card starts new"))
            line = line[: match.start()] + line[match.end() :]
        match = _EOL_ID.search(line)
        if match:
            if _VALID_ID.match(match.group(1)):
                scan.ids[file_line] = match.group(1)
            else:
                message = f"malformed id {match.group(1)!r}: use letters, digits, - _ . : (the card keeps a derived id)"
                scan.issues.append(DeckIssue(path, file_line, message))
            line = line[: match.start()]
        tag = _TAG.search(line)
        if tag:
            scan.tagged = True
            if tag.group(1) and not scan.tag:
                scan.tag = deck_from_tag(tag.group(1))
        scan.lines[i] = line
    return scan


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _sections(blocks: list[Block]) -> list[_Section]:
    stack: list[tuple[int, str]] = []
    sections = [_Section([], [], 0)]
    for block in blocks:
        if block.type != "heading":
            sections[-1].blocks.append(block)
            continue
        title = " ".join(clean_markdown(_inline_text(block), links=True).split())
        if not title:
            continue
        level = int(block.tokens[0].tag[1:])
        stack = [(lvl, t) for lvl, t in stack if lvl < level] + [(level, title)]
        sections.append(_Section([t for _, t in stack], [lvl for lvl, _ in stack], block.start))
    return sections


@dataclass
class _Item:
    """One list item: its first paragraph, where it sits, and the source of what is nested under it."""

    text: str
    start: int
    end: int
    depth: int
    rest_start: int  # first line after the item's first paragraph


def _items(block: Block) -> list[_Item]:
    items: list[_Item] = []
    depth = 0
    open_items: list[_Item] = []
    for tok in block.tokens:
        if tok.type == "list_item_open":
            depth += 1
            start, end = tok.map or (0, 0)
            item = _Item("", start, end, depth, start + 1)
            items.append(item)
            open_items.append(item)
        elif tok.type == "list_item_close":
            depth -= 1
            open_items.pop()
        elif tok.type == "paragraph_open" and open_items and not open_items[-1].text and tok.map:
            open_items[-1].rest_start = tok.map[1]
        elif tok.type == "inline" and open_items and not open_items[-1].text:
            open_items[-1].text = tok.content.strip()
    return items


def _is_question(text: str) -> bool:
    plain = " ".join(clean_markdown(text, links=True).replace("**", "").replace("__", "").split())
    return plain.endswith(("?", "？")) and has_words(plain)


def _is_table(text: str) -> bool:
    lines = [line.strip() for line in text.strip().split("\n")]
    return len(lines) >= 2 and all(line.startswith("|") for line in lines)


def _is_display_math(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("$$") and stripped.endswith("$$") and len(stripped) > 4


def _link_only(text: str) -> bool:
    """An item or line that only links somewhere (a table of contents, a list of references)."""
    return not has_words(clean_markdown(text))


class NotesReader:
    """Turns the sections of one notes file into the cards of one deck."""

    def __init__(self, deck: Deck, scan: _Prescan, offset: int, id_base: str, markers: cloze.Markers,
                 heading_cards: bool) -> None:
        self.deck = deck
        self.scan = scan
        self.lines = scan.lines
        self.offset = offset
        self.id_base = id_base
        self.markers = markers
        self.heading_cards = heading_cards
        self.repeated: set[str] = set()  # heading paths that occur more than once in the file

    # ----- helpers ----------------------------------------------------------------------------------
    def file_line(self, body_line: int) -> int:
        return self.offset + body_line + 1

    def notice(self, body_line: int, message: str) -> None:
        self.deck.notices.append(DeckIssue(self.deck.path, self.file_line(body_line), message))

    def source(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    def new_card(self, kind: str, question: str, **fields) -> Card:
        return Card(id="", deck=self.deck.name, section=self.deck.section, kind=kind, question=question.strip(),
                    source_file=self.deck.path, **fields)

    def finish(self, card: Card, local: str, *, line: int, key: str, heading: str, written: bool) -> None:
        """Give ``card`` its id, place and deck, and remember where ``--write-ids`` may name it."""
        card.id = f"imp-{self.id_base}-{local}"
        card.line = line
        card.context = key
        card.section = heading
        tag = _TAG.search(f"{card.question}\n{card.answer}")
        if tag and tag.group(1):
            card.deck = deck_from_tag(tag.group(1))
        card.question = clean_markdown(card.question, keep_cloze=card.kind == "cloze", links=True)
        card.answer = clean_markdown(card.answer, links=True)
        card.explanation = clean_markdown(card.explanation, links=True)
        if not written and "::" not in local:
            self.deck.id_lines[card.id] = (line, local)
        self.deck.cards.append(card)

    # ----- sections ---------------------------------------------------------------------------------
    def read(self, section: _Section) -> None:
        key = PATH_SEP.join(section.path)
        heading = section.path[0] if section.path else self.deck.name
        title = section.path[-1] if section.path else ""
        units: list[_Unit] = []
        groups = _groups(section.blocks)
        used: set[int] = set()  # indexes of groups consumed as the answer of a question item
        for g, group in enumerate(groups):
            if g in used:
                continue
            size = sum(len(line) + 1 for line in self.lines[group[0].start : group[-1].end])
            if size > HUGE_BLOCK and group[0].type not in ("fence", "code_block"):
                self.notice(group[0].start, f"a paragraph of {size - 1:,} characters left out (too long for a card)")
                continue
            if self.explicit_cards(group, section, key, heading):
                continue  # card syntax: its own cards, not part of the section's explanation
            for block in group:
                if block.type == "html_block" and _ID_COMMENT.match(block.tokens[0].content.strip()):
                    continue
                if block.type in ("bullet_list", "ordered_list"):
                    units.extend(self.read_list(block, groups, g, used, section, key, heading))
                else:
                    unit = self.read_block(block)
                    if unit:
                        units.append(unit)
        if not section.path or not units or not self.heading_cards:
            return
        if title.strip(" :").lower() in _SKIP_TITLES or _VERSION_TITLE.match(title):
            why = "release notes" if _VERSION_TITLE.match(title) else title.lower()
            return self.notice(section.line, f"section {key!r} left out: {why} is not a key point")
        line = self.file_line(section.line)
        if _is_question(title):
            return self.question_heading(section, units, key, heading, line)
        self.explain_heading(section, units, key, heading, line)

    def explicit_cards(self, group: list[Block], section: _Section, key: str, heading: str) -> bool:
        """Read card syntax in a paragraph group (with the deck parser, then re-homed). True when the group
        was a card (or a named card that failed, reported), so it is no part of the section's text; a
        paragraph with clozes is both cards and text."""
        head = group[0]
        is_id = head.type == "html_block" and _ID_COMMENT.match(head.tokens[0].content.strip())
        if head.type != "paragraph" and not is_id:
            return False
        holder = Deck(self.deck.name, self.deck.section, self.deck.path)
        reader = _Reader(holder, self.lines, self.offset, markers=self.markers, strict_cloze=False)
        reader.headings = list(zip(section.levels, section.path, strict=True))
        reader.read(group)
        self.deck.issues.extend(holder.issues)
        if holder.issues and not holder.cards and is_id:
            return True
        self.adopt(holder.cards, reader.explicit, key, heading)
        return any(card.kind != "cloze" for card in holder.cards)

    def adopt(self, cards: list[Card], explicit: str | None, key: str, heading: str) -> None:
        """Re-id cards made by the deck parser: written ids win, else ids from the content."""
        renamed: dict[str, str] = {}
        for card in cards:
            written = self.scan.ids.get(card.line) or (explicit if card is cards[0] or card.kind == "cloze" else None)
            if card.kind == "cloze":
                base = written or local_hash("cloze", cloze.mask_all(card.question))
                card.note_id = f"imp-{self.id_base}-{base}"
                local = f"{base}::c{card.cloze_index}"
                if card.cloze_index == 1 and not written:
                    self.deck.id_lines[card.note_id] = (card.line, base)
                self.finish(card, local, line=card.line, key=key, heading=heading, written=True)
                continue
            if card.id.endswith("::r") and card.id[:-3] in renamed:
                local = renamed[card.id[:-3]] + "::r"
            else:
                local = written or local_hash(card.kind, card.question)
            renamed[card.id] = local
            self.finish(card, local, line=card.line, key=key, heading=heading, written=bool(written))

    def read_block(self, block: Block) -> _Unit | None:
        """A paragraph, code block, table or quote as a piece of the answer (None when it says nothing)."""
        verbatim = block.type in ("fence", "code_block")
        raw = self.source(block.start, block.end)
        text = raw if verbatim else clean_markdown(raw, links=True)
        if not text.strip():
            return None
        if verbatim:
            return _Unit(text, [])
        if not has_words(clean_markdown(raw)) or _SPONSOR.search(text):
            return None  # badges, a lone link, sponsor lines
        if block.type != "paragraph" or _is_table(text):
            return _Unit(text, [])
        point = point_text(text)
        if _is_display_math(point):
            return _Unit(text, [point])
        return _Unit(text, sentences(point) if point else [])

    def read_list(self, block: Block, groups: list[list[Block]], g: int, used: set[int], section: _Section,
                  key: str, heading: str) -> list[_Unit]:
        """Cards in list items, question lists, and what is left as key points."""
        items = _items(block)
        top = [it for it in items if it.depth == 1]
        if top and all(_link_only(it.text) for it in top):
            if len(top) > 1:
                self.notice(block.start, f"a list of {len(top)} links left out (a table of contents or references)")
            return []
        carded: set[int] = set()
        for item in items:
            if self.item_cards(item, key, heading):
                carded.add(item.start)
        questions = [it for it in top if it.start not in carded and _is_question(it.text)]
        if questions and (len(top) == 1 or len(questions) >= max(2, len(top) // 2)):
            for item in questions:
                answer = self.source(item.rest_start, item.end).strip()
                if not answer and len(top) == 1:
                    answer = self.following_answer(groups, g, used)
                self.question_card(item, _dedent(answer), key, heading)
                carded.add(item.start)
        rest = [it for it in top if it.start not in carded]
        if not rest:
            return []
        points = [p for p in (self.item_point(it, items, carded) for it in rest) if p]
        text = "\n".join(f"- {p}" for p in points)
        return [_Unit(text, points, listed=True)] if points else []

    def item_point(self, item: _Item, items: list[_Item], carded: set[int]) -> str:
        """A top-level item as one key point; its nested items follow in parentheses."""
        head = point_text(clean_markdown(item.text, links=True))
        nested = [point_text(clean_markdown(it.text, links=True)) for it in items
                  if it.depth > 1 and item.start < it.start < item.end and it.start not in carded]
        nested = [n for n in nested if n and has_words(n)]
        if not head or not has_words(head) or _SPONSOR.search(head):
            return ""
        return f"{head} ({'; '.join(nested)})" if nested else head

    def item_cards(self, item: _Item, key: str, heading: str) -> bool:
        """``- Q::A``, ``- Q:::A`` and clozes inside a list item (Obsidian notes keep many cards this way)."""
        first = item.text.split("\n", 1)[0]
        line = self.file_line(item.start)
        split = split_card_line(first)
        if split and split[0].strip() and split[1].strip():
            question, answer, both = split
            answer = "\n".join([answer.strip(), *item.text.split("\n")[1:]]).strip()
            written = self.scan.ids.get(line)
            card = self.new_card("basic", question)
            card.answer = answer
            local = written or local_hash("basic", clean_markdown(question, links=True))
            self.finish(card, local, line=line, key=key, heading=heading, written=bool(written))
            if both:
                reverse = self.new_card("basic", answer)
                reverse.answer = question.strip()
                self.finish(reverse, local + "::r", line=line, key=key, heading=heading, written=True)
            return True
        if cloze.has_cloze(item.text, self.markers) and cloze.unclosed(item.text, self.markers) is None:
            note = cloze.normalize(clean_markdown(item.text, keep_cloze=True, links=True), self.markers)
            made = [
                self.new_card("cloze", note, answer=hidden.strip(), cloze_index=k, line=line)
                for k, hidden in enumerate(cloze.answers(note), start=1) if hidden.strip()
            ]
            self.adopt(made, None, key, heading)
            return bool(made)
        return False

    def following_answer(self, groups: list[list[Block]], g: int, used: set[int]) -> str:
        """The paragraphs after a one-item question list, up to the next list or the end of the section."""
        parts = []
        for k in range(g + 1, len(groups)):
            first = self.lines[groups[k][0].start] if groups[k][0].start < len(self.lines) else ""
            is_card = split_card_line(first) or any(
                self.lines[n].strip() in ("?", "??") for n in range(groups[k][0].start, groups[k][-1].end)
            )
            if groups[k][0].type in ("bullet_list", "ordered_list") or is_card:
                break
            used.add(k)
            parts.append(self.source(groups[k][0].start, groups[k][-1].end))
        return "\n\n".join(parts).strip()

    def question_card(self, item: _Item, answer: str, key: str, heading: str) -> None:
        line = self.file_line(item.start)
        question = _NUMBERING.sub("", clean_markdown(item.text, links=True)).replace("**", "").strip()
        if not answer or not has_words(clean_markdown(answer)):
            return self.notice(item.start, f"question {question[:50]!r} has no answer under it; left out")
        if len(answer) > MAX_CHARS * 2:
            return self.notice(item.start, f"question {question[:50]!r}: answer of {len(answer):,} characters left out")
        written = self.scan.ids.get(line)
        card = self.new_card("basic", question, answer=answer)
        self.finish(card, written or local_hash("basic", question), line=line, key=key, heading=heading,
                    written=bool(written))

    # ----- heading cards ----------------------------------------------------------------------------
    def heading_local(self, section: _Section, key: str, answer: str) -> tuple[str, bool]:
        """The written id of a heading card, else one from its path (and its text, when the path repeats)."""
        written = self.scan.ids.get(self.file_line(section.line))
        if written:
            return written, True
        if key in self.repeated:
            return local_hash(key, answer[:200]), False
        return local_hash(key), False

    def question_heading(self, section: _Section, units: list[_Unit], key: str, heading: str, line: int) -> None:
        answer = "\n\n".join(u.text for u in units).strip()
        if len(answer) > MAX_CHARS * 2:
            return self.notice(section.line, f"section {key!r}: answer of {len(answer):,} characters left out")
        local, written = self.heading_local(section, key, answer)
        card = self.new_card("basic", section.path[-1], answer=answer)
        self.finish(card, local, line=line, key=key, heading=heading, written=written)

    def explain_heading(self, section: _Section, units: list[_Unit], key: str, heading: str, line: int) -> None:
        for unit in [u for u in units if not u.points and len(u.text) > MAX_CHARS]:
            self.notice(section.line, f"section {key!r}: a code block or table of {len(unit.text):,} characters "
                                      "left out of its card")
            units.remove(unit)
        for unit in units:
            long_points = [p for p in unit.points if len(p) > MAX_CHARS]
            for point in long_points:
                self.notice(section.line, f"section {key!r}: a key point of {len(point):,} characters left out")
            if long_points:
                unit.points = [p for p in unit.points if len(p) <= MAX_CHARS]
                unit.text = _chunk_unit(unit.points, unit.listed).text
        units = [u for u in units if u.text.strip()]
        if not units:
            return
        parts = _pack(_split_units(units))
        if len(parts) > MAX_PARTS:
            size = sum(len(u.text) for u in units)
            self.notice(section.line, f"section {key!r} left out: {size:,} characters would make {len(parts)} cards "
                                      f"(more than {MAX_PARTS}); add subheadings or write cards")
            return
        local, written = self.heading_local(section, key, "\n\n".join(u.text for u in parts[0]) if parts else "")
        for k, part in enumerate(parts, start=1):
            answer = "\n\n".join(u.text for u in part).strip()
            # With a list, its items are the key points and the prose explains them; else the sentences.
            points = [p for u in part if u.listed for p in u.points] or [p for u in part for p in u.points]
            if not has_words(answer):
                continue
            listed = any(u.listed for u in part)
            explanation = "\n\n".join(u.text for u in part if not u.listed).strip() if listed else answer
            question = "Explain: " + key + (f" (part {k} of {len(parts)})" if len(parts) > 1 else "")
            if points:
                card = self.new_card("explain", question, answer=answer, key_points=points, explanation=explanation)
            else:  # only code, a table or a formula under the heading: reveal and rate
                card = self.new_card("basic", question, answer=answer)
            part_local = local if k == 1 else local_hash(key, answer)
            if k > 1 and any(c.id == f"imp-{self.id_base}-{part_local}" for c in self.deck.cards):
                part_local = local_hash(key, answer, str(k))  # two parts with the same text: rare, told apart
            self.finish(card, part_local, line=line, key=key, heading=heading, written=written or k > 1)


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    return "\n".join(ln[cut:] for ln in lines).strip()


def _split_units(units: list[_Unit]) -> list[_Unit]:
    """Units small enough for one card: long lists by items, long paragraphs by sentences."""
    out: list[_Unit] = []
    for unit in units:
        if len(unit.text) <= MAX_CHARS and len(unit.points) <= MAX_POINTS:
            out.append(unit)
            continue
        if not unit.points:
            out.append(unit)  # code or a table: kept whole, counted against the cap
            continue
        chunk: list[str] = []
        for point in unit.points:
            size = len(_chunk_unit([*chunk, point], unit.listed).text)
            if chunk and (len(chunk) >= MAX_POINTS or size > MAX_CHARS):
                out.append(_chunk_unit(chunk, unit.listed))
                chunk = []
            chunk.append(point)
        if chunk:
            out.append(_chunk_unit(chunk, unit.listed))
    return out


def _chunk_unit(points: list[str], listed: bool) -> _Unit:
    text = "\n".join(f"- {p}" for p in points) if listed else " ".join(points)
    return _Unit(text, list(points), listed)


def _pack(units: list[_Unit]) -> list[list[_Unit]]:
    """Consecutive units packed into parts of at most MAX_CHARS characters and MAX_POINTS points."""
    parts: list[list[_Unit]] = [[]]
    for unit in units:
        size = sum(len(u.text) + 2 for u in parts[-1])  # units are joined by a blank line
        listed = [u for u in [*parts[-1], unit] if u.listed]
        count = sum(len(u.points) for u in (listed or [*parts[-1], unit]))
        if parts[-1] and (size + len(unit.text) > MAX_CHARS or count > MAX_POINTS):
            parts.append([])
        parts[-1].append(unit)
    return [p for p in parts if p]


def parse_notes_text(
    text: str, path: str = "<notes>", *, deck_name: str | None = None, id_base: str | None = None,
    markers: cloze.Markers = cloze.DEFAULT, heading_cards: str = "auto",
) -> Deck:
    """Parse notes Markdown into a deck (origin "imported"). Problems land in ``issues``, left-out parts in
    ``notices``. ``heading_cards`` is ``auto`` (not in a note tagged ``#flashcards``), ``always`` or ``never``.
    """
    from pathlib import Path

    from dlprep.content.model import slugify

    lines = text.replace("\r\n", "\n").split("\n")
    meta, body_start, issues = {}, 0, []
    if lines and lines[0].strip() == "---":
        found, start, fm_issues = _front_matter(lines, path)
        if fm_issues:
            issues = [DeckIssue(i.file, i.line, i.message + " (front matter ignored)") for i in fm_issues]
            body_start = start
        else:
            meta, body_start = found, start
    stem = Path(path).stem
    scan = _prescan(lines[body_start:], body_start, path)
    tags = meta.get("tags") or []
    tags = [tags] if isinstance(tags, str) else tags
    meta_tag = next((str(t).removeprefix("#") for t in tags if str(t).lstrip("#").startswith("flashcards")), "")
    if meta_tag:
        scan.tagged = True
        scan.tag = scan.tag or deck_from_tag(meta_tag.removeprefix("flashcards"))
    name = str(meta.get("deck") or scan.tag or deck_name or stem)
    body = scan.lines
    sections = _sections(_blocks("\n".join(body), body))
    first_heading = next((s.path[0] for s in sections if s.path), name)
    deck = Deck(name=name, section=first_heading, path=path, topic=str(meta.get("topic") or ""), source="imported")
    deck.issues.extend(issues + scan.issues)
    make_headings = heading_cards == "always" or (heading_cards == "auto" and not scan.tagged)
    reader = NotesReader(deck, scan, body_start, id_base or slugify(deck_name or stem), markers, make_headings)
    keys = Counter(PATH_SEP.join(s.path) for s in sections if s.path)
    reader.repeated = {k for k, n in keys.items() if n > 1}
    for section in sections:
        reader.read(section)
    _disambiguate(deck, reader.id_base)
    _attach_schedules(deck, scan)
    seen: dict[str, Card] = {}
    kept = []
    for card in deck.cards:
        if card.id in seen:
            first = seen[card.id]
            message = f"the same card appears twice ({card.question[:40]!r}, first on line {first.line})"
            message += "; kept the first"
            deck.issues.append(DeckIssue(path, card.line, message))
            continue
        seen[card.id] = card
        kept.append(card)
    deck.cards = kept
    return deck


def _disambiguate(deck: Deck, id_base: str) -> None:
    """Cards with the same derived id (one question asked under two headings, say "Pros::..." under Adam and
    under SGD) all take their heading path, then their answer, into the id: which comes first never matters."""
    prefix = f"imp-{id_base}-"
    for extra in (lambda c: (c.context,), lambda c: (c.context, c.answer)):
        groups: dict[str, list[Card]] = {}
        for card in deck.cards:
            if card.id in deck.id_lines and card.kind != "cloze":
                groups.setdefault(card.id, []).append(card)
        clashes = {cid: cards for cid, cards in groups.items() if len(cards) > 1}
        if not clashes:
            return
        for old, cards in clashes.items():
            deck.id_lines.pop(old)
            for card in cards:
                local = local_hash(card.kind, card.question, *extra(card))
                card.id = prefix + local
                deck.id_lines[card.id] = (card.line, local)
        for before, card in zip(deck.cards, deck.cards[1:], strict=False):
            if card.id.endswith("::r"):  # a reverse card comes right after its forward card
                card.id = before.id + "::r"


def _attach_schedules(deck: Deck, scan: _Prescan) -> None:
    """Each ``<!--SR:...-->`` belongs to the nearest card at or above it (all siblings on that line, in order)."""
    by_line: dict[int, list[Card]] = {}
    for card in deck.cards:
        if not card.question.startswith("Explain: "):
            by_line.setdefault(card.line, []).append(card)
    starts = sorted(by_line)
    for line, entries in scan.schedules.items():
        above = [s for s in starts if s <= line]
        if not above:
            continue
        for card, schedule in zip(by_line[above[-1]], entries, strict=False):
            deck.schedules[card.id] = schedule
