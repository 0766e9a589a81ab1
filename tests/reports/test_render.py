"""The terminal summary, the HTML report (parsed, each chart found) and the ``dlprep report`` command."""

from __future__ import annotations

import json
from datetime import UTC
from html.parser import HTMLParser

import pytest

from dlprep.cli import main
from dlprep.paths import database_path
from dlprep.reports.render_html import render_html
from dlprep.reports.render_text import duration, render_text, sparkline
from dlprep.reports.summary import build_report
from dlprep.store import open_store

from .history import NOW, at, build_history


@pytest.fixture
def report(tmp_path, monkeypatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    store = open_store(tmp_path / "p.db")
    build_history(store)
    yield build_report(store, at(NOW), tz=UTC)
    store.close()


def test_sparkline_and_duration():
    assert sparkline([0, 4, 8]) == " ▄█"
    assert sparkline([0, 0]) == "··"
    assert duration(40_000) == "40 s"
    assert duration(12 * 60_000) == "12 min"
    assert duration(125 * 60_000) == "2 h 05 min"


def test_text_summary(report):
    text = render_text(report)
    lines = text.splitlines()
    assert lines[0] == "dlprep progress · study day 2026-03-10 (days start at 04:00)"
    assert "Reviews    7 in total · 2 today · streak 3 days" in text
    assert "Retention  75% true retention (3/4 ratings of review cards) · 75% last 30 days" in text
    assert "Due        2 today · 4 in 7 days · 4 in 30 days" in text
    assert "Time       17 min (reviews 28 s, drills 17 min) · 17 min last 7 days" in text
    assert "  1. Dropout (retention 100%, mastery 0%)" in text
    assert "     re-read the notes and rewrite 1 leech card(s)" in text
    assert "     retry drill adam (last attempt failed)" in text
    assert "  conv2d             ✗✓           2 runs, passing, best 8/8, first ✓ 2026-03-09" in lines
    assert "  adam               ✗            1 run, failing, best 2/5" in lines
    assert max(len(line) for line in lines) <= 80


class _Charts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.svgs: dict[str, dict] = {}
        self.current: str | None = None
        self.tags: list[str] = []
        self.in_title = False
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        for name in ("src", "href"):
            if attrs.get(name):
                self.external.append(attrs[name])
        if tag == "svg":
            self.current = attrs["id"]
            self.svgs[self.current] = {"marks": [], "titles": [], "role": attrs.get("role")}
        elif self.current and tag in ("rect", "circle"):
            self.svgs[self.current]["marks"].append((tag, attrs))
        self.in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "svg":
            self.current = None
        self.in_title = False

    def handle_data(self, data):
        if self.current and self.in_title:
            self.svgs[self.current]["titles"].append(data)


def test_html_report_has_every_chart_and_nothing_external(report):
    page = render_html(report)
    parser = _Charts()
    parser.feed(page)
    assert set(parser.svgs) == {
        "chart-heatmap", "chart-reviews", "chart-retention", "chart-mastery", "chart-forecast", "chart-drills"}
    assert "script" not in parser.tags and parser.external == []
    assert all(svg["role"] == "img" for svg in parser.svgs.values())

    heat = parser.svgs["chart-heatmap"]
    days = {a["data-date"]: int(a["data-count"]) for _, a in heat["marks"] if a.get("class") == "day"}
    assert len(days) == 53 * 7
    assert (days["2026-03-08"], days["2026-03-09"], days["2026-03-10"], days["2026-03-07"]) == (2, 3, 3, 0)

    reviews = parser.svgs["chart-reviews"]["titles"]
    assert len([t for t in reviews if t.endswith(" reviews")]) == 30
    assert "2026-03-09: 2 reviews" in reviews

    retention = parser.svgs["chart-retention"]["titles"]
    assert "Batch normalization: 67% (2/3 ratings of review cards)" in retention
    assert "Dropout: 100% (1/1 ratings of review cards)" in retention

    mastery = parser.svgs["chart-mastery"]["titles"]
    assert "Batch normalization: 1 mastered of 3" in mastery
    assert "Implementing DL modules: 1 mastered of 2" in mastery

    forecast = parser.svgs["chart-forecast"]["titles"]
    assert "2026-03-10: 2 due" in forecast and "2026-03-13: 1 due" in forecast
    assert len([t for t in forecast if t.endswith(" due")]) == 30

    drills = [a["fill"] for tag, a in parser.svgs["chart-drills"]["marks"] if tag == "circle"]
    assert len(drills) == 3 and drills.count("#2e7d32") == 1


def test_report_command_text_json_and_html(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    store = open_store(database_path())
    build_history(store)
    store.close()
    assert main(["report"]) == 0
    assert "Reviews    8 in total" in capsys.readouterr().out
    out_file = tmp_path / "r.html"
    assert main(["report", "--json", "--html", str(out_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total_reviews"] == 8 and data["retention"]["total"] == 5
    assert out_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_command_unwritable_html(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    (tmp_path / "file").write_text("x")
    assert main(["report", "--html", str(tmp_path / "file" / "r.html")]) == 2
    assert "cannot write the HTML report" in capsys.readouterr().err
