"""The Anki package: opened as the zip and SQLite collection Anki reads, notes and decks checked."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from dlprep.cli import main
from dlprep.content.model import Card, Option
from dlprep.errors import DlprepError
from dlprep.paths import database_path
from dlprep.reports.anki import cards_from_store, export_anki
from dlprep.store import open_store

from .history import add_card

BN, DROPOUT = "Batch Normalization", "Dropout"


def _put(store, card: Card, tags: str = "") -> None:
    add_card(store, card.id, card.section, kind=card.kind, data=card.to_data(), deck=card.deck,
             note_id=card.note_id, tags=tags)


def _fill(store, answer: str = "Over N, H and W, per channel.") -> None:
    _put(store, Card("bn-axes", "BN", BN, "basic", "What does batch norm average over in a conv layer?",
                     answer, context="Batch norm"), tags="leech")
    text = "Batch norm learns ==two parameters== per channel: ==$\\gamma$ and $\\beta$==."
    for k in (1, 2):
        _put(store, Card(f"bn-params::c{k}", "BN", BN, "cloze", text, note_id="bn-params", cloze_index=k))
    _put(store, Card("do-mc", "Dropout", DROPOUT, "mc", "At test time, inverted dropout...",
                     options=[Option("scales by p"), Option("does nothing", True)],
                     explanation="Scaling happens in training."))
    _put(store, Card("do-ex", "Dropout", DROPOUT, "explain", "Why does dropout regularize?",
                     key_points=["trains an ensemble of subnetworks", "prevents co-adaptation"]))
    add_card(store, "drill:conv2d", "Implement DL modules", kind="drill", state=2, stability=3,
             due="2026-03-01T00:00")


def _collection(path, tmp_path):
    with zipfile.ZipFile(path) as archive:
        name = "collection.anki21" if "collection.anki21" in archive.namelist() else "collection.anki2"
        target = tmp_path / "unzipped" / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(archive.read(name))
    conn = sqlite3.connect(target)
    notes = [
        {"guid": g, "mid": m, "fields": f.split("\x1f"), "tags": t.split()}
        for g, m, f, t in conn.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id")
    ]
    cards = conn.execute("SELECT nid, did, ord FROM cards").fetchall()
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    conn.close()
    return notes, cards, {int(k): v["name"] for k, v in decks.items()}


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    s = open_store(tmp_path / "p.db")
    _fill(s)
    yield s
    s.close()


def test_package_notes_decks_and_models(store, tmp_path):
    path = tmp_path / "out.apkg"
    counts = export_anki(cards_from_store(store), path)
    assert counts == {BN: 2, DROPOUT: 2}
    notes, cards, decks = _collection(path, tmp_path)
    assert {"dlprep::Batch normalization", "dlprep::Dropout"} <= set(decks.values())
    by_front = {n["fields"][0]: n for n in notes}
    basic = next(n for front, n in by_front.items() if "average over" in front)
    assert basic["fields"][1] == "Over N, H and W, per channel."
    assert '<div class="context">Batch norm</div>' in basic["fields"][0]
    assert basic["tags"] == ["dlprep", "leech"]
    cloze = next(n for front, n in by_front.items() if "{{c1::" in front)
    assert cloze["fields"][0] == ("Batch norm learns {{c1::two parameters}} per channel: "
                                  "{{c2::\\(\\gamma\\) and \\(\\beta\\)}}.")
    assert cloze["mid"] != basic["mid"]
    # one cloze note with two cards (ord 0 and 1), both in the Batch normalization deck
    note_ids = sorted({nid for nid, _, _ in cards})
    assert len(notes) == 4 and len(note_ids) == 4 and len(cards) == 5
    mc = next(n for front, n in by_front.items() if "inverted dropout" in front)
    assert "<li>scales by p</li><li>does nothing</li>" in mc["fields"][0]
    assert mc["fields"][1] == "<b>b)</b> does nothing<br><br>Scaling happens in training."
    explain = next(n for front, n in by_front.items() if "regularize" in front)
    assert explain["fields"][1] == "<ul><li>trains an ensemble of subnetworks</li><li>prevents co-adaptation</li></ul>"
    assert not any("conv2d" in f for n in notes for f in n["fields"])
    deck_of = {decks[did] for _, did, _ in cards}
    assert deck_of == {"dlprep::Batch normalization", "dlprep::Dropout"}


def test_guids_follow_card_ids_so_reexport_updates(store, tmp_path):
    first = tmp_path / "1.apkg"
    export_anki(cards_from_store(store), first)
    with store.transaction() as conn:
        conn.execute("DELETE FROM cards")
    _fill(store, answer="N, H, W (per channel).")
    second = tmp_path / "2.apkg"
    export_anki(cards_from_store(store), second)
    notes1, _, decks1 = _collection(first, tmp_path)
    notes2, _, decks2 = _collection(second, tmp_path)
    assert sorted(n["guid"] for n in notes1) == sorted(n["guid"] for n in notes2)
    assert len({n["guid"] for n in notes1}) == 4
    assert {n["fields"][1] for n in notes2} >= {"N, H, W (per channel)."}
    assert set(decks1) == set(decks2)


def test_unwritable_path_and_empty_store(store, tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(DlprepError, match="cannot write the Anki package"):
        export_anki(cards_from_store(store), tmp_path / "file" / "out.apkg")
    with pytest.raises(DlprepError, match="no concept cards"):
        export_anki([], tmp_path / "out.apkg")


def test_export_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    s = open_store(database_path())
    _fill(s)
    s.close()
    assert main(["export", "anki", str(tmp_path / "a.apkg")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"wrote {tmp_path / 'a.apkg'}: ")
    assert main(["export", "progress", str(tmp_path / "p.json")]) == 0
    assert "0 reviews, 0 attempts, 6 cards" in capsys.readouterr().out
    assert main(["export", "progress", str(tmp_path / "p.json" / "x.json")]) == 2
    assert "cannot write the progress file" in capsys.readouterr().err


def test_markdown_and_math_to_anki_html():
    from dlprep.reports.anki import to_html

    text = "It's **key**: `x<y` and $a<b$, then\n$$\\sum_i x_i$$"
    assert to_html(text) == ("It's <b>key</b>: <code>x&lt;y</code> and \\(a&lt;b\\), then<br>"
                             "\\[\\sum_i x_i\\]")
    assert to_html("```python\nif a < b:\n    pass\n```") == "<pre><code>if a &lt; b:\n    pass\n</code></pre>"


def test_a_card_whose_stored_data_is_not_json_is_left_out(store, tmp_path):
    with store.transaction() as conn:
        conn.execute("UPDATE cards SET data = '{not json' WHERE id = 'do-ex'")
    exported = [card.id for card, _ in cards_from_store(store)]
    assert exported == ["bn-axes", "bn-params::c1", "do-mc"]  # one per note, the broken one left out
    counts = export_anki(cards_from_store(store), tmp_path / "out.apkg")
    assert counts == {BN: 2, DROPOUT: 1}
