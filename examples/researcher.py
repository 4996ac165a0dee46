"""Researcher: a batch corpus with metadata -> group comparison, a per-category
table, the difference between two years, the same scan on a local Dask
cluster, and the results read through the Python API (standard library only).

Run from the repository root with the test extras installed (Dask)::

    python examples/researcher.py          # writes examples/out/researcher/

The corpus is the bundled demo (13 fictional programs) described by two
manifests with country, degree and year columns. The demo has one edition of
each document; ``programs-2024.csv`` leaves out three documents that "came"
in 2025, and ``programs-2025.csv`` leaves out one that was dropped, so the
year-over-year ``diff`` has something to show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import syllabus_audit
from syllabus_audit.pipeline import AuditSettings

CORPUS = Path("corpora/demo")
DATA = Path("examples/data")
OUT = Path(os.environ.get("OUT", "examples/out")) / "researcher"
CATEGORIES = ("alliance", "empathy", "genuineness", "positive_regard", "collaboration", "rupture_repair",
              "feedback", "countertransference", "microskills", "responsiveness")


def run(*args: str) -> str:
    """Run the command line tool; echo and return its standard output."""
    print("$ " + " ".join(args), flush=True)
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    print(done.stdout, end="", flush=True)
    return done.stdout


def category_table(record: dict, column: str) -> str:
    """Programs covering each category (any evidence level), per group of ``column``,
    out of the programs in the group with at least one readable document."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for p in record["programs"]:
        if p["mentions"] is not None:  # unreadable-only programs are in no denominator
            groups[p["metadata"][column]].append(p)
    names = sorted(groups)
    lines = [f"{'category':<22}" + "".join(f"{n[:14]:>16}" for n in names)]
    for c in CATEGORIES:
        cells = [f"{sum(c in p['coverage'] for p in groups[n])}/{len(groups[n])}" for n in names]
        lines.append(f"{c:<22}" + "".join(f"{x:>16}" for x in cells))
    return "\n".join(lines)


def dask_scan(manifest: Path, target: Path) -> bool:
    """The same scan on a local Dask cluster (two worker processes, started
    here; with a real cluster pass its scheduler address), through
    ``--scheduler``, without the cache so the workers do all the work; False
    when Dask is not installed."""
    try:
        from dask.distributed import LocalCluster
    except ImportError:
        print("Dask is not installed (pip install 'syllabus-audit[dask]'): skipping the cluster scan")
        return False
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        run("syllabus-audit", "scan", str(CORPUS), "--manifest", str(manifest), "--group-by", "country",
            "--no-cache", "--quiet", "--scheduler", cluster.scheduler_address, "--format", "json", "-o", str(target))
    return True


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    settings = AuditSettings(cache_dir=str(OUT / "cache"))
    m2024, m2025 = DATA / "programs-2024.csv", DATA / "programs-2025.csv"

    print("== 1. Group comparison: the no-reference share per country, with a test of difference")
    run("syllabus-audit", "scan", str(CORPUS), "--manifest", str(m2025), "--group-by", "country",
        "--cache-dir", str(OUT / "cache"), "--quiet")

    print("\n== 2. The same data through the Python API (syllabus_audit.audit returns the scan JSON)")
    years = {}
    for year, manifest in (("2024", m2024), ("2025", m2025)):
        years[year] = syllabus_audit.audit(CORPUS, manifest=manifest, group_by="country", settings=settings)
        (OUT / f"audit-{year}.json").write_text(json.dumps(years[year], indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
    rec = years["2025"]
    syl = rec["summary"]["sources"]["syllabus"]
    print(f"2025: {syl['no_reference']} of {syl['programs']} programs with syllabi make no reference "
          f"(share {syl['share_no_reference']}, 95% CI {syl['ci95']})")
    test = rec["summary"]["groups"]["sources"]["syllabus"]["test"]
    print(f"syllabi by country: {test['test']}, p = {test['p_value']}")

    print("\n== 3. Per-category table: programs covering each category, by country (2025)")
    print(category_table(rec, "country"))

    print("\n== 4. What changed from 2024 to 2025")
    run("syllabus-audit", "diff", str(OUT / "audit-2024.json"), str(OUT / "audit-2025.json"))

    print("\n== 5. The same 2025 scan on a local Dask cluster")
    if dask_scan(m2025, OUT / "scan-dask.json"):
        same = (OUT / "scan-dask.json").read_bytes() == (OUT / "audit-2025.json").read_bytes()
        print(f"Dask scan identical to the local scan: {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
