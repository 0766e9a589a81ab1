"""How dlprep behaves with a large collection: the hot paths, reports, exports and start-up.

Builds a collection in a temporary data home through the app's own code, then prints the figures:

- the deck files are the 25 built-in decks plus generated copies of them (same mix of card kinds, new ids,
  one more deck name per copy), synced by ``open_services`` as at start-up;
- the reviews are written by ``StudyService.rate()`` itself with a fake clock that walks through the last
  two years, on cards drawn at random with a fixed seed (ratings 10% Again, 10% Hard, 65% Good, 15% Easy).
  To make a million ratings affordable, :func:`batch_store` gives a store that runs each rating's
  transaction as a savepoint inside a larger transaction; ``tests/store/test_scale_build.py`` proves
  that this writes the same rows as the ordinary store.

Timings in process are medians of repeated calls; the commands (``report --json``, ``export progress``,
``export anki``) and the first screen are timed as fresh processes, with their peak resident memory.

    python benchmarks/scale.py --cards 10000 --reviews 100000 [--json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

CARD_KINDS = ("basic", "cloze", "mc", "explain")
RATING_WEIGHTS = ((1, 10), (2, 10), (3, 65), (4, 15))
HISTORY_DAYS = 730
_ID_LINE = re.compile(r"^<!--\s*id:\s*([A-Za-z0-9_.:-]+)\s*-->\s*$", re.M)
_DECK_LINE = re.compile(r"^deck:\s*(.+)$", re.M)


# ----- building --------------------------------------------------------------------------------------
def write_decks(folder: Path, cards: int) -> int:
    """The built-in deck files plus enough renamed copies to reach about ``cards`` cards; returns the copies."""
    from dlprep.content.loader import load_decks
    from dlprep.paths import decks_dir

    folder.mkdir(parents=True, exist_ok=True)
    builtin = sorted(decks_dir().glob("*.md"))
    per_copy = sum(len(deck.cards) for deck in load_decks(decks_dir())[0])
    copies = max(0, round((cards - per_copy) / per_copy))
    for path in builtin:
        shutil.copy(path, folder / path.name)
    for n in range(1, copies + 1):
        for path in builtin:
            text = path.read_text(encoding="utf-8")
            text = _ID_LINE.sub(lambda m, n=n: f"<!-- id: g{n}-{m.group(1)} -->", text)
            text = _DECK_LINE.sub(lambda m, n=n: f"deck: {m.group(1).strip()} (copy {n})", text, count=1)
            (folder / f"g{n:05d}-{path.name}").write_text(text, encoding="utf-8")
    return copies


def batch_store(path: Path):
    """Open ``path`` as a store whose per-rating transactions are savepoints of a larger transaction."""
    from dlprep.store import open_store
    from dlprep.store.db import Store

    class _Batched(Store):
        batched = True

        @contextmanager
        def transaction(self) -> Iterator:
            with self.lock:
                self.conn.execute("SAVEPOINT rating")
                try:
                    yield self.conn
                except BaseException:
                    self.conn.execute("ROLLBACK TO rating")
                    self.conn.execute("RELEASE rating")
                    raise
                self.conn.execute("RELEASE rating")

    plain = open_store(path)
    return _Batched(plain.path, plain.conn)


def write_reviews(study, reviews: int, end: datetime, *, seed: int = 7, commit_every: int = 5000,
                  progress: Callable[[int], None] | None = None) -> None:
    """``reviews`` ratings through ``study.rate()``, spread evenly over the ``HISTORY_DAYS`` days before ``end``.

    ``study.now`` is replaced by the walking clock. With a :func:`batch_store`, the outer transaction is
    committed every ``commit_every`` ratings.
    """
    rng = random.Random(seed)
    random.seed(seed)  # py-fsrs fuzzes with the global generator
    ids = [row["id"] for row in study.store.query(
        "SELECT id FROM cards WHERE retired = 0 AND kind != 'drill' ORDER BY id")]
    ratings = [r for r, w in RATING_WEIGHTS for _ in range(w)]
    start = end - timedelta(days=HISTORY_DAYS)
    step = timedelta(days=HISTORY_DAYS) / max(1, reviews)
    moment = [start]
    study.now = lambda: moment[0]
    batched = getattr(study.store, "batched", False)
    conn = study.store.conn
    if batched:
        conn.execute("BEGIN")
    for k in range(reviews):
        moment[0] = start + step * k
        study.rate(rng.choice(ids), rng.choice(ratings), duration_ms=rng.randint(2000, 20000))
        if batched and (k + 1) % commit_every == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            if progress:
                progress(k + 1)
    if batched:
        conn.execute("COMMIT")


def build(home: Path, cards: int, reviews: int, *, log=print) -> dict:
    """Decks synced by ``open_services``, then ``reviews`` ratings through ``rate()``; returns build facts."""
    from dlprep.services import open_services
    from dlprep.srs import StudyService

    decks = home / "decks"
    t0 = time.perf_counter()
    copies = write_decks(decks, cards)
    services = open_services(home, decks)
    synced = time.perf_counter() - t0
    n_cards = services.store.query("SELECT COUNT(*) AS n FROM cards")[0]["n"]
    services.close()
    log(f"synced {n_cards} cards ({copies} generated copies of the built-in decks) in {synced:.1f} s")
    store = batch_store(home / "progress.db")
    study = StudyService(store)
    t1 = time.perf_counter()
    write_reviews(study, reviews, datetime.now(UTC) - timedelta(minutes=5),
                  progress=lambda k: log(f"  {k} reviews, {time.perf_counter() - t1:.0f} s") if k % 100000 == 0
                  else None)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    log(f"wrote {reviews} reviews in {time.perf_counter() - t1:.1f} s")
    return {"cards": n_cards, "reviews": reviews, "build_s": time.perf_counter() - t0}


# ----- measuring -------------------------------------------------------------------------------------
def median_ms(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def dashboard_refresh(study) -> None:
    """The dashboard's refresh as the issue measured it, reading the queue's lists (``queue()``); the dashboard
    itself now only counts them (:func:`dashboard_refresh_counting`)."""
    study.deck_counts(kinds=CARD_KINDS)
    _ = sum(len(part) for part in study.queue(kinds=CARD_KINDS))
    study.queue(kinds=("drill",))
    study.streak()
    study.reviews_today()
    study.leeches()


def dashboard_refresh_counting(study) -> None:
    """The service calls ``DashboardScreen.refresh_counts`` makes: ``queue_counts()`` in place of ``queue()``."""
    study.deck_counts(kinds=CARD_KINDS)
    _ = sum(study.queue_counts(kinds=CARD_KINDS))
    study.queue_counts(kinds=("drill",))
    study.streak()
    study.reviews_today()
    study.leeches()


def in_process(home: Path, runs: int) -> dict:
    """Hot paths timed in this process against the built collection (each rating is undone afterwards)."""
    from dlprep.services import open_services

    services = open_services(home, home / "decks")
    study = services.study
    written = iter(range(10**9))

    def write() -> None:
        """A write before each timed count: deck_counts() reuses a result only while nothing was written, and
        after a rating nothing is reused, so the counts are timed as they are computed."""
        services.store.set_setting("benchmark_write", str(next(written)))

    out = {
        "next_item_ms": median_ms(lambda: study.next_item(None, kinds=CARD_KINDS), runs),
        "deck_counts_ms": median_ms(lambda: study.deck_counts(kinds=CARD_KINDS), runs, write),
        "streak_ms": median_ms(study.streak, runs),
        "dashboard_refresh_ms": median_ms(lambda: dashboard_refresh(study), runs, write),
    }
    from dlprep.srs import queue as srs_queue

    scope = srs_queue.Scope(now=study.now().isoformat(), kinds=CARD_KINDS)
    out["new_cards"] = services.store.query("SELECT COUNT(*) AS n FROM cards WHERE state = 0 AND retired = 0")[0]["n"]
    out["next_new_ms"] = median_ms(lambda: srs_queue.new(services.store, scope, study.settings.new_per_day), runs)
    if hasattr(study, "queue_counts"):
        out["dashboard_refresh_counting_ms"] = median_ms(lambda: dashboard_refresh_counting(study), runs, write)
        out["dashboard_refresh_unchanged_ms"] = median_ms(lambda: dashboard_refresh_counting(study), runs)

    def rate_then_next(card_id: str) -> float:
        t = time.perf_counter()
        study.rate(card_id, 3)
        study.next_item(None, kinds=CARD_KINDS)
        study.next_item(None, kinds=(*CARD_KINDS, "drill"))  # the review screen also looks for a due drill
        spent = (time.perf_counter() - t) * 1000
        study.undo()
        return spent

    def rate_only(card_id: str) -> float:
        t = time.perf_counter()
        study.rate(card_id, 3)
        spent = (time.perf_counter() - t) * 1000
        study.undo()
        return spent

    item = study.next_item(None, kinds=CARD_KINDS)
    cloze = services.store.query(
        "SELECT c.id FROM cards c WHERE c.kind = 'cloze' AND c.retired = 0 AND c.note_id != '' "
        "AND (SELECT COUNT(*) FROM cards s WHERE s.note_id = c.note_id) > 2 ORDER BY c.id LIMIT 1")[0]["id"]
    if item is not None:
        out["rate_next_ms"] = statistics.median(rate_then_next(item.card.id) for _ in range(runs))
    out["rate_next_cloze_ms"] = statistics.median(rate_then_next(cloze) for _ in range(runs))
    out["rate_cloze_ms"] = statistics.median(rate_only(cloze) for _ in range(runs))
    services.close()
    return out


START_CHILD = r"""
import json, sys, time
from pathlib import Path
kind, decks = sys.argv[1], sys.argv[2]

