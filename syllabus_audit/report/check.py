"""``check`` output for program directors: categories present (with their best
evidence) and categories missing."""

from __future__ import annotations

import textwrap
from functools import lru_cache
from importlib import resources

import yaml

from ..rules.lexicon import Lexicon
from .words import of_total, wrap

WIDTH = 80


_LEVEL_RANK = {"assessed": 3, "taught": 2, "mentioned": 1}


def _strength(e: dict) -> tuple:
    """Best evidence first: strongest level, then a lexicon rule over a score alone, then score."""
    return (_LEVEL_RANK.get(e.get("level"), 0), e["rule"].startswith("lexicon"), e.get("score") or 0.0)


# Why a hit of a missing category did not count, in a reader's words: (rule
# prefix, reason), most instructive first (a director can name the client; a
# course title, a negation or an ethics tag is meant as it is).
_NOT_COUNTED = (
    ("needs_client_context", "no client, or practice with one, is named in the passage or its heading"),
    ("score<", "the classifier did not read it as a skill practised with clients"),
    ("sense:", "the words are used in another sense"),
    ("boilerplate", "in policy boilerplate, which never counts"),
    ("title_only", "a title (a course, standard or book name), not something taught"),
    ("negation:", "negated"),
    ("tag:", "a topic that does not count (ethics boundaries, supervision only)"),
    ("reviewer", "a reviewer said it does not count"),
)


def _not_counted(e: dict) -> tuple[int, str] | None:
    """(rank, reason) of a hit that did not count, or None for a counted one."""
    rule = "boilerplate" if e["status"] == "counted" and e.get("level") == "boilerplate" else e["rule"]
    if e["status"] == "counted" and rule != "boilerplate":
        return None
    for rank, (prefix, why) in enumerate(_NOT_COUNTED):
        if rule.startswith(prefix):
            return rank, why
    return len(_NOT_COUNTED), "not counted"


@lru_cache(maxsize=1)
def load_suggestions() -> dict:
    path = resources.files("syllabus_audit.lexicons").joinpath("suggestions.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))["suggestions"]


def check_record(record: dict, lexicon: Lexicon) -> dict:
    """Per category: present (with its best evidence and level) or missing
    (with a suggested learning outcome and assessment, and its nearest miss:
    a passage where a term of it was found but did not count, and why)."""
    found: dict[str, dict] = {}
    levels: dict[str, set] = {}
    near: dict[str, tuple] = {}  # category -> (rank, order, near miss)
    order = 0
    for p in record["programs"]:
        for d in p["documents"]:
            for e in d["evidence"]:
                missed = _not_counted(e)
                if missed is not None:
                    order += 1
                    rank, why = missed
                    if e["category"] not in near or (rank, order) < near[e["category"]][:2]:
                        near[e["category"]] = (rank, order, {
                            "path": d["path"], "page": e.get("page"), "line": e["line"], "text": e["text"],
                            "term": e["term"], "rule": e["rule"], "why": why})
                    continue
                levels.setdefault(e["category"], set()).add(e.get("level"))
                if e["category"] not in found or _strength(e) > _strength(found[e["category"]]):
                    found[e["category"]] = {"path": d["path"], **e}
    tips = load_suggestions()
    unreadable = record["summary"]["unreadable_documents"]
    return {
        "tool": record["tool"],
        "lexicon": record["lexicon"],
        "documents": record["summary"]["documents"],
        "readable_documents": record["summary"]["readable_documents"],
        "unreadable_documents": unreadable,
        "present": [{"category": c.id, "label": c.label, "level": found[c.id].get("level"),
                     "aligned": {"taught", "assessed"} <= levels[c.id], "evidence": found[c.id]}
                    for c in lexicon.categories if c.id in found],
        "missing": [{"category": c.id, "label": c.label, "suggestion": tips.get(c.id),
                     "near_miss": near[c.id][2] if c.id in near else None}
                    for c in lexicon.categories if c.id not in found],
    }


def _loc(e: dict) -> str:
    page = f"p. {e['page']}, " if e.get("page") is not None else ""
    return f"{e['path']} ({page}line {e['line']})"


def render_check(rec: dict) -> str:
    n_categories = len(rec["present"]) + len(rec["missing"])
    lines = [f"{of_total(rec['readable_documents'], rec['documents'], 'document')} readable · "
             f"{of_total(len(rec['present']), n_categories, 'category', 'categories')} found", ""]
    for u in rec["unreadable_documents"]:
        lines += wrap(f"Unreadable: {u['path']} [{u['status']}] {u['reason']}", WIDTH, "", "  ")
    if rec["unreadable_documents"]:
        lines.append("")
    lines.append("Present:" if rec["present"] else "Present: none")
    for item in rec["present"]:
        e = item["evidence"]
        aligned = ", aligned" if item["aligned"] else ""
        lines += wrap(f"✓ {item['category']} — {item['label']} [{item['level']}{aligned}]", WIDTH, "  ", "      ")
        lines.append(f"      {_loc(e)}")
        lines += textwrap.wrap(f"“{e['text']}”", WIDTH, initial_indent="      ",
                               subsequent_indent="      ", max_lines=3, placeholder=" …”")
    lines.append("")
    lines.append("Missing:" if rec["missing"] else "Missing: none")
    for item in rec["missing"]:
        lines += wrap(f"✗ {item['category']} — {item['label']}", WIDTH, "  ", "      ")
        miss = item.get("near_miss")
        if miss:
            lines += textwrap.wrap(f"not counted: “{miss['text']}”", WIDTH, initial_indent="      ",
                                   subsequent_indent="        ", max_lines=2, placeholder=" …”")
            lines += wrap(f"{_loc(miss)}: {miss['why']} ({miss['rule']})", WIDTH, "        ", "        ")
        tip = item.get("suggestion")
        if tip:
            for label in ("outcome", "assessment"):
                lines += textwrap.wrap(f"{label}: {tip[label]}", WIDTH, initial_indent="      ",
                                       subsequent_indent="        ")
    return "\n".join(lines) + "\n"
