"""``check`` output for program directors: categories present (with their best
evidence) and categories missing."""

from __future__ import annotations

import textwrap

from ..lexicon import Lexicon

WIDTH = 80


def check_record(record: dict, lexicon: Lexicon) -> dict:
    """Per category: present or missing, with the first counted evidence."""
    found: dict[str, dict] = {}
    for p in record["programs"]:
        for d in p["documents"]:
            for e in d["evidence"]:
                if e["status"] == "counted" and e["category"] not in found:
                    found[e["category"]] = {"path": d["path"], **e}
    unreadable = record["summary"]["unreadable_documents"]
    return {
        "tool": record["tool"],
        "lexicon": record["lexicon"],
        "documents": record["summary"]["documents"],
        "readable_documents": record["summary"]["readable_documents"],
        "unreadable_documents": unreadable,
        "present": [{"category": c.id, "label": c.label, "evidence": found[c.id]}
                    for c in lexicon.categories if c.id in found],
        "missing": [{"category": c.id, "label": c.label}
                    for c in lexicon.categories if c.id not in found],
    }


def _loc(e: dict) -> str:
    page = f"p. {e['page']}, " if e.get("page") is not None else ""
    return f"{e['path']} ({page}line {e['line']})"


def render_check(rec: dict) -> str:
    lines = [f"{rec['readable_documents']} of {rec['documents']} documents readable · "
             f"{len(rec['present'])} of {len(rec['present']) + len(rec['missing'])} categories found", ""]
    for u in rec["unreadable_documents"]:
        lines.append(f"Unreadable: {u['path']} [{u['status']}] {u['reason']}"[:WIDTH])
    if rec["unreadable_documents"]:
        lines.append("")
    lines.append("Present:" if rec["present"] else "Present: none")
    for item in rec["present"]:
        e = item["evidence"]
        lines.append(f"  ✓ {item['category']} — {item['label']}"[:WIDTH])
        lines.append(f"      {_loc(e)}")
        lines += textwrap.wrap(f"“{e['text']}”", WIDTH, initial_indent="      ",
                               subsequent_indent="      ", max_lines=3, placeholder=" …”")
    lines.append("")
    lines.append("Missing:" if rec["missing"] else "Missing: none")
    for item in rec["missing"]:
        lines.append(f"  ✗ {item['category']} — {item['label']}"[:WIDTH])
    return "\n".join(lines) + "\n"
