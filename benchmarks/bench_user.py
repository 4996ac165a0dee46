"""Benchmark: the reference procedure of ``../shared/bench/README.md``, as users
run the commands (whole process, wall clock, start-up included; issue 13).

Usage:
    python benchmarks/bench_user.py [--bench-dir ../shared/bench] [--work-dir /tmp/bench-user]
                                    [--programs 100] [--rounds 3] [--json FILE] [--profile]

Per round, every step a fresh process, timed from spawn to exit:

1. **floor (before)**: ``python floor.py CORPUS``; the seconds it prints (raw
   pypdfium2 / DOCX-XML extraction with 2 processes);
2. **cold**: ``syllabus-audit scan CORPUS --format json --jobs 2 --no-cache``;
3. **warm**: ``syllabus-audit scan CORPUS --format json --jobs 2 --cache-dir DIR``
   twice on an empty DIR; the second run;
4. **check**: ``syllabus-audit check ONE_SENTENCE.txt``, against
5. **spaCy line**: ``python -c "import spacy, sklearn.linear_model, numpy; spacy.blank('en')"``;
6. **floor (after)**; the floor is the mean of before and after.

Ratios (within the round; the medians over rounds are printed): cold / floor,
warm / cold, check / spaCy line. The corpus is ``make_corpus.py CORPUS
PROGRAMS`` from the bench folder (100 programs = 500 files), built once in
``--work-dir``. The cold and warm JSON outputs must be byte-identical.

The build-once artefacts (artefacts.py) live in the user's cache folder, as
for any user after their first run. ``--first-run`` also times, per round, a
cold scan and a check with ``SYLLABUS_AUDIT_ARTEFACTS=off`` (every artefact
built in the process: what the very first run after installing, or after a
lexicon edit, costs). ``--profile`` adds where the time of a check and of a
cold scan goes (``-X importtime`` totals and a cProfile of the main process
by stage).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPACY_LINE = "import spacy, sklearn.linear_model, numpy; spacy.blank('en')"
ONE_SENTENCE = "Students will establish and maintain a therapeutic alliance with clients.\n"


_MODULE = False  # --module: run ``python -m syllabus_audit`` (e.g. another checkout on PYTHONPATH)


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("syllabus-audit")
    return [str(exe)] if exe.exists() and not _MODULE else [sys.executable, "-m", "syllabus_audit"]


def _timed(cmd: list[str], out: Path | None = None, env: dict | None = None) -> float:
    """Wall seconds of one whole process (spawn to exit); its stdout to ``out``."""
    with open(out or os.devnull, "wb") as fh:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, env=env)
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return wall


def _floor(bench: Path, corpus: Path) -> float:
    out = subprocess.run([sys.executable, str(bench / "floor.py"), str(corpus)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0])


def _round(bench: Path, corpus: Path, work: Path, first_run: bool) -> dict:
    cli = _cli()
    one = work / "one-sentence.txt"
    one.write_text(ONE_SENTENCE, encoding="utf-8")
    r: dict = {"floor_before": _floor(bench, corpus)}
    r["cold"] = _timed(cli + ["scan", str(corpus), "--format", "json", "--jobs", "2", "--no-cache"],
                       work / "cold.json")
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    r["warm_first"] = _timed(cli + ["scan", str(corpus), "--format", "json", "--jobs", "2", "--cache-dir", str(cache)],
                             work / "warm1.json")
    r["warm"] = _timed(cli + ["scan", str(corpus), "--format", "json", "--jobs", "2", "--cache-dir", str(cache)],
                       work / "warm2.json")
    r["check"] = _timed(cli + ["check", str(one)])
    r["spacy_line"] = _timed([sys.executable, "-c", SPACY_LINE])
    if first_run:
        env = {**os.environ, "SYLLABUS_AUDIT_ARTEFACTS": "off"}
        r["cold_first_run"] = _timed(cli + ["scan", str(corpus), "--format", "json", "--jobs", "2", "--no-cache"],
                                     env=env)
        r["check_first_run"] = _timed(cli + ["check", str(one)], env=env)
    r["floor_after"] = _floor(bench, corpus)
    r["floor"] = (r["floor_before"] + r["floor_after"]) / 2
    r["cold_over_floor"] = r["cold"] / r["floor"]
    r["warm_over_cold"] = r["warm"] / r["cold"]
    r["check_over_spacy"] = r["check"] / r["spacy_line"]
    if first_run:
        r["cold_first_run_over_floor"] = r["cold_first_run"] / r["floor"]
        r["check_first_run_over_spacy"] = r["check_first_run"] / r["spacy_line"]
    outputs = [(work / n).read_bytes() for n in ("cold.json", "warm1.json", "warm2.json")]
    r["identical_outputs"] = outputs[0] == outputs[1] == outputs[2]
    return r


def _profile(corpus: Path, work: Path) -> dict:
    """Where a check and a cold scan spend their time (main process)."""
    cli_mod = [sys.executable, "-m", "syllabus_audit"]
    one = work / "one-sentence.txt"
    out: dict = {}
    for name, args in (("check", ["check", str(one)]),
                       ("cold", ["scan", str(corpus), "--format", "json", "--jobs", "2", "--no-cache"]),
                       # the workers' share, in one process: where the work itself goes
                       ("cold, 1 job", ["scan", str(corpus), "--format", "json", "--jobs", "1", "--no-cache"])):
        prof = work / f"{name.replace(', ', '-').replace(' ', '')}.prof"
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "syllabus_audit", *args],
                       stdout=subprocess.DEVNULL, check=True)
        out[name] = _stages(prof)
        imp = subprocess.run(cli_mod[:1] + ["-X", "importtime", "-m", "syllabus_audit", *args],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True).stderr
        out[name]["imports_top"] = _import_totals(imp)
    return out


# (label, function key as pstats prints it: file suffix and function name; a
# tuple of either where the code moved, so an older checkout (--module) is measured too)
_STAGES = [
    ("loading: language pipeline + detector", (("pipeline/auditor.py", "pipeline.py"), "pipeline_for")),
    ("loading before forking workers", (("pipeline/auditor.py", "pipeline.py"), "prepare_workers")),
    ("pre-filter tables", ("prefilter.py", "candidate_filter")),
    ("language model", ("language.py", "_identifier")),
    ("classifier (load + scoring)", ("methods.py", "apply_method")),
    ("spaCy on candidate text", ("segment.py", "segment_blocks")),
    ("matching + context rules", ("detect/__init__.py", "detect_passages")),
    ("language identification", ("language.py", "document_language")),
    ("language identification of blocks", ("language.py", "languages_at")),
    ("pre-filter", ("prefilter.py", ("candidates", "scan"))),
    ("extraction", ("extract/__init__.py", "extract_file")),
    ("judging (all of it)", (("pipeline/auditor.py", "pipeline.py"), "_judge")),
    ("workers: fork pool + waiting for results", (("pipeline/parallel.py", "pipeline.py"), "audit_parallel")),
    ("report (records + JSON)", ("records.py", "audit_record")),
]


def _stages(prof: Path) -> dict:
    import pstats

    stats = pstats.Stats(str(prof)).stats
    total = max(ct for (_, _, _, ct, _) in stats.values())
    found = {}
    for label, (suffix, func) in _STAGES:
        names = func if isinstance(func, tuple) else (func,)
        found[label] = round(sum(ct for (f, _, fn), (_, _, _, ct, _) in stats.items()
                                 if f.endswith(suffix) and fn in names), 3)
    imports = sum(ct for (f, _, fn), (_, _, _, ct, _) in stats.items() if fn == "<module>" and "syllabus_audit" not in f)
    return {"total_s": round(total, 3), "stages_s": found, "import_time_note": round(imports, 3)}


def _import_totals(stderr: str) -> dict:
    """Cumulative import time (ms) of each top-level import (``-X importtime``),
    by package, the ones over 20 ms."""
    tops: dict[str, float] = {}
    for line in stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2]
        if name.startswith(" ") and not name.startswith("  "):  # not nested in another import
            pkg = name.strip().split(".")[0]
            tops[pkg] = tops.get(pkg, 0.0) + int(parts[1]) / 1000
    return dict(sorted(((k, round(v)) for k, v in tops.items() if v >= 20), key=lambda kv: -kv[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", type=Path, default=REPO.parent / "shared" / "bench")
    ap.add_argument("--work-dir", type=Path, default=Path(tempfile.gettempdir()) / "bench-user")
    ap.add_argument("--programs", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--first-run", action="store_true", help="also time runs that build every artefact")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--module", action="store_true",
                    help="run `python -m syllabus_audit` (the code on PYTHONPATH, e.g. an older checkout)")
    args = ap.parse_args()
    global _MODULE
    _MODULE = args.module
    work = args.work_dir
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.programs}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(args.bench_dir / "make_corpus.py"), str(corpus), str(args.programs)],
                       check=True)
    n_files = sum(1 for p in corpus.rglob("*") if p.is_file())
    # one untimed run first, so that the artefacts exist, as for any user after their first run
    (work / "one-sentence.txt").write_text(ONE_SENTENCE, encoding="utf-8")
    _timed(_cli() + ["check", str(work / "one-sentence.txt")])
    rounds = []
    for i in range(args.rounds):
        r = _round(args.bench_dir, corpus, work, args.first_run)
        rounds.append(r)
        print(f"round {i + 1}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                             for k, v in r.items()), flush=True)
    keys = [k for k in rounds[0] if isinstance(rounds[0][k], float)]
    summary = {k: {"median": statistics.median(r[k] for r in rounds), "min": min(r[k] for r in rounds),
                   "max": max(r[k] for r in rounds)} for k in keys}
    result = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "load_average": os.getloadavg()},
              "corpus": {"path": str(corpus), "files": n_files}, "rounds": rounds, "summary": summary,
              "identical_outputs": all(r["identical_outputs"] for r in rounds)}
    print(f"\n{n_files} files, {args.rounds} rounds; medians (range) of the per-round values:")
    for k in keys:
        s = summary[k]
        print(f"  {k:<28} {s['median']:8.3f}  ({s['min']:.3f}-{s['max']:.3f})")
    print(f"  cold, warm and warm-again JSON identical in every round: {result['identical_outputs']}")
    if args.profile:
        result["profile"] = _profile(corpus, work)
        print(json.dumps(result["profile"], indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
