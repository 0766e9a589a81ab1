"""The report as one self-contained HTML file: inline CSS and SVG charts, no script, nothing fetched.

Each chart is an ``<svg>`` with an ``id`` (``chart-heatmap``, ``chart-reviews``, ``chart-retention``,
``chart-mastery``, ``chart-forecast``, ``chart-drills``), ``role="img"`` and a ``<title>``, and every
mark carries a ``<title>`` tooltip with its exact figure, so the file reads well without JavaScript.
"""

from __future__ import annotations

import os
from datetime import timedelta
from html import escape
from pathlib import Path

from dlprep.errors import DlprepError
from dlprep.reports.render_text import duration
from dlprep.reports.summary import Report
from dlprep.sections import section_title

HEAT = ("#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127")
GOOD, MID, BAD, NEW, INK = "#2e7d32", "#f9a825", "#c62828", "#cfd8dc", "#37474f"

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;
color:#263238;padding:0 1rem}h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figure{background:#f5f7f8;border-radius:.5rem;
padding:.6rem 1rem}.figure b{display:block;font-size:1.4rem}svg{max-width:100%;height:auto}
svg text{font-size:11px;fill:#37474f}table{border-collapse:collapse}td,th{padding:.2rem .6rem;
text-align:left;border-bottom:1px solid #eceff1}.muted{color:#78909c}
"""


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def _svg(chart_id: str, title: str, width: int, height: int, body: list[str]) -> str:
    return (
        f'<svg id="{chart_id}" role="img" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def heatmap_svg(report: Report) -> str:
    """Calendar of activity: one square a day, weeks as columns (Monday on top), as on GitHub."""
    cell, gap, left, top = 11, 2, 28, 16
    days = report.activity
    if not days:
        return _svg("chart-heatmap", "Activity per day", 100, 20, [])
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    top_count = max((n for _, n in days), default=0)
    body = []
    weeks = (days[-1][0] - first).days // 7 + 1
    for label, row in (("Mon", 0), ("Wed", 2), ("Fri", 4)):
        body.append(f'<text x="0" y="{top + row * (cell + gap) + 9}">{label}</text>')
    last_month, last_label_x = None, -100
    for day, count in days:
        offset = (day - first).days
        col, row = offset // 7, offset % 7
        x, y = left + col * (cell + gap), top + row * (cell + gap)
        level = 0 if count == 0 else 1 + min(3, int(4 * count / (top_count + 1)))
        if row == 0 and day.month != last_month:
            if x - last_label_x >= 3 * (cell + gap):
                body.append(f'<text x="{x}" y="10">{day.strftime("%b")}</text>')
                last_label_x = x
            last_month = day.month
        body.append(
            f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" fill="{HEAT[level]}" '
            f'class="day" data-date="{day.isoformat()}" data-count="{count}">'
            f"<title>{day.isoformat()}: {count} review{'s' if count != 1 else ''} and drill runs</title></rect>"
        )
    width = left + weeks * (cell + gap) + 4
    return _svg("chart-heatmap", "Activity per day (reviews and drill runs)", width, top + 7 * (cell + gap), body)


def _bars_svg(chart_id: str, title: str, series: list[tuple[str, int]], color: str, unit: str) -> str:
    width, height, left, bottom, top = 720, 160, 32, 24, 10
    plot_h = height - bottom - top
    peak = max((n for _, n in series), default=0) or 1
    step = (width - left) / max(1, len(series))
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#b0bec5"/>',
        f'<text x="0" y="{top + 8}">{peak}</text>',
        f'<text x="0" y="{height - bottom}">0</text>',
    ]
    for i, (label, value) in enumerate(series):
        h = plot_h * value / peak
        x = left + i * step
        body.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{height - bottom - h:.1f}" width="{max(1.0, step - 2):.1f}" '
            f'height="{h:.1f}" fill="{color}"><title>{escape(label)}: {value} {unit}</title></rect>'
        )
        if i % 7 == 0:
            body.append(f'<text x="{x:.1f}" y="{height - 8}">{escape(label[5:])}</text>')
    return _svg(chart_id, title, width, height, body)


def _hbars_svg(
    chart_id: str, title: str, rows: list[tuple[str, str, list[tuple[float, str, str]]]],
    target: float | None = None,
) -> str:
    """Horizontal bars: each row is a label, a value text and segments ``(share, colour, tooltip)``.

    ``target`` draws a dashed vertical line at that share (the desired retention).
    """
    label_w, bar_w, row_h = 270, 360, 18
    height = max(1, len(rows)) * row_h + 4
    body = []
    for i, (label, value, segments) in enumerate(rows):
        y = 2 + i * row_h
        short = label if len(label) <= 38 else label[:37] + "…"
        body.append(f'<text x="0" y="{y + 11}">{escape(short)}</text>')
        x = float(label_w)
        for share, color, tip in segments:
            w = bar_w * max(0.0, min(1.0, share))
            body.append(
                f'<rect class="bar" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 5}" fill="{color}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            x += w
        body.append(f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{row_h - 5}" fill="none" '
                    f'stroke="#cfd8dc"/>')
        body.append(f'<text x="{label_w + bar_w + 6}" y="{y + 11}">{escape(value)}</text>')
    if target is not None:
        tx = label_w + bar_w * target
        body.append(f'<line x1="{tx:.1f}" y1="0" x2="{tx:.1f}" y2="{height}" stroke="{INK}" '
                    f'stroke-dasharray="3,3"><title>target {target:.0%}</title></line>')
    return _svg(chart_id, title, label_w + bar_w + 60, height, body)


def retention_svg(report: Report) -> str:
    rows = []
    for section, r in report.retention_by_section.items():
        rate = r.rate or 0.0
        color = GOOD if rate >= 0.85 else MID if rate >= 0.7 else BAD
        tip = f"{section_title(section)}: {_pct(r.rate)} ({r.passed}/{r.total} ratings of review cards)"
        rows.append((section_title(section), _pct(r.rate), [(rate, color, tip)]))
    return _hbars_svg("chart-retention", "True retention per section (dashed: 90% target)", rows, target=0.9)


def mastery_svg(report: Report) -> str:
    rows = []
    for m in report.mastery:
        total = m.total or 1
        name = section_title(m.section)
        rows.append((name, f"{m.share:.0%}", [
            (m.mastered / total, GOOD, f"{name}: {m.mastered} mastered of {m.total}"),
            (m.learning / total, MID, f"{name}: {m.learning} learning"),
            (m.new / total, NEW, f"{name}: {m.new} new"),
        ]))
    return _hbars_svg("chart-mastery", "Mastery per section (mastered, learning, new)", rows)


def drills_svg(report: Report) -> str:
    """One row per drill, one dot per attempt in time order (green pass, red fail)."""
    label_w, dot, row_h = 210, 12, 18
    longest = max((len(h.runs) for h in report.drills), default=0)
    body = []
    for i, h in enumerate(report.drills):
        y = 2 + i * row_h
        body.append(f'<text x="0" y="{y + 11}">{escape(h.drill_id[:30])}</text>')
        for k, (when, status) in enumerate(h.runs):
            color = GOOD if status == "pass" else BAD
            body.append(
                f'<circle class="attempt" cx="{label_w + k * (dot + 3) + dot / 2}" cy="{y + 7}" r="{dot / 2}" '
                f'fill="{color}"><title>{escape(h.drill_id)} {when:%Y-%m-%d %H:%M}: {status}</title></circle>'
            )
    width = label_w + max(1, longest) * (dot + 3) + 10
    return _svg("chart-drills", "Drill attempts in order (pass, fail)", width,
                max(1, len(report.drills)) * row_h + 4, body)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _or_no_data(chart: str, has_data: bool) -> str:
    """The chart, or a line saying there is nothing to draw yet (an empty frame says nothing)."""
    return chart if has_data else '<p class="muted no-data">No data yet.</p>'


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    r, t = report.retention, report.time_all
    figures = [
        ("Reviews", str(report.total_reviews)), ("Streak", _days(report.streak)),
        ("True retention", _pct(r.rate)), ("Due today", str(report.due_today)),
        ("Time spent", duration(t.total_ms)),
    ]
    reviews = [(d.isoformat(), n) for d, n in report.reviews_per_day]
    forecast = [(d.isoformat(), n) for d, n in report.forecast]
    weak = "".join(
        f"<tr><td>{escape(section_title(w.section))}</td><td>{_pct(w.retention.rate)}</td>"
        f"<td>{w.mastery.share:.0%}</td><td>{escape('; '.join(w.advice))}</td></tr>"
        for w in report.weakest
    ) or '<tr><td colspan="4" class="muted">Nothing started yet.</td></tr>'
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>dlprep progress {report.today.isoformat()}</title><style>{CSS}</style></head><body>",
        f"<h1>dlprep progress</h1><p class=\"muted\">Study day {report.today.isoformat()}, days start at "
        f"{report.day_start_hour:02d}:00 · generated {report.now:%Y-%m-%d %H:%M} UTC</p>",
        '<div class="figures">' + "".join(
            f'<div class="figure"><b>{escape(v)}</b>{escape(k)}</div>' for k, v in figures) + "</div>",
        "<h2>Activity</h2>", _or_no_data(heatmap_svg(report), any(n for _, n in report.activity)),
        f"<h2>Reviews per day (last {_days(len(reviews))})</h2>",
        _or_no_data(_bars_svg("chart-reviews", "Reviews per day", reviews, "#1e88e5", "reviews"),
                    any(n for _, n in reviews)),
        "<h2>True retention per section</h2>",
        _or_no_data(retention_svg(report), any(r.total for r in report.retention_by_section.values())),
        "<h2>Mastery per section</h2>", _or_no_data(mastery_svg(report), bool(report.mastery)),
        "<h2>Due in the next 30 days</h2>",
        _or_no_data(_bars_svg("chart-forecast", "Items due per day", forecast, "#8e24aa", "due"),
                    any(n for _, n in forecast)),
        "<h2>Drills</h2>", _or_no_data(drills_svg(report), bool(report.drills)),
        "<h2>Study next</h2><table><tr><th>Section</th><th>Retention</th><th>Mastery</th><th>Next</th></tr>",
        weak, "</table></body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_html(report: Report, path: Path) -> Path:
    """Write the HTML report to ``path`` atomically; a clear error when it cannot be written."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(render_html(report), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise DlprepError(f"{path}: cannot write the HTML report ({exc.strerror or exc})") from None
    return path
