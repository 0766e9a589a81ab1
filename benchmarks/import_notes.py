"""Time ``dlprep import`` on a large vault and on a pasted dump, into a fresh data home.

Usage: python benchmarks/import_notes.py [--files 400] [--json]

Builds a vault of ``--files`` notes (copies of the test fixtures under numbered folders, so every file is a
distinct deck: question banks, Obsidian flashcard notes, book chapters), then times the first import, a
re-import with nothing changed, and a re-import after renaming a tenth of the files (matched by content).
Separately times parsing one notes file holding a 5.6 MB paragraph (left out with a notice). Prints the
figures; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "notes"
SOURCES = [
    FIXTURES / "question-bank" / "README.md",
    FIXTURES / "obsidian-vault" / "ML" / "Optimizers.md",
    FIXTURES / "obsidian-vault" / "ML" / "Vision" / "Convolutions.md",
    FIXTURES / "book" / "chapter-07-regularization.md",
    FIXTURES / "optimizers.md",
    Path("/work/shared/notes/dl-notes.md"),
]


def build_vault(folder: Path, files: int) -> list[Path]:
    sources = [s for s in SOURCES if s.exists()]
    made = []
    for k in range(files):
        source = sources[k % len(sources)]
        target = folder / f"part-{k // 20:02d}" / f"{k:03d}-{source.stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        # one distinct line per copy, so that every file's cards are its own
        text = source.read_text(encoding="utf-8") + f"\n\nCopy {k}::This is copy number {k} of {source.name}.\n"
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def timed_import(folder: Path) -> tuple[float, str]:
    from dlprep.cli import main

    start = time.perf_counter()
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["import", str(folder)])
    elapsed = time.perf_counter() - start
    summary = [line for line in out.getvalue().splitlines() if "added" in line or "kept" in line]
    return elapsed, f"exit {code}; " + "; ".join(summary)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="dlprep-bench-import-") as tmp:
        os.environ["DLPREP_HOME"] = str(Path(tmp) / "home")
        vault = Path(tmp) / "vault"
        files = build_vault(vault, args.files)
        figures["files"] = len(files)
        figures["first_import_s"], figures["first_import"] = timed_import(vault)
        figures["reimport_unchanged_s"], figures["reimport_unchanged"] = timed_import(vault)
        for path in files[:: 10]:
            path.rename(path.with_name("renamed-" + path.name))
        figures["reimport_after_renames_s"], figures["reimport_after_renames"] = timed_import(vault)
        shutil.rmtree(vault)

    from dlprep.content.notes_cards import parse_notes_text

    sentence = "Each residual block adds its input to its output, so gradients reach early layers unchanged. "
    dump = "# Pasted\n" + sentence * 60_000 + "\n\n# Short\nA short section survives.\n"
    start = time.perf_counter()
    deck = parse_notes_text(dump, "dump.md")
    figures["dump_chars"] = len(dump)
    figures["dump_parse_s"] = time.perf_counter() - start
    figures["dump_cards"] = len(deck.cards)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:28} {value:.2f}" if isinstance(value, float) else f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
