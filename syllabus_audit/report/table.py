"""Terminal table for ``scan`` (fits 80 columns) and the headline sentences."""

from __future__ import annotations

import math
import textwrap

from ..pipeline.aggregate import SourceSummary
from ..types import SOURCES
from .words import plural, wrap

SOURCE_LABELS = {
    "syllabus": ("syllabi", "Syllabus"),
    "program_description": ("program descriptions", "Descr."),
    "competency_list": ("competency lists", "Compet."),
}
WIDTH = 80


def _pct(x: float) -> str:
    return f"{round(100 * x):d}%"


def _ci(lo: float, hi: float) -> str:
    """Interval in whole percent, rounded outwards so it is never narrower."""
    return f"{math.floor(100 * lo + 1e-9):d}–{math.ceil(100 * hi - 1e-9):d}%"


def _programs(n: int) -> str:
    return plural(n, "program")


def headline(source: str, s: SourceSummary) -> str:
    """One sentence in the style of the Australian study."""
    if s.programs == 0:
        if source in SOURCE_LABELS:
            return f"No program has readable {SOURCE_LABELS[source][0]}."
        return "No program has a readable syllabus, program description or competency list."
    lo, hi = s.ci95
    share = f"{s.no_reference} ({_pct(s.share_no_reference)}, 95% CI {_ci(lo, hi)})"
    if source in SOURCE_LABELS:
        noun = SOURCE_LABELS[source][0]
        return (f"Of {_programs(s.programs)} with {noun}, {share} make no reference "
                f"to relationship skills in them.")
    if source == "any":
        return (f"Of {_programs(s.programs)} with any readable syllabus, program description or "
                f"competency list, {share} make no reference to relationship skills in any of them.")
    return (f"Of {_programs(s.programs)}, {share} lack a reference to relationship skills "
            f"in at least one of their sources.")


def other_hits_note(items: list[dict]) -> str | None:
    """One sentence on ``summary.other_documents_with_hits`` (None when empty)."""
    if not items:
        return None
    n = len(items)
    paths = ", ".join(i["path"] for i in items[:3]) + (f" and {n - 3} more" if n > 3 else "")
    verb = "has" if n == 1 else "have"
    return (f"Counted in no source: {n} document{'' if n == 1 else 's'} typed \"other\" {verb} "
            f"relationship-skill hits ({paths}).")


def _cell(v: bool | None) -> str:
    return {True: "yes", False: "NO", None: "–"}[v]


def render_table(record: dict) -> str:
    """The scan report as plain text (from the JSON-ready record)."""
    s = record["summary"]
    lines = [
        f"{record['tool']['name']} {record['tool']['version']} · lexicon {record['lexicon']['version']}",
        f"{plural(s['programs'], 'program')}, {plural(s['documents'], 'document')} "
        f"({s['documents'] - s['readable_documents']} unreadable)",
        "",
    ]
    name_w = WIDTH - 3 * 9 - 12
    header = f"{'Program':<{name_w}} " + "".join(f"{SOURCE_LABELS[x][1]:<9}" for x in SOURCES) + "Categories"
    lines += [header, "-" * len(header)]
    for p in record["programs"]:
        cells = "".join(f"{_cell(p['sources'].get(x, {}).get('mentions')):<9}" for x in SOURCES)
        name, *rest = wrap(p["id"], name_w, "", "  ")
        lines.append(f"{name:<{name_w}} {cells}{len(p['categories']):>10}")
        lines += rest
    lines += ["", "yes / NO: a readable document of that source does / does not mention",
              "relationship skills; –: no readable document of that source.",
              "Categories: how many of the ten relationship-skill categories were found."]
    if s.get("languages"):
        langs = ", ".join(f"{k} {v}" for k, v in s["languages"].items())
        lines += [""] + textwrap.wrap(f"Documents by language: {langs}", WIDTH)
    note = other_hits_note(s.get("other_documents_with_hits", []))
    if note:
        lines += [""] + textwrap.wrap(note, WIDTH)
    if s.get("duplicate_documents"):
        lines += ["", f"Duplicates (same bytes as another document of the program, counted once): "
                      f"{len(s['duplicate_documents'])}"]
    if s["unreadable_documents"]:
        lines += ["", "Unreadable documents (listed, excluded from every denominator):"]
        for u in s["unreadable_documents"]:
            lines += wrap(f"{u['path']}  [{u['status']}] {u['reason']}", WIDTH, "  ", "      ")
    lines += ["", f"{'Source':<22}{'Programs':>9}{'No ref.':>9}{'Share':>8}{'95% CI':>12}"]
    for key, label in [(k, SOURCE_LABELS[k][0]) for k in SOURCES] + [("any", "any source")]:
        v = record["summary"]["sources"][key]
        if v["programs"]:
            ci = _ci(*v["ci95"])
            lines.append(f"{label:<22}{v['programs']:>9}{v['no_reference']:>9}"
                         f"{_pct(v['share_no_reference']):>8}{ci:>12}")
        else:
            lines.append(f"{label:<22}{0:>9}{'':>9}{'–':>8}{'':>12}")
    if "groups" in s:
        lines += group_lines(s["groups"])
    lines.append("")
    for key in list(SOURCES) + ["any"]:
        v = record["summary"]["sources"][key]
        lines.append(textwrap.fill(headline(key, SourceSummary(v["programs"], v["no_reference"])), WIDTH))
    return "\n".join(lines) + "\n"


def test_sentence(test: dict | None) -> str:
    if test is None:
        return "no test (fewer than two groups with programs)"
    stat = "" if test["statistic"] is None else f", statistic {test['statistic']}"
    df = "" if test["df"] is None else f", df {test['df']}"
    return f"{test['test']}{stat}{df}, p = {test['p_value']}"


def group_lines(groups: dict) -> list[str]:
    """Per-group no-reference shares and the test of difference, per source."""
    lines = ["", f"Groups by {groups['column']}:"]
    for key, label in [(k, SOURCE_LABELS[k][0]) for k in SOURCES] + [("any", "any source")]:
        g = groups["sources"][key]
        lines.append(f"  {label}:")
        for value, v in g["groups"].items():
            if v["programs"]:
                figures = (f"{v['programs']:>5} {'program ' if v['programs'] == 1 else 'programs'} "
                           f"{v['no_reference']:>4} no ref. {_pct(v['share_no_reference']):>5}  {_ci(*v['ci95'])}")
                if len(value) > 24:  # the value on its own line(s), the figures below it
                    lines += wrap(value, WIDTH, "    ", "      ") + [" " * 28 + figures]
                else:
                    lines.append(f"    {value:<24}{figures}")
        lines += textwrap.wrap(test_sentence(g["test"]), WIDTH, initial_indent="    ", subsequent_indent="      ")
    return lines
