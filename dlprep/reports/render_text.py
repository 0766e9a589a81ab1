"""The terminal summary printed by ``dlprep report`` (plain text, at most 80 columns)."""

from __future__ import annotations

from dlprep.reports.summary import Report
from dlprep.sections import section_title

BARS = " ▁▂▃▄▅▆▇█"
WIDTH = 80


def sparkline(values: list[int]) -> str:
    """One character per value, scaled to the largest (a blank for zero)."""
    top = max(values, default=0)
    if top <= 0:
        return "·" * len(values)
    return "".join(BARS[0] if v <= 0 else BARS[max(1, round(v / top * (len(BARS) - 1)))] for v in values)


def bar(share: float, width: int = 10) -> str:
    """A horizontal bar for a share in [0, 1]."""
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "░" * (width - filled)


def percent(rate: float | None) -> str:
    return "  –" if rate is None else f"{rate:4.0%}".strip().rjust(4)


def duration(ms: int) -> str:
    """``2 h 05 min``, ``12 min``, ``40 s``."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(report: Report) -> str:
    """The whole summary as text lines."""
    out: list[str] = []
    today_reviews = report.reviews_per_day[-1][1] if report.reviews_per_day else 0
    out.append(f"dlprep progress · study day {report.today.isoformat()} "
               f"(days start at {report.day_start_hour:02d}:00)")
    out.append("")
    out.append(f"Reviews    {report.total_reviews} in total · {today_reviews} today · "
               f"streak {report.streak} day{'s' if report.streak != 1 else ''}")
    counts = [n for _, n in report.reviews_per_day]
    out.append(f"           last {len(counts)} days {sparkline(counts)}  (max {max(counts, default=0)}/day)")
    r, r30 = report.retention, report.retention_30d
    if r.total:
        out.append(f"Retention  {percent(r.rate).strip()} true retention ({r.passed}/{r.total} ratings of "
                   f"review cards) · {percent(r30.rate).strip()} last 30 days")
    else:
        out.append("Retention  no ratings of cards in review yet")
    t, t7 = report.time_all, report.time_7d
    out.append(f"Time       {duration(t.total_ms)} (reviews {duration(t.review_ms)}, drills "
               f"{duration(t.drill_ms)}) · {duration(t7.total_ms)} last 7 days")
    due = [n for _, n in report.forecast]
    out.append(f"Due        {report.due_today} today · {sum(due[:7])} in 7 days · {sum(due)} in 30 days")
    out.append(f"           next {len(due)} days {sparkline(due)}  (max {max(due, default=0)}/day)")
    out.append("")
    if report.mastery:
        out.append(f"{'Section':<34}{'mastery':<16}{'retention':>10}  items")
        for m in report.mastery:
            ret = report.retention_by_section.get(m.section)
            ret_text = f"{percent(ret.rate)} ({ret.total})" if ret and ret.total else "   –"
            items = f"{m.total}" + (f" ({m.new} new)" if m.new else "")
            out.append(f"  {_clip(section_title(m.section), 31):<32}{bar(m.share)} {m.share:4.0%} "
                       f"{ret_text:>10}  {items}")
        out.append("")
    if report.drills:
        out.append("Drills")
        for h in report.drills:
            state = "passing" if h.last_status == "pass" else "failing"
            first = f", first ✓ {h.first_pass.date().isoformat()}" if h.first_pass else ""
            runs = "".join("✓" if status == "pass" else "✗" for _, status in h.runs[-12:])
            out.append(_clip(f"  {_clip(h.drill_id, 18):<18} {runs:<12} {h.attempts} run"
                             f"{'s' if h.attempts != 1 else ''}, {state}, best {h.best_passed}/"
                             f"{h.total_cases}{first}", WIDTH))
        out.append("")
    if report.mocks:
        scores = [round(100 * m.overall) for m in report.mocks]
        out.append(f"Mock interviews  {len(scores)} finished · last {scores[-1]}% · best {max(scores)}% · "
                   f"{sparkline(scores)}")
        for m in report.mocks[-5:]:
            parts = ", ".join(f"{name} {100 * score:.0f}%" for name, score in m.parts.items())
            out.append(_clip(f"  {m.started_at.date().isoformat()}  {100 * m.overall:3.0f}%  ({parts})", WIDTH))
        out.append("")
    if report.weakest:
        out.append("Study next")
        for rank, w in enumerate(report.weakest, start=1):
            ret = f"retention {percent(w.retention.rate).strip()}" if w.retention.total else "no retention data"
            out.append(_clip(f"  {rank}. {section_title(w.section)} ({ret}, mastery {w.mastery.share:.0%})",
                             WIDTH))
            out.append(_clip(f"     {'; '.join(w.advice)}", WIDTH))
    else:
        out.append("Study next: nothing started yet; open the dashboard and learn a first deck.")
    return "\n".join(out) + "\n"
