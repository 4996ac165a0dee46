"""Merge the hand-written parts into passages.csv with fixed, grouped splits.

Usage: python corpora/labelled/build_splits.py

Splits are assigned per group (writers' paraphrase groups, merged with any
other passages whose word sets overlap heavily), from a hash of the group, so
near-duplicates never straddle train / dev / test and re-running gives the
same file byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ("text", "label", "categories", "hard_negative", "doc_type", "style", "split", "group")
SPLITS = (("train", 70), ("dev", 15), ("test", 15))
NEAR_DUPLICATE_JACCARD = 0.6


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2)


def _find(parent: dict, x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def merge_near_duplicates(rows: list[dict]) -> dict[str, str]:
    """Map each writer group id to a merged group id."""
    parent = {r["group"]: r["group"] for r in rows}
    sets = [(_words(r["text"]), r["group"]) for r in rows]
    for i, (a, ga) in enumerate(sets):
        for b, gb in sets[i + 1:]:
            if a and b and len(a & b) / len(a | b) >= NEAR_DUPLICATE_JACCARD:
                ra, rb = _find(parent, ga), _find(parent, gb)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {g: _find(parent, g) for g in parent}


def split_of(group: str) -> str:
    bucket = int(hashlib.sha256(group.encode()).hexdigest(), 16) % 100
    edge = 0
    for name, share in SPLITS:
        edge += share
        if bucket < edge:
            return name
    raise AssertionError("unreachable")


def main() -> None:
    rows = []
    for path in sorted((HERE / "parts").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            rows += list(csv.DictReader(fh))
    seen = set()
    unique = []
    for r in rows:  # exact duplicates across parts: keep the first
        key = " ".join(r["text"].lower().split())
        if key not in seen:
            seen.add(key)
            unique.append(r)
    groups = merge_near_duplicates(unique)
    with (HERE / "passages.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in unique:
            g = groups[r["group"]]
            writer.writerow({**{k: r[k] for k in COLUMNS if k in r}, "group": g, "split": split_of(g)})
    print(f"{len(unique)} passages ({len(rows) - len(unique)} exact duplicates dropped), "
          f"{len(set(groups.values()))} groups")


if __name__ == "__main__":
    main()