if kind == "dlprep":
    import dlprep.paths
    dlprep.paths.decks_dir = lambda: Path(decks)  # the generated collection's deck folder
    from dlprep.tui.app import DlprepApp as AppClass
else:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class AppClass(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()

async def auto_pilot(pilot):
    app = pilot.app
    while kind == "dlprep" and type(app.screen).__name__ != "DashboardScreen":
        await pilot.pause(0.001)
    await pilot.pause()
    print("READY", flush=True)
    app.exit()

AppClass().run(headless=True, size=(100, 30), auto_pilot=auto_pilot)
"""


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH", "LANG", "TZ")}
    return {**env, "DLPREP_HOME": str(home), "HOME": str(home), "TERM": "xterm-256color"}


def timed_process(argv: list[str], home: Path, *, until: str | None = None) -> tuple[float, float]:
    """(seconds until exit, or until a line equal to ``until``; peak RSS in MB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(home), text=True)
    ready = None
    for line in proc.stdout:
        if until is not None and ready is None and line.strip() == until:
            ready = time.perf_counter() - start
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or (until is not None and ready is None):
        raise SystemExit(f"{' '.join(argv[:4])} failed (exit {proc.returncode}): {err[-2000:]}")
    return (ready if until is not None else elapsed), usage.ru_maxrss / 1024


def processes(home: Path, runs: int) -> dict:
    """First screen (against a minimal Textual app, alternating), the commands, and the deck-touch restart."""
    py = sys.executable
    decks = str(home / "decks")
    firsts: dict[str, list[float]] = {"minimal": [], "dlprep": []}
    timed_process([py, "-c", START_CHILD, "dlprep", decks], home, until="READY")  # warm caches, sync drills
    for _ in range(runs):
        for kind in ("minimal", "dlprep"):
            firsts[kind].append(timed_process([py, "-c", START_CHILD, kind, decks], home, until="READY")[0])
    touched = []
    deck_files = sorted((home / "decks").glob("*.md"))
    for k in range(max(1, runs // 2)):
        os.utime(deck_files[k % len(deck_files)])
        touched.append(timed_process([py, "-c", START_CHILD, "dlprep", decks], home, until="READY")[0])
    cli = [py, "-m", "dlprep"]
    report = [timed_process([*cli, "report", "--json"], home) for _ in range(max(1, runs // 2))]
    export = [timed_process([*cli, "export", "progress", str(home / "out.json")], home)
              for _ in range(max(1, runs // 2))]
    anki = [timed_process([*cli, "export", "anki", str(home / "out.apkg")], home) for _ in range(max(1, runs // 2))]
    minimal, dlprep = statistics.median(firsts["minimal"]), statistics.median(firsts["dlprep"])
    return {
        "minimal_start_s": minimal,
        "start_s": dlprep,
        "start_ratio": dlprep / minimal,
        "touch_deck_start_s": statistics.median(touched),
        "report_s": statistics.median(t for t, _ in report),
        "report_rss_mb": max(m for _, m in report),
        "export_progress_s": statistics.median(t for t, _ in export),
        "export_progress_rss_mb": max(m for _, m in export),
        "export_progress_file_mb": (home / "out.json").stat().st_size / 2**20,
        "export_anki_s": statistics.median(t for t, _ in anki),
        "export_anki_rss_mb": max(m for _, m in anki),
    }


def disk(home: Path) -> dict:
    db = home / "progress.db"
    backups = home / "backups"
    return {
        "db_mb": db.stat().st_size / 2**20,
        "backups_mb": sum(p.stat().st_size for p in backups.glob("*") if p.is_file()) / 2**20
        if backups.is_dir() else 0.0,
        "backup_files": sorted(p.name for p in backups.glob("*")) if backups.is_dir() else [],
    }


LABELS = [
    ("next_item_ms", "next_item()", "ms"),
    ("deck_counts_ms", "deck_counts()", "ms"),
    ("streak_ms", "streak()", "ms"),
    ("new_cards", "new cards in the collection", ""),
    ("next_new_ms", "  today's first new cards, decks taking turns", "ms"),
    ("dashboard_refresh_ms", "dashboard refresh (service calls)", "ms"),
    ("dashboard_refresh_counting_ms", "  the same with queue_counts()", "ms"),
    ("dashboard_refresh_unchanged_ms", "  again with nothing written since", "ms"),
    ("rate_next_ms", "rating to next card (review screen)", "ms"),
    ("rate_next_cloze_ms", "rating a cloze card to next card", "ms"),
    ("rate_cloze_ms", "rate() on a cloze card", "ms"),
    ("minimal_start_s", "minimal Textual app, first screen", "s"),
    ("start_s", "dlprep start to dashboard", "s"),
    ("start_ratio", "  ratio to the minimal app", "x"),
    ("touch_deck_start_s", "touching one deck file, then start", "s"),
    ("report_s", "report --json", "s"),
    ("report_rss_mb", "  its peak RSS", "MB"),
    ("export_progress_s", "export progress", "s"),
    ("export_progress_rss_mb", "  its peak RSS", "MB"),
    ("export_progress_file_mb", "  its file", "MB"),
    ("export_anki_s", "export anki", "s"),
    ("export_anki_rss_mb", "  its peak RSS", "MB"),
    ("db_mb", "database size", "MB"),
    ("backups_mb", "backups folder", "MB"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--reviews", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=11, help="repeats for in-process medians (processes: fewer)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (reused when it holds a build)")
    parser.add_argument("--in-process-only", action="store_true",
                        help="time only the service calls (not start-up, report and exports)")
    args = parser.parse_args()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    holder = None
    if args.keep:
        home = Path(args.keep)
    else:
        holder = tempfile.TemporaryDirectory(prefix="dlprep-scale-")
        home = Path(holder.name)
    try:
        facts_file = home / "build.json"
        if facts_file.exists():
            facts = json.loads(facts_file.read_text())
            log(f"reusing the build in {home}")
        else:
            facts = build(home, args.cards, args.reviews, log=log)
            facts_file.write_text(json.dumps(facts))
        result = {**facts, **in_process(home, args.runs)}
        if not args.in_process_only:
            result.update(processes(home, max(3, args.runs // 2)))
        result.update(disk(home))
    finally:
        if holder is not None:
            holder.cleanup()
    if args.json:
        print(json.dumps(result, indent=1, default=str))
        return
    print(f"{result['cards']} cards, {result['reviews']} reviews (built in {result['build_s']:.0f} s)")
    for key, label, unit in LABELS:
        if key in result:
            value = result[key]
            shown = f"{value:.2f}" if unit in ("s", "x") else f"{value:.0f}" if not unit else f"{value:.1f}"
            print(f"{label:<40} {shown:>10} {unit}")


if __name__ == "__main__":
    main()
