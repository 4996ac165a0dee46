"""``diff``: what changed between two audits (e.g. year over year)."""

from __future__ import annotations

from ..types import SOURCES


def _index(record: dict) -> dict[str, dict[str, dict]]:
    """program -> source -> {"mentions", "categories"} (plus "any")."""
    out = {}
    for p in record["programs"]:
        per = {s: {"mentions": v["mentions"], "categories": set(v["categories"])}
               for s, v in p["sources"].items() if s in SOURCES}
        per["any"] = {"mentions": p["mentions"], "categories": set(p["categories"])}
        out[p["id"]] = per
    return out


def diff_records(old: dict, new: dict) -> dict:
    """Programs that gained or lost references, per source and category."""
    a, b = _index(old), _index(new)
    changes = []
    for pid in sorted(set(a) | set(b)):
        if pid not in a or pid not in b:
            changes.append({"program": pid, "change": "added" if pid not in a else "removed"})
            continue
        for source in sorted(set(a[pid]) | set(b[pid])):
            before = a[pid].get(source, {"mentions": None, "categories": set()})
            after = b[pid].get(source, {"mentions": None, "categories": set()})
            gained = sorted(after["categories"] - before["categories"])
            lost = sorted(before["categories"] - after["categories"])
            if before["mentions"] != after["mentions"] or gained or lost:
                changes.append({"program": pid, "source": source, "mentions_before": before["mentions"],
                                "mentions_after": after["mentions"], "gained": gained, "lost": lost})
    return {"old": {"tool": old["tool"], "lexicon": old["lexicon"]},
            "new": {"tool": new["tool"], "lexicon": new["lexicon"]}, "changes": changes}


def render_diff(d: dict) -> str:
    if not d["changes"]:
        return "No program gained or lost references.\n"
    flag = {True: "yes", False: "no", None: "–"}
    lines = []
    for c in d["changes"]:
        if "change" in c:
            lines.append(f"{c['program']}: program {c['change']}")
            continue
        parts = []
        if c["mentions_before"] != c["mentions_after"]:
            parts.append(f"mentions {flag[c['mentions_before']]} → {flag[c['mentions_after']]}")
        if c["gained"]:
            parts.append("gained " + ", ".join(c["gained"]))
        if c["lost"]:
            parts.append("lost " + ", ".join(c["lost"]))
        lines.append(f"{c['program']} [{c['source']}]: " + "; ".join(parts))
    return "\n".join(lines) + "\n"
