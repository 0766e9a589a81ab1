"""Export the concept cards to an Anki package (``.apkg``) with genanki.

One Anki deck per notes section (``dlprep::<section title>``), two note types: *dlprep basic* (Front,
Back) for basic, multiple-choice and explain cards, and *dlprep cloze* (Text, Extra) for cloze notes,
whose sibling cards (``==span==`` 1, 2, ...) become ``{{c1::...}}``, ``{{c2::...}}`` of one Anki note.
Note GUIDs are derived from our stable ids (the card id, or the note id for a cloze note), and the note
type and deck ids are fixed, so importing a newer export updates the notes already in Anki instead of
adding duplicates. Math is passed to Anki's MathJax (``\\(...\\)``, ``\\[...\\]``). Drills are not
exported: they need the grader.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from dlprep.content import cloze
from dlprep.content.model import Card
from dlprep.errors import DlprepError
from dlprep.sections import section_title

BASIC_MODEL_ID = 1_607_392_319
CLOZE_MODEL_ID = 1_607_392_320
CSS = (
    ".card{font-family:system-ui,sans-serif;font-size:18px;text-align:left;color:#263238;background:#fff}"
    ".context{color:#78909c;font-size:14px;margin-bottom:8px}code,pre{font-family:monospace}"
    ".cloze{font-weight:bold;color:#1565c0}"
)


def _models():
    import genanki

    basic = genanki.Model(
        BASIC_MODEL_ID, "dlprep basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                    "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
        css=CSS,
    )
    cloze_model = genanki.Model(
        CLOZE_MODEL_ID, "dlprep cloze",
        fields=[{"name": "Text"}, {"name": "Extra"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}"}],
        css=CSS, model_type=genanki.Model.CLOZE,
    )
    return basic, cloze_model


_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_FENCE = re.compile(r"```[\w+-]*\n(.*?)```", re.S)
_STASHED = re.compile("\x00(\\d+)\x00")


_PLAIN = re.compile(r"[`$*\n<>&]")


def to_html(text: str) -> str:
    """Markdown subset (code, fenced code, bold, line breaks) and ``$`` math to Anki HTML."""
    if not _PLAIN.search(text):
        return text  # nothing to convert or escape (most options and short answers)
    stash: list[str] = []

    def keep(fragment: str) -> str:
        stash.append(fragment)
        return f"\x00{len(stash) - 1}\x00"

    if "`" in text:
        text = _FENCE.sub(lambda m: keep(f"<pre><code>{html.escape(m.group(1), quote=False)}</code></pre>"), text)
        text = _CODE.sub(lambda m: keep(f"<code>{html.escape(m.group(1), quote=False)}</code>"), text)
    if "$" in text:
        text = _MATH.sub(
            lambda m: keep(f"\\[{html.escape(m.group(1), quote=False)}\\]" if m.group(1) is not None
                           else f"\\({html.escape(m.group(2), quote=False)}\\)"),
            text,
        )
    text = html.escape(text, quote=False)
    if "**" in text:
        text = _BOLD.sub(r"<b>\1</b>", text)
    text = text.replace("\n", "<br>")
    return _STASHED.sub(lambda m: stash[int(m.group(1))], text) if stash else text


def _context(card: Card) -> str:
    return f'<div class="context">{html.escape(card.context, quote=False)}</div>' if card.context else ""


def basic_fields(card: Card) -> tuple[str, str]:
    """Front and back of a basic, multiple-choice or explain card."""
    front = _context(card) + to_html(card.question)
    if card.kind == "mc":
        letters = "abcdefgh"
        front += "<ol type=\"a\">" + "".join(f"<li>{to_html(o.text)}</li>" for o in card.options) + "</ol>"
        right = card.correct_option
        back = (f"<b>{letters[right]})</b> {to_html(card.options[right].text)}" if right is not None else "")
        if card.explanation:
            back += "<br><br>" + to_html(card.explanation)
    elif card.kind == "explain":
        back = "<ul>" + "".join(f"<li>{to_html(p)}</li>" for p in card.key_points) + "</ul>"
        if card.explanation:
            back += to_html(card.explanation)
    else:
        back = to_html(card.answer)
    return front, back


def cloze_text(text: str) -> str:
    """``==spans==`` numbered in order as Anki cloze deletions, the rest converted to HTML."""
    pieces, last = [], 0
    for number, (start, end) in enumerate(cloze.find_spans(text), start=1):
        pieces.append(to_html(text[last:start]))
        inner = to_html(text[start + 2 : end - 2])
        pieces.append(f"{{{{c{number}::{inner}}}}}")
        last = end
    pieces.append(to_html(text[last:]))
    return "".join(pieces)


def deck_id(section: str) -> int:
    """A stable Anki deck id for a section."""
    return (1 << 30) + int(hashlib.sha1(f"dlprep:{section}".encode()).hexdigest()[:7], 16)


def _tags(card: Card, extra: str) -> list[str]:
    return list(_tag_list(extra))


@lru_cache(maxsize=1024)
def _tag_list(extra: str) -> tuple[str, ...]:
    """The Anki tags for a card's own tags (few distinct strings in a collection: computed once each)."""
    return tuple(sorted({"dlprep", *extra.split()}))


