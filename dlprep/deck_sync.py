"""Start-up sync of a deck folder into the store, re-parsing only the files that changed.

The result of the last sync is kept in the ``builtin_decks_synced`` setting: for each file its size and
modification time, its deck name, card count and problems. At start-up only files whose size or time
changed (or that appeared) are parsed again; their decks, and the decks of removed files, are synced with
``retire_scope`` set to those decks, so the cards of untouched files are neither read nor written. A file
that shares a deck name with a changed one is re-parsed with it, so that no card of that deck is retired
by mistake. A card id already used by an untouched file is reported (file and line) and skipped, as a
full parse would.
"""

from __future__ import annotations

import json
from pathlib import Path

from dlprep.content.loader import deck_files, load_deck_files, load_decks
from dlprep.content.model import Deck
from dlprep.srs import StudyService
from dlprep.store import Store

SYNC_KEY = "builtin_decks_synced"
FORMAT = 2


def _file_entry(deck: Deck, signature: list[int]) -> dict:
    return {
        "sig": signature, "deck": deck.name, "cards": len(deck.cards),
        "issues": [[i.file, i.line, i.message] for i in deck.issues],
    }


def _summary(folder: Path, files: dict[str, dict], missing: list | None = None) -> dict:
    issues = list(missing or [])
    for name in sorted(files):
        issues.extend(files[name]["issues"])
    return {
        "format": FORMAT, "folder": str(folder), "files": files, "issues": issues, "deck_count": len(files),
        "empty": [f"{files[n]['deck']} ({n})" for n in sorted(files) if not files[n]["cards"]],
    }


def _stored(store: Store, folder: Path) -> dict | None:
    raw = store.get_setting(SYNC_KEY)
    try:
        summary = json.loads(raw) if raw is not None else None
    except ValueError:
        return None
    ok = isinstance(summary, dict) and summary.get("format") == FORMAT and summary.get("folder") == str(folder)
    return summary if ok else None


def _owners(store: Store, ids: list[str], scope: set[str]) -> dict[str, str]:
    """Card ids (among ``ids``) that belong to a built-in deck outside ``scope``, with their "file:line"."""
    owners = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        rows = store.query(
            f"SELECT id, deck, data FROM cards WHERE origin = 'builtin' AND retired = 0 "
            f"AND id IN ({', '.join('?' * len(chunk))})", tuple(chunk),
        )
        for row in rows:
            if row["deck"] not in scope:
                data = json.loads(row["data"] or "{}")
                owners[row["id"]] = f"{Path(data.get('source_file', '?')).name}:{data.get('line', 0)}"
    return owners


def sync_folder(store: Store, study: StudyService, folder: Path) -> dict:
    """Bring the store in line with the deck files of ``folder``; return the summary for the dashboard."""
    summary = _stored(store, folder)
    if not folder.is_dir():
        decks, issues = load_decks(folder)
        study.sync_decks(decks)
        result = _summary(folder, {}, [[i.file, i.line, i.message] for i in issues])
        store.set_setting(SYNC_KEY, json.dumps(result))
        return result
    signatures = deck_files(folder)
    if summary is None:  # first start, or another folder: parse everything
        decks, _ = load_decks(folder)
        study.sync_decks(decks)
        files = {Path(d.path).name: _file_entry(d, signatures[Path(d.path).name]) for d in decks}
        result = _summary(folder, files)
        store.set_setting(SYNC_KEY, json.dumps(result))
        return result
    known: dict[str, dict] = summary["files"]
    changed = {n for n, sig in signatures.items() if known.get(n, {}).get("sig") != sig}
    removed = set(known) - set(signatures)
    if not changed and not removed:
        return summary
    scope = {known[n]["deck"] for n in changed | removed if n in known}
    parsed: dict[str, Deck] = {}
    while True:  # files sharing a deck name with a changed file are parsed too
        changed |= {n for n in signatures if n not in changed and known.get(n, {}).get("deck") in scope}
        todo = sorted(changed - set(parsed))
        if not todo:
            break
        decks, _ = load_deck_files([folder / n for n in todo])
        for deck in decks:
            parsed[Path(deck.path).name] = deck
            scope.add(deck.name)
    decks = [parsed[n] for n in sorted(parsed)]
    taken = _owners(store, [c.id for d in decks for c in d.cards], scope)
    if taken:  # ids already used by untouched files: report and skip, as a full parse would
        decks, _ = load_deck_files([folder / n for n in sorted(parsed)], dict(taken))
    study.sync_decks(decks, retire_scope=scope)
    files = {n: entry for n, entry in known.items() if n in signatures and n not in parsed}
    files.update({Path(d.path).name: _file_entry(d, signatures[Path(d.path).name]) for d in decks})
    result = _summary(folder, files)
    store.set_setting(SYNC_KEY, json.dumps(result))
    return result

