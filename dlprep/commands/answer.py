"""``dlprep answer``: check a typed answer against an explain card's key points (the card is not rated)."""

from __future__ import annotations

import argparse
import json
import sys

from dlprep.errors import DlprepError

NAME = "answer"
HELP = "check a typed answer (from FILE or stdin) against an explain card's key points; does not rate the card"
MAX_INPUT_BYTES = 1_000_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("card", metavar="CARD_ID", help="the explain card's id (see `dlprep cards` or the deck file)")
    parser.add_argument("file", metavar="FILE", nargs="?", default="-", help="the answer; - or nothing reads stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _read(path: str) -> str:
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise DlprepError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise DlprepError(f"the answer is over {MAX_INPUT_BYTES:,} bytes; type a shorter one")
    return raw.decode("utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    from dlprep.answers import check_answer, suggested_rating
    from dlprep.answers.lookup import find_card

    card = find_card(args.card)
    if card.kind != "explain" or not card.key_points:
        raise DlprepError(f"card {card.id} is a {card.kind} card; only explain cards have key points to check")
    answer = _read(args.file)
    result = check_answer(card.question, card.key_points, answer)
    covered = sum(p.covered for p in result.points)
    report = {
        "card": card.id,
        "key_points": [p.to_dict() for p in result.points],
        "coverage": round(result.coverage, 3),
        "suggested_rating": suggested_rating(covered, len(result.points)),
    }
    if result.notice:
        report["notice"] = result.notice
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    names = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
    print(card.question)
    for point in result.points:
        mark = "covered" if point.covered else "missing"
        print(f"  [{mark}] {point.text}  (score {point.score:.2f})")
        if point.covered and point.evidence:
            print(f"           evidence: {point.evidence[:160]}")
    print(f"{covered} of {len(result.points)} key points look covered; suggested rating: "
          f"{names[report['suggested_rating']]}. These marks are suggestions: check them yourself.")
    if result.notice:
        print(f"note: {result.notice}")
    return 0