def build_package(cards: list[tuple[Card, str]]):
    """A genanki Package from ``(card, tags)`` pairs; returns it with the number of notes per deck."""
    import genanki

    basic_model, cloze_model = _models()
    decks: dict[str, genanki.Deck] = {}
    counts: dict[str, int] = defaultdict(int)

    def deck_for(section: str) -> genanki.Deck:
        if section not in decks:
            decks[section] = genanki.Deck(deck_id(section), f"dlprep::{section_title(section) or 'Other'}")
        return decks[section]

    cloze_notes: dict[str, tuple[Card, str]] = {}
    for card, tags in cards:
        if card.kind == "cloze":
            cloze_notes.setdefault(card.note_id or card.id.split("::")[0], (card, tags))
            continue
        if card.kind not in ("basic", "mc", "explain"):
            continue
        front, back = basic_fields(card)
        deck_for(card.section).add_note(genanki.Note(
            model=basic_model, fields=[front, back], guid=genanki.guid_for("dlprep", card.id),
            tags=_tags(card, tags),
        ))
        counts[card.section] += 1
    for note_id, (card, tags) in cloze_notes.items():
        extra = _context(card) + (to_html(card.explanation) if card.explanation else "")
        deck_for(card.section).add_note(genanki.Note(
            model=cloze_model, fields=[cloze_text(card.question), extra],
            guid=genanki.guid_for("dlprep", note_id), tags=_tags(card, tags),
        ))
        counts[card.section] += 1
    return genanki.Package(list(decks.values())), dict(counts)


def export_anki(cards: list[tuple[Card, str]], path: Path) -> dict[str, int]:
    """Write ``path`` (.apkg); return notes per section. A clear error when it cannot be written."""
    package, counts = build_package(cards)
    if not counts:
        raise DlprepError("no concept cards to export; start dlprep once so the built-in decks are loaded")
    path = Path(path)
    try:
        package.write_to_file(str(path))
    except OSError as exc:
        raise DlprepError(f"{path}: cannot write the Anki package ({exc.strerror or exc})") from None
    return counts


def cards_from_store(store) -> list[tuple[Card, str]]:
    """The concept cards in the store that are not retired, with their tags, in id order: one per Anki note.

    A cloze note's sibling cards share one note (their text is the note's text), so only the first sibling
    of each note is read. SQLite extracts the fields an Anki note shows from the stored JSON; only the lists
    (options, key points) are parsed here, and only on the cards that have them.
    """
    import json

    from dlprep.content.model import Option

    with store.lock:
        rows = store.conn.execute(
            "SELECT id, deck, section, kind, note_id, tags, "
            "json_extract(data, '$.question'), json_extract(data, '$.answer'), json_extract(data, '$.explanation'), "
            "json_extract(data, '$.context'), json_extract(data, '$.note_id'), "
            "CASE WHEN kind = 'mc' THEN json_extract(data, '$.options') END, "
            "CASE WHEN kind = 'explain' THEN json_extract(data, '$.key_points') END "
            "FROM cards WHERE retired = 0 AND kind != 'drill' AND json_valid(data) ORDER BY id"
        ).fetchall()
    out = []
    notes: set[str] = set()
    for card_id, deck, section, kind, note_id, tags, question, answer, explanation, context, data_note, \
            options, key_points in rows:
        note = note_id or data_note or ""
        if kind == "cloze":
            first = note or card_id.split("::")[0]
            if first in notes:
                continue
            notes.add(first)
        card = Card(id=card_id, deck=deck, section=section, kind=kind, question=question or "",
                    answer=answer or "", explanation=explanation or "", context=context or "", note_id=note)
        if options:
            card.options = [Option(**o) for o in json.loads(options)]
        if key_points:
            card.key_points = list(json.loads(key_points))
        out.append((card, tags or ""))
    return out
