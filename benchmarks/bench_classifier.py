"""Benchmark: passages per second for ``classify`` and the added cost of the
model over lexicon-only scanning, as ratios measured in one process.

Usage: python benchmarks/bench_classifier.py [--rounds 3] [--repeat 4]

Each round times, in shuffled order, (a) classifying the labelled passages with
the lexicon only and with the model, and (b) scanning the demo corpus with
``--method lexicon`` and with the default method. Ratios are computed within a
round; the medians over rounds are printed.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import time
from pathlib import Path

from syllabus_audit.pipeline.aggregate import group_programs
from syllabus_audit.detect.classify import classify_lines
from syllabus_audit.read.discover import discover
from syllabus_audit.pipeline.auditor import Auditor

REPO = Path(__file__).resolve().parents[1]


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=4, help="copies of the labelled passages to classify")
    args = ap.parse_args()
    with (REPO / "corpora" / "labelled" / "passages.csv").open(encoding="utf-8") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)] * args.repeat
    sources = discover(REPO / "corpora" / "demo")
    lexicon_only = Auditor(method="lexicon")
    with_model = Auditor()  # the shipped default method
    jobs = {
        "classify lexicon": lambda: classify_lines(lexicon_only, texts),
        f"classify {with_model.method}": lambda: classify_lines(with_model, texts),
        "scan lexicon": lambda: group_programs(list(lexicon_only.audit_files(sources))),
        f"scan {with_model.method}": lambda: group_programs(list(with_model.audit_files(sources))),
    }
    for fn in jobs.values():  # warm-up: imports, caches
        fn()
    seconds = {k: [] for k in jobs}
    ratios = {"classify": [], "scan": []}
    rng = random.Random(0)
    for _ in range(args.rounds):
        order = list(jobs)
        rng.shuffle(order)
        this = {k: _timed(jobs[k]) for k in order}
        for k, v in this.items():
            seconds[k].append(v)
        ratios["classify"].append(this[f"classify {with_model.method}"] / this["classify lexicon"])
        ratios["scan"].append(this[f"scan {with_model.method}"] / this["scan lexicon"])
    print(f"{len(texts)} passages; demo corpus {len(sources)} files; {args.rounds} rounds (medians)")
    for k, v in seconds.items():
        med = statistics.median(v)
        rate = f"{len(texts) / med:,.0f} passages/s" if k.startswith("classify") else f"{len(sources) / med:,.1f} files/s"
        print(f"  {k:<20} {med:7.3f} s   {rate}")
    print(f"  model / lexicon cost, classify: {statistics.median(ratios['classify']):.2f}x")
    print(f"  model / lexicon cost, scan:     {statistics.median(ratios['scan']):.2f}x")


if __name__ == "__main__":
    main()
