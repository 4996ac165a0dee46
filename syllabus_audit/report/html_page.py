"""Self-contained HTML report (inline CSS and SVG, no network, no JavaScript
needed; printable) and the same content as Markdown.

Sections: headline, bar chart, coverage matrix (with an "only gaps" view),
group comparisons, per-program evidence and near-misses, unreadable
documents, methods.
"""

from __future__ import annotations

from html import escape

from ..types import SOURCES
from .table import SOURCE_LABELS, _ci, _pct, headline, other_hits_note, test_sentence
from .words import plural
from ..pipeline.aggregate import SourceSummary

CATEGORY_IDS = ("alliance", "empathy", "genuineness", "positive_regard", "collaboration",
                "rupture_repair", "feedback", "countertransference", "microskills", "responsiveness")
LEVEL_MARK = {"assessed": "A", "taught": "T", "mentioned": "M"}
UNREADABLE_MARK = "?"  # a program with no readable document: nothing can be said, no gap either
KEY = ("A = assessed, T = taught, M = mentioned only, * = aligned (taught and assessed), – = not found, "
       "? = no readable document (not a gap).")

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right}
.matrix-wrap{overflow-x:auto}.matrix{font-size:.85em}.matrix td{text-align:center;min-width:1.6rem}.matrix th{font-weight:600}.A{background:#1a7f37;color:#fff}.T{background:#6fbf73}.M{background:#d9f0d3}.gap{background:#fde2e1}
mark{background:#ffe58a}.muted{color:#666}.small{font-size:.9em}
details{margin:.3rem 0}summary{cursor:pointer}
.unreadable{background:#e8e8e8;color:#555}.badge{font-size:.8em;background:#555;color:#fff;border-radius:.2rem;padding:0 .3rem}
#only-gaps:checked ~ .matrix-wrap tr.complete,#only-gaps:checked ~ .matrix-wrap tr.unreadable{display:none}
@media print{details{display:block}summary{display:none}#only-gaps,label[for=only-gaps]{display:none}}
"""


def _cell_class(cov: dict, cid: str, readable: bool = True) -> tuple[str, str]:
    if not readable:
        return "unreadable", UNREADABLE_MARK
    c = cov.get(cid)
    if not c:
        return "gap", "–"
    mark = LEVEL_MARK.get(c["level"], "M")
    return mark, mark + ("*" if c["aligned"] else "")


def _bar_chart(sources: dict) -> str:
    rows = [(SOURCE_LABELS[k][0], sources[k]) for k in SOURCES] + [("any source", sources["any"])]
    width, bar_h, gap, label_w = 800, 22, 10, 170
    height = len(rows) * (bar_h + gap) + 30
    parts = [f'<svg role="img" aria-label="Share of programs with no reference, per source" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    scale = width - label_w - 230
    for i, (label, v) in enumerate(rows):
        y = i * (bar_h + gap) + 10
        parts.append(f'<text x="0" y="{y + 16}" font-size="13">{escape(label)}</text>')
        if not v["programs"]:
            parts.append(f'<text x="{label_w}" y="{y + 16}" font-size="12" fill="#666">no programs</text>')
            continue
        share, (lo, hi) = v["share_no_reference"], v["ci95"]
        parts.append(f'<rect x="{label_w}" y="{y}" width="{share * scale:.1f}" height="{bar_h}" fill="#c0392b"/>')
        parts.append(f'<line x1="{label_w + lo * scale:.1f}" x2="{label_w + hi * scale:.1f}" y1="{y + bar_h / 2}" '
                     f'y2="{y + bar_h / 2}" stroke="#222" stroke-width="2"/>')
        parts.append(f'<text x="{label_w + scale + 8}" y="{y + 16}" font-size="12">{_pct(share)} '
                     f'({_ci(lo, hi)}), n={v["programs"]}</text>')
    parts.append(f'<line x1="{label_w}" x2="{label_w}" y1="0" y2="{height - 20}" stroke="#999"/>')
    parts.append(f'<text x="{label_w}" y="{height - 4}" font-size="11" fill="#666">0%</text>'
                 f'<text x="{label_w + scale - 20}" y="{height - 4}" font-size="11" fill="#666">100%</text></svg>')
    return "".join(parts)


def _highlight(e: dict) -> str:
    t, s, en = e["text"], e["start"], e["end"]
    return escape(t[:s]) + "<mark>" + escape(t[s:en]) + "</mark>" + escape(t[en:])


def _where(path: str, e: dict) -> str:
    page = f"p. {e['page']}, " if e["page"] is not None else ""
    return f"{path} ({page}line {e['line']})"


def _methods(record: dict) -> str:
    m = record["method"]
    text = (f"Documents were audited with syllabus-audit {record['tool']['version']} using the "
            f"{m['name']} method and lexicon {record['lexicon']['version']} "
            f"(sha256 {record['lexicon']['sha256'][:12]}…): terms matched on lower-case lemmas with "
            "context rules for negation and false-positive senses")
    model = m.get("model")
    if model:
        t = model["thresholds"]
        cv = model.get("cv_metrics", {}).get(m["name"], {})
        text += (f", and a logistic-regression passage classifier (model {model['version']}, decision thresholds "
                 f"model {t['model']}, veto {t['veto']}, admit {t['admit']}")
        if cv:
            text += (f"; cross-validated on the bundled labelled passages: precision {cv['precision']:.2f}, "
                     f"recall {cv['recall']:.2f}, F1 {cv['f1']:.2f}, Cohen's kappa {cv['kappa']:.2f}")
        text += ")"
    text += (". A program makes no reference in a source when none of its readable documents of that source "
             "has a counted passage; unreadable documents are excluded from denominators. Intervals are "
             "Wilson 95% score intervals.")
    return text


def render_html(record: dict) -> str:
    """The audit record as one self-contained HTML page."""
    s = record["summary"]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>syllabus-audit report</title>", f"<style>{CSS}</style></head><body>",
           "<h1>Relationship-skill content in training-program documents</h1>",
           f'<p class="muted">{plural(s["programs"], "program")} · {plural(s["documents"], "document")} · '
           f'{s["documents"] - s["readable_documents"]} unreadable</p>', '<section id="headline"><h2>Headline</h2>']
    for key in list(SOURCES) + ["any"]:
        v = s["sources"][key]
        out.append(f"<p>{escape(headline(key, SourceSummary(v['programs'], v['no_reference'])))}</p>")
    note = other_hits_note(s.get("other_documents_with_hits", []))
    if note:
        out.append(f'<p class="muted" id="other-hits">{escape(note)}</p>')
    out += ["</section>", '<section id="chart"><h2>Share of programs with no reference</h2>',
            _bar_chart(s["sources"]), "</section>"]
    out += _matrix_html(record)
    if "groups" in s:
        out += _groups_html(s["groups"])
    out.append('<section id="programs"><h2>Programs</h2>')
    for p in record["programs"]:
        out += _program_html(p)
    out.append("</section>")
    out.append('<section id="unreadable"><h2>Unreadable documents</h2>')
    if s["unreadable_documents"]:
        out.append("<table><tr><th>Program</th><th>File</th><th>Status</th><th>Reason</th></tr>")
        out += [f"<tr><td>{escape(u['program'])}</td><td>{escape(u['path'])}</td><td>{u['status']}</td>"
                f"<td>{escape(u['reason'])}</td></tr>" for u in s["unreadable_documents"]]
        out.append("</table>")
    else:
        out.append("<p>None.</p>")
    out += ["</section>", f'<section id="methods"><h2>Methods</h2><p>{escape(_methods(record))}</p></section>',
            "</body></html>"]
    return "\n".join(out) + "\n"


def _matrix_html(record: dict) -> list[str]:
    out = ['<section id="coverage"><h2>Coverage matrix</h2>',
           f'<p class="small">{KEY}</p>',
           '<input type="checkbox" id="only-gaps"> <label for="only-gaps">Only programs with gaps</label>',
           '<div class="matrix-wrap"><table class="matrix"><tr><th>Program</th>']
    out += [f'<th title="{c}">{c.replace("_", " ")}</th>' for c in CATEGORY_IDS]
    out.append("</tr>")
    for p in record["programs"]:
        cov, readable = p["coverage"], _readable(p)
        row = "unreadable" if not readable else "complete" if all(c in cov for c in CATEGORY_IDS) else "gaps"
        cells = "".join(f'<td class="{cls}">{mark}</td>'
                        for cls, mark in (_cell_class(cov, c, readable) for c in CATEGORY_IDS))
        note = _unreadable_note(p)
        note = f' <span class="muted small">({escape(note)})</span>' if note else ""
        out.append(f'<tr class="{row}"><td>{escape(p["id"])}{note}</td>{cells}</tr>')
    out.append("</table></div>")
    out.append('<h3 id="gaps">Only gaps</h3><ul>')
    for pid, missing, note in program_gaps(record):
        out.append(f"<li>{escape(pid)}: {', '.join(missing)}" + (f" <span class=muted>({escape(note)})</span>" if note else "")
                   + "</li>")
    out.append("</ul></section>")
    return out


def _readable(p: dict) -> bool:
    """Whether the program has a readable document (``mentions`` is null otherwise)."""
    return p["mentions"] is not None


def _unreadable_note(p: dict) -> str:
    """E.g. "1 document unreadable"; empty when every document was read."""
    n = sum(d["mentions"] is None and d["status"] != "duplicate" for d in p["documents"])
    if not n:
        return ""
    return "no readable document" if not _readable(p) else f"{plural(n, 'document')} unreadable"


def program_gaps(record: dict) -> list[tuple[str, list[str], str]]:
    """(program, missing categories, unreadable note) for programs with a
    readable document and a gap; programs with nothing readable have no gaps."""
    out = []
    for p in record["programs"]:
        missing = [c for c in CATEGORY_IDS if c not in p["coverage"]]
        if _readable(p) and missing:
            out.append((p["id"], missing, _unreadable_note(p)))
    return out


def _groups_html(groups: dict) -> list[str]:
    out = [f'<section id="groups"><h2>Groups by {escape(groups["column"])}</h2>']
    for key in list(SOURCES) + ["any"]:
        g = groups["sources"][key]
        label = SOURCE_LABELS[key][0] if key in SOURCE_LABELS else "any source"
        out.append(f"<h3>{label}</h3><table><tr><th>Group</th><th>Programs</th><th>No reference</th>"
                   "<th>Share</th><th>95% CI</th></tr>")
        for value, v in g["groups"].items():
            if v["programs"]:
                out.append(f"<tr><td>{escape(value)}</td><td class=n>{v['programs']}</td>"
                           f"<td class=n>{v['no_reference']}</td><td class=n>{_pct(v['share_no_reference'])}</td>"
                           f"<td>{_ci(*v['ci95'])}</td></tr>")
        out.append(f"</table><p class=small>{escape(test_sentence(g['test']))}</p>")
    out.append("</section>")
    return out


def _program_html(p: dict) -> list[str]:
    out = [f'<details open><summary><strong>{escape(p["id"])}</strong> — '
           f'{"mentions relationship skills" if p["mentions"] else "no reference" if p["mentions"] is False else "nothing readable"}'
           f' ({plural(len(p["categories"]), "category", "categories")})</summary>']
    for d in p["documents"]:
        counted = [e for e in d["evidence"] if e["status"] == "counted"]
        missed = [e for e in d["evidence"] if e["status"] != "counted"]
        unreadable = d["mentions"] is None and d["status"] != "duplicate"
        badge = ' <span class="badge">unreadable</span>' if unreadable else ""
        out.append(f"<h4>{escape(d['path'])} <span class=muted>[{d['doc_type']}, {d['status']}]</span>{badge}</h4>")
        if d["status"] != "ok":
            what = "Not read, excluded from every denominator: " if unreadable else ""
            out.append(f"<p class=muted>{what}{escape(d['reason'])}</p>")
            continue
        if counted:
            out.append("<table><tr><th>Category</th><th>Level</th><th>Where</th><th>Section</th><th>Passage</th>"
                       "<th>Decided by</th></tr>")
            out += [f"<tr><td>{e['category']}</td><td>{e['level'] or ''}</td><td>{escape(_where(d['path'], e))}</td>"
                    f"<td>{escape(e['section'])}</td><td>{_highlight(e)}</td><td>{escape(_decided(e))}</td></tr>"
                    for e in counted]
            out.append("</table>")
        else:
            out.append("<p>No counted passage.</p>")
        if missed:
            out.append(f"<details><summary>Near-misses not counted ({len(missed)})</summary><table>"
                       "<tr><th>Category</th><th>Status</th><th>Rule / score</th><th>Where</th><th>Passage</th></tr>")
            out += [f"<tr><td>{e['category']}</td><td>{e['status']}</td><td>{escape(_decided(e))}</td>"
                    f"<td>{escape(_where(d['path'], e))}</td><td>{_highlight(e)}</td></tr>" for e in missed]
            out.append("</table></details>")
    out.append("</details>")
    return out


def _decided(e: dict) -> str:
    return e["rule"] + ("" if e["score"] is None else f" (score {e['score']:.2f})")


def render_markdown(record: dict) -> str:
    """The same report as Markdown."""
    s = record["summary"]
    lines = ["# Relationship-skill content in training-program documents", "",
             f"{plural(s['programs'], 'program')} · {plural(s['documents'], 'document')} · "
             f"{s['documents'] - s['readable_documents']} unreadable", "", "## Headline", ""]
    for key in list(SOURCES) + ["any"]:
        v = s["sources"][key]
        lines += [f"- {headline(key, SourceSummary(v['programs'], v['no_reference']))}"]
    note = other_hits_note(s.get("other_documents_with_hits", []))
    if note:
        lines += ["", note]
    lines += ["", "## Coverage matrix", "", KEY, "",
              "| Program | " + " | ".join(c.replace("_", " ") for c in CATEGORY_IDS) + " |",
              "|---|" + "---|" * len(CATEGORY_IDS)]
    for p in record["programs"]:
        note = _unreadable_note(p)
        lines.append(f"| {p['id']}{f' ({note})' if note else ''} | "
                     + " | ".join(_cell_class(p["coverage"], c, _readable(p))[1] for c in CATEGORY_IDS) + " |")
    lines += ["", "### Only gaps", ""]
    lines += [f"- {pid}: {', '.join(missing)}" + (f" ({note})" if note else "")
              for pid, missing, note in program_gaps(record)]
    if "groups" in s:
        g = s["groups"]
        lines += ["", f"## Groups by {g['column']}", ""]
        for key in list(SOURCES) + ["any"]:
            gs = g["sources"][key]
            lines += [f"**{SOURCE_LABELS[key][0] if key in SOURCE_LABELS else 'any source'}** — {test_sentence(gs['test'])}", "",
                      "| Group | Programs | No reference | Share | 95% CI |", "|---|---|---|---|---|"]
            lines += [f"| {value} | {v['programs']} | {v['no_reference']} | {_pct(v['share_no_reference'])} | {_ci(*v['ci95'])} |"
                      for value, v in gs["groups"].items() if v["programs"]]
            lines.append("")
    lines += ["", "## Programs", ""]
    for p in record["programs"]:
        lines += [f"### {p['id']}", ""]
        for d in p["documents"]:
            unreadable = d["mentions"] is None and d["status"] != "duplicate"
            lines.append(f"- **{d['path']}** ({d['doc_type']}, {d['status']}{', unreadable' if unreadable else ''})"
                         + (f": {d['reason']}" if d["status"] != "ok" else ""))
            for e in d["evidence"]:
                t, a, b = e["text"], e["start"], e["end"]
                shown = t[:a] + "**" + t[a:b] + "**" + t[b:]
                mark = "counted" if e["status"] == "counted" else f"not counted ({e['status']})"
                lines.append(f"  - {e['category']} · {mark} · {e['level'] or ''} · {_where(d['path'], e)} · "
                             f"{_decided(e)} — {shown}")
        lines.append("")
    lines += ["## Unreadable documents", ""]
    lines += [f"- {u['path']} [{u['status']}] {u['reason']}" for u in s["unreadable_documents"]] or ["None."]
    lines += ["", "## Methods", "", _methods(record), ""]
    return "\n".join(lines)
