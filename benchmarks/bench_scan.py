"""Benchmark: a full scan against the raw text-extraction floor, cold vs warm
cache, and peak memory for a small and a large corpus (issue 5).

Usage:
    python benchmarks/bench_scan.py [CORPUS] [--jobs 2] [--rounds 3]
    python benchmarks/bench_scan.py --quick            # smoke test: 40 documents, 1 round
    python benchmarks/bench_scan.py CORPUS --profile 12  # where a scan spends its time

CORPUS is a folder built by ``benchmarks/make_corpus.py``; without it a corpus
of ``--docs`` documents is built in ``--work-dir``. Every measurement is a whole
run in a fresh Python process (this script re-invoked with a private
sub-command), so imports, pool start-up and cache state are those of a real
``syllabus-audit scan``:

- **floor**: the raw extraction of the same files with the same number of
  processes (``multiprocessing.Pool(jobs)``, fork): pypdfium2
  ``get_textpage().get_text_range()`` per PDF page, ``zipfile`` + ``lxml.etree``
  over ``word/document.xml`` per DOCX (the ``w:t`` texts of every ``w:p``),
  and the HTML bytes through ``lxml.html`` ``text_content()``;
- **cold**: the full scan (what ``scan --format json`` does: discover, audit
  every document with ``jobs`` workers, aggregate, render JSON) with an empty
  ``--cache-dir``;
- **warm**: the same scan again on that cache after a lexicon change that
  reaches no document (the shipped lexicon copied with only its ``version:``
  bumped, passed as ``--lexicon``): every result comes from the cache;
- **warm_term**: the same scan again on that cache (after warm) after a real
  lexicon change: the shipped lexicon with its version bumped and one term,
  ``ADDED_TERM``, added to the ``alliance`` category. The result cache keys
  each document by the lexicon entries its words can reach, so only the
  documents containing both of the term's words (14% of the default
  corpus) are judged again; the rest come from the cache. The documents judged
  again are counted as the new rows of the cache's ``result`` table;
- **serial**: the cold scan with one job (its own empty cache), for the
  speed-up of ``jobs`` workers (``--no-serial`` skips it).

Each round starts with a CPU check (the same pure-Python work on ``Pool(1)``
and ``Pool(2)``: 2.0 means two free cores, about 1.0 means another process
holds one; the machine is shared) and then runs floor, cold, serial, warm and
warm_term in a shuffled order (warm always after its cold, warm_term after
warm, all three on one cache per round); ratios are computed within a round
and the medians over rounds are printed. Cold and warm must give identical
program results; warm_term may differ from them (the added term can match),
so its results are only checked to be the same in every round. Two times are given for every run: **wall** (the whole process, from
start to exit: interpreter, imports, pipeline load, work) and **work** (timed
inside the process: the pool map for the floor; discover-to-JSON for the scan,
after the pipeline is loaded). Peak RSS is ``ru_maxrss`` of the main process
and of the largest pool worker (forked workers count the pages they share with
the parent). The memory check runs a cold scan of a small and a large corpus
built with the same seed (the small one is the first documents of the large
one), in shuffled order.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


# ---------------------------------------------------------------- child: raw extraction floor

def _raw_pdf(path: str) -> tuple[int, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    chars = 0
    try:
        n = len(pdf)
        for i in range(n):
            page = pdf[i]
            tp = page.get_textpage()
            chars += len(tp.get_text_range().replace("\r\n", "\n"))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return n, chars


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _raw_docx(path: str) -> tuple[int, int]:
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paras = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in root.iter(_W + "p")]
    return 0, sum(len(p) + 1 for p in paras)


def _raw_html(path: str) -> tuple[int, int]:
    import lxml.html

    with open(path, "rb") as fh:
        data = fh.read()
    return 0, len(lxml.html.fromstring(data).text_content())


_RAW = {".pdf": _raw_pdf, ".docx": _raw_docx, ".html": _raw_html, ".htm": _raw_html}


def _raw_one(path: str) -> tuple[str, int, int]:
    suffix = os.path.splitext(path)[1].lower()
    pages, chars = _RAW[suffix](path)
    return suffix, pages, chars


def corpus_files(root: str | os.PathLike) -> list[str]:
    """The files a scan finds (hidden files and folders skipped), sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [os.path.join(dirpath, f) for f in sorted(filenames) if not f.startswith(".")]
    return found


def child_floor(corpus: str, jobs: int) -> dict:
    import multiprocessing
    import resource

    import lxml.etree  # noqa: F401  (imported before forking, like the scan does)
    import lxml.html  # noqa: F401
    import pypdfium2  # noqa: F401

    files = corpus_files(corpus)
    unknown = sorted({os.path.splitext(f)[1] for f in files} - set(_RAW))
    if unknown:
        raise SystemExit(f"{corpus}: no raw extractor for {unknown}")
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        out = pool.map(_raw_one, files, chunksize=2)
    work = time.perf_counter() - start
    return {"work_s": work, "docs": len(files), "pdf_pages": sum(p for _, p, _ in out),
            "chars": sum(c for _, _, c in out),
            "formats": {s: sum(1 for x, _, _ in out if x == s) for s in sorted({x for x, _, _ in out})},
            "rss_main_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "rss_worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


# ---------------------------------------------------------------- child: full scan

def child_scan(corpus: str, jobs: int, cache_dir: str, lexicon: str | None) -> dict:
    """What ``syllabus_audit.audit()`` + ``render("json")`` do, with the
    pipeline load timed apart from the work (run_audit's three steps)."""
    import hashlib
    import resource
    from collections import Counter

    t0 = time.perf_counter()
    from syllabus_audit.pipeline.aggregate import group_programs
    from syllabus_audit.read.discover import discover
    from syllabus_audit.rules.lexicon import load_lexicon
    from syllabus_audit.pipeline import AuditSettings
    from syllabus_audit.pipeline.auditor import Auditor
    from syllabus_audit.pipeline.parallel import audit_parallel
    from syllabus_audit.report import render
    from syllabus_audit.report.records import audit_record

    t1 = time.perf_counter()
    auditor = Auditor(load_lexicon(lexicon), settings=AuditSettings(cache_dir=cache_dir or None))
    t2 = time.perf_counter()
    sources = discover(Path(corpus))
    results = list(audit_parallel(auditor, sources, jobs))
    record = audit_record(group_programs(results), auditor)
    t3 = time.perf_counter()
    text = render("json", record)
    t4 = time.perf_counter()
    statuses = Counter(r.status for r in results)
    programs = json.dumps(record["programs"], sort_keys=True).encode()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "scan_s": t3 - t2, "render_s": t4 - t3,
            "work_s": t4 - t2, "docs": len(sources), "statuses": dict(statuses),
            "method": auditor.method, "lexicon_version": record["lexicon"]["version"],
            "json_bytes": len(text), "programs_sha256": hashlib.sha256(programs).hexdigest()[:16],
            "mentioning_docs": sum(1 for p in record["programs"] for d in p["documents"] if d["mentions"]),
            "rss_main_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "rss_worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


# ---------------------------------------------------------------- child: profile

STAGES = [  # (label, file suffix, function) -> cumulative seconds from cProfile
    ("audit_file (total)", "syllabus_audit/pipeline/auditor.py", "audit_file"),
    ("file_sha256", "syllabus_audit/read/digest.py", "file_sha256"),
    ("extract_file", "syllabus_audit/read/extract/__init__.py", "extract_file"),
    ("document_language", "syllabus_audit/read/language.py", "document_language"),
    ("passage_languages", "syllabus_audit/read/language.py", "passage_languages"),
    ("detect_passages", "syllabus_audit/detect/__init__.py", "detect_passages"),
    ("segment", "syllabus_audit/text/segment.py", "segment"),
    ("spaCy Language.pipe", "spacy/language.py", "pipe"),
    ("apply_method", "syllabus_audit/detect/methods.py", "apply_method"),
    ("score_passages", "syllabus_audit/detect/methods.py", "score_passages"),
    ("infer_doc_type", "syllabus_audit/read/doctype.py", "infer_doc_type"),
]


def child_profile(corpus: str, n: int, top: int) -> dict:
    import cProfile
    import pstats
    import io

    from syllabus_audit.read.discover import discover
    from syllabus_audit.pipeline import AuditSettings
    from syllabus_audit.pipeline.auditor import Auditor

    auditor = Auditor(settings=AuditSettings())
    sources = discover(Path(corpus))
    step = max(1, len(sources) // n)
    picked = sources[::step][:n]
    auditor.audit_file(sources[-1])  # warm-up (lazy initialisation)
    start = time.perf_counter()
    for s in picked:
        auditor.audit_file(s)
    plain = time.perf_counter() - start
    prof = cProfile.Profile()
    prof.enable()
    for s in picked:
        auditor.audit_file(s)
    prof.disable()
    st = pstats.Stats(prof)
    cum: dict[str, float] = {}
    for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in st.stats.items():
        for label, suffix, func in STAGES:
            if name == func and file.replace(os.sep, "/").endswith(suffix):
                cum[label] = cum.get(label, 0.0) + ct
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    exts = {}
    for s in picked:
        e = os.path.splitext(s.path)[1]
        exts[e] = exts.get(e, 0) + 1
    return {"docs": len(picked), "formats": exts, "plain_s": plain, "cum": cum, "top": buf.getvalue()}


# ---------------------------------------------------------------- parent

def run_child(args: list[str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True,
                          cwd=str(REPO))
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"child {args[0]} failed with exit code {proc.returncode}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["wall_s"] = wall
    return data


def machine_info() -> dict:
    from importlib import metadata

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        nproc = str(len(os.sched_getaffinity(0)))
    versions = {}
    for dist in ("syllabus-audit", "spacy", "pypdfium2", "lxml", "python-docx", "scikit-learn", "numpy",
                 "reportlab"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "-"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=str(REPO)).stdout.strip()
    except OSError:
        commit = ""
    return {"nproc": nproc, "cpu": model, "memory": mem, "python": platform.python_version(),
            "platform": platform.platform(), "versions": versions, "commit": commit}


def ensure_corpus(work: Path, docs: int, seed: int) -> Path:
    """A corpus of ``docs`` documents under ``work``, built once and reused."""
    path = work / f"corpus-{docs}-seed{seed}"
    meta = path / ".corpus.json"
    if meta.is_file():
        info = json.loads(meta.read_text())
        if info.get("docs") == docs and info.get("seed") == seed:
            return path
    if path.exists():
        shutil.rmtree(path)
    subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(path), "--docs", str(docs),
                    "--seed", str(seed)], check=True)
    return path


# The term warm_term adds to the ``alliance`` category: a plausible alliance
# term (session-by-session feedback on the relationship) made of two ordinary
# words of the generated corpus, chosen so that the change reaches a realistic
# share of it. In the default corpus (make_corpus.py --docs 300 --seed 1) 43 of
# 300 documents (14%) contain both "session(s)" and "feedback" (276 contain
# "session", 45 "feedback"), so about 14% are judged again. The phrase itself
# occurs in none of them, so the results should not change. ("client feedback",
# 15%, was the first choice, but the feedback category already has it.)
ADDED_TERM = "session feedback"
ANCHOR_TERM_LINE = "      - therapeutic alliance"


def bumped_lexicon(dest: Path, add_term: str | None = None) -> tuple[Path, str, str]:
    """Copy the shipped lexicon with its ``version:`` line bumped: the patch
    number alone; or, with ``add_term``, the minor number, and the term added
    to the ``alliance`` category right after ``therapeutic alliance``."""
    from syllabus_audit.rules.lexicon import default_lexicon_path

    shipped = default_lexicon_path()
    text = shipped.read_text(encoding="utf-8")
    m = re.search(r'^version:\s*"?([^"\n]+?)"?\s*$', text, re.M)
    if not m:
        raise SystemExit(f"{shipped}: no version: line")
    old = m.group(1)
    parts = old.split(".")
    if len(parts) == 3 and all(x.isdigit() for x in parts):
        new = f"{parts[0]}.{int(parts[1]) + 1}.0" if add_term else f"{parts[0]}.{parts[1]}.{int(parts[2]) + 1}"
    else:
        new = old + ("-bench.term" if add_term else "-bench.1")
    text = text[:m.start()] + f'version: "{new}"' + text[m.end():]
    if add_term:
        lines = text.split("\n")
        if ANCHOR_TERM_LINE not in lines:
            raise SystemExit(f"{shipped}: no line {ANCHOR_TERM_LINE!r} (the alliance category's first term) "
                             f"to add {add_term!r} after; update bench_scan.py's ANCHOR_TERM_LINE")
        if re.search(rf"^\s*-\s*(?:\{{term:\s*)?{re.escape(add_term)}\s*(?:[,}}]|$)", text, re.M | re.I):
            raise SystemExit(f"{shipped}: already has the term {add_term!r}; choose another ADDED_TERM")
        at = lines.index(ANCHOR_TERM_LINE)
        lines.insert(at + 1, f"      - {add_term}")
        text = "\n".join(lines)
    dest.write_text(text, encoding="utf-8")
    return dest, old, new


def result_rows(cache: Path) -> int | None:
    """Rows in the cache's ``result`` table (one per judged readable document
    and lexicon dependency); None without that table."""
    import sqlite3

    db = cache / "extraction.sqlite3"
    if not db.is_file():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60)
    try:
        return conn.execute("SELECT count(*) FROM result").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def med(values: list[float]) -> float:
    return statistics.median(values)


def span(values: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(min(values))}-{fmt.format(max(values))}" if len(values) > 1 else "-"


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


def cpu_check(units: int = 8, size: int = 1_500_000) -> dict:
    """The same pure-Python work on Pool(1) and Pool(2): how much parallel
    capacity the machine gives right now (2.0 on two idle cores; about 1.0
    when another process holds a core). Also the 1-minute load average."""
    import multiprocessing

    load = float(Path("/proc/loadavg").read_text().split()[0]) if Path("/proc/loadavg").is_file() else -1.0
    times = {}
    for p in (1, 2):
        with multiprocessing.get_context("fork").Pool(p) as pool:
            pool.map(_spin, [1000] * p)  # start-up outside the timer
            start = time.perf_counter()
            pool.map(_spin, [size] * units, chunksize=1)
            times[p] = time.perf_counter() - start
    return {"speedup_2_vs_1": times[1] / times[2], "load1_before": load}


def round_order(rng: random.Random, serial: bool) -> list[str]:
    """floor, cold (and serial) shuffled; warm somewhere after its cold and
    warm_term somewhere after warm."""
    steps = ["floor", "cold"] + (["serial"] if serial else [])
    rng.shuffle(steps)
    at = steps.index("cold")
    steps.insert(rng.randint(at + 1, len(steps)), "warm")
    at = steps.index("warm")
    steps.insert(rng.randint(at + 1, len(steps)), "warm_term")
    return steps


def main_rounds(corpus: Path, jobs: int, rounds: int, work: Path, lexicon: Path, lexicon_term: Path,
                rng: random.Random, serial: bool) -> list[dict]:
    out = []
    for r in range(rounds):
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
        steps = round_order(rng, serial)
        this: dict = {"order": steps, "cpu": cpu_check()}
        print(f"  round {r + 1} cpu check: Pool(2)/Pool(1) speedup {this['cpu']['speedup_2_vs_1']:.2f}, "
              f"load {this['cpu']['load1_before']:.2f}", file=sys.stderr)
        for step in steps:
            if step == "floor":
                this["floor"] = run_child(["_floor", str(corpus), str(jobs)])
            elif step == "cold":
                this["cold"] = run_child(["_scan", str(corpus), str(jobs), str(cache), "-"])
            elif step in ("warm", "warm_term"):
                before = result_rows(cache)
                this[step] = run_child(["_scan", str(corpus), str(jobs), str(cache),
                                        str(lexicon if step == "warm" else lexicon_term)])
                after = result_rows(cache)
                # a document judged again stores its result under a new key (its
                # lexicon dependency changed); one served from the cache adds no row
                this[step]["result_rows_before"], this[step]["result_rows_after"] = before, after
                this[step]["judged_again"] = None if before is None or after is None else after - before
            else:
                own = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
                this["serial"] = run_child(["_scan", str(corpus), "1", str(own), "-"])
                shutil.rmtree(own, ignore_errors=True)
            if step == "cold":
                this["cold"]["result_rows_after"] = result_rows(cache)
            x = this[step]
            again = f"  judged again {x['judged_again']}" if x.get("judged_again") is not None else ""
            print(f"  round {r + 1} {step:<9} wall {x['wall_s']:6.2f} s  work {x['work_s']:6.2f} s{again}",
                  file=sys.stderr)
        shutil.rmtree(cache, ignore_errors=True)
        out.append(this)
    return out


def rss_runs(small: Path, large: Path, jobs: int, rounds: int, work: Path, rng: random.Random) -> list[dict]:
    out = []
    for r in range(rounds):
        order = ["small", "large"]
        rng.shuffle(order)
        this: dict = {"order": order}
        for which in order:
            cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
            this[which] = run_child(["_scan", str(small if which == "small" else large), str(jobs), str(cache), "-"])
            shutil.rmtree(cache, ignore_errors=True)
            x = this[which]
            print(f"  rss {r + 1} {which:<5} {x['docs']} docs wall {x['wall_s']:6.1f} s "
                  f"main {x['rss_main_kb'] / 1024:.0f} MB worker {x['rss_worker_kb'] / 1024:.0f} MB", file=sys.stderr)
        out.append(this)
    return out


def report(mach: dict, corpus_info: dict, corpus: Path, jobs: int, rounds: list[dict], rss: list[dict],
           lex_versions: tuple[str, str, str]) -> str:
    L = []
    docs = rounds[0]["floor"]["docs"]
    pages = rounds[0]["floor"]["pdf_pages"]
    fm = rounds[0]["floor"]["formats"]
    L.append(f"machine: {mach['nproc']} CPUs ({mach['cpu']}), {mach['memory']}, Python {mach['python']}, "
             f"{mach['platform']}")
    L.append("versions: " + ", ".join(f"{k} {v}" for k, v in mach["versions"].items())
             + (f"; repo {mach['commit']}" if mach["commit"] else ""))
    L.append(f"corpus: {corpus} - {docs} documents ({fm.get('.pdf', 0)} PDF with {pages} pages, "
             f"{fm.get('.docx', 0)} DOCX, {fm.get('.html', 0)} HTML"
             + (f"; {corpus_info['words']:,} words; {corpus_info['relationship_docs']} with relationship sentences"
                if corpus_info else "") + ")")
    cold0 = rounds[0]["cold"]
    L.append(f"jobs {jobs}; {len(rounds)} rounds; medians (range over rounds); scan method {cold0['method']}; "
             f"lexicon {lex_versions[0]} (cold) -> {lex_versions[1]} (warm, version only) -> "
             f"{lex_versions[2]} (warm_term, + alliance term {ADDED_TERM!r})")
    L.append("")
    L.append(f"{'run':<34}{'wall s':>8}{'work s':>8}{'docs/s':>9}{'pages/s':>9}{'RSS MB main/worker':>20}")
    runs = [("floor", f"raw extraction floor ({jobs} procs)"), ("cold", "full scan, cold cache"),
            ("warm", "re-scan, warm cache, new version"),
            ("warm_term", "re-scan, warm cache, a term added")]
    if "serial" in rounds[0]:
        runs.append(("serial", "full scan, cold cache, 1 job"))
    for key, label in runs:
        xs = [r[key] for r in rounds]
        wall, wk = med([x["wall_s"] for x in xs]), med([x["work_s"] for x in xs])
        rm, rw = med([x["rss_main_kb"] for x in xs]) / 1024, med([x["rss_worker_kb"] for x in xs]) / 1024
        L.append(f"{label:<34}{wall:8.2f}{wk:8.2f}{docs / wk:9.1f}{pages / wk:9.0f}{f'{rm:.0f} / {rw:.0f}':>20}")
    L.append(f"{'  (docs/s and pages/s from work s; pages are PDF pages)':<34}")
    cold = [r["cold"] for r in rounds]
    L.append(f"scan work split (cold, median): pipeline load {med([c['load_s'] for c in cold]):.2f} s before it, "
             f"imports {med([c['import_s'] for c in cold]):.2f} s; render JSON {med([c['render_s'] for c in cold]):.2f} s")
    L.append("")
    ratios = {
        "cold / floor, wall": [r["cold"]["wall_s"] / r["floor"]["wall_s"] for r in rounds],
        "cold / floor, work": [r["cold"]["work_s"] / r["floor"]["work_s"] for r in rounds],
        "warm / cold, wall": [r["warm"]["wall_s"] / r["cold"]["wall_s"] for r in rounds],
        "warm / cold, work": [r["warm"]["work_s"] / r["cold"]["work_s"] for r in rounds],
        "warm(term) / cold, wall": [r["warm_term"]["wall_s"] / r["cold"]["wall_s"] for r in rounds],
        "warm(term) / cold, work": [r["warm_term"]["work_s"] / r["cold"]["work_s"] for r in rounds],
    }
    targets = {"cold / floor": 4.0, "warm / cold": 0.1, "warm(term) / cold": 0.1, "peak RSS large / small": 1.5}
    L.append(f"{'ratio (within round)':<34}{'median':>8}{'range':>14}{'target':>9}  verdict")
    for name, vals in ratios.items():
        t = targets[name.split(",")[0]]
        L.append(f"{name:<34}{med(vals):7.2f}x{span(vals):>14}{f'<= {t:g}x':>9}  {'met' if med(vals) <= t else 'NOT met'}")
    if "serial" in rounds[0]:
        vals = [r["serial"]["work_s"] / r["cold"]["work_s"] for r in rounds]
        L.append(f"{f'speedup {jobs} jobs vs 1, work':<34}{med(vals):7.2f}x{span(vals):>14}{'':>9}  (no target)")
    vals = [r["cpu"]["speedup_2_vs_1"] for r in rounds]
    L.append(f"{'cpu check: Pool(2) vs Pool(1)':<34}{med(vals):7.2f}x{span(vals):>14}{'':>9}  "
             f"(2.0 = two free cores; load before rounds {', '.join(str(r['cpu']['load1_before']) for r in rounds)})")
    if rss:
        small_docs, large_docs = rss[0]["small"]["docs"], rss[0]["large"]["docs"]
        peak = lambda x: max(x["rss_main_kb"], x["rss_worker_kb"])  # noqa: E731
        rr = {
            f"peak RSS {large_docs}/{small_docs}, max proc": [peak(r["large"]) / peak(r["small"]) for r in rss],
            f"peak RSS {large_docs}/{small_docs}, main": [r["large"]["rss_main_kb"] / r["small"]["rss_main_kb"] for r in rss],
            f"peak RSS {large_docs}/{small_docs}, worker": [r["large"]["rss_worker_kb"] / r["small"]["rss_worker_kb"] for r in rss],
        }
        for name, vals in rr.items():
            L.append(f"{name:<34}{med(vals):7.2f}x{span(vals):>14}{'<= 1.5x':>9}  {'met' if med(vals) <= 1.5 else 'NOT met'}")
        for which in ("small", "large"):
            xs = [r[which] for r in rss]
            L.append(f"  {which}: {xs[0]['docs']} docs, main {med([x['rss_main_kb'] for x in xs]) / 1024:.0f} MB, "
                     f"largest worker {med([x['rss_worker_kb'] for x in xs]) / 1024:.0f} MB, cold scan "
                     f"{xs[0]['docs'] / med([x['work_s'] for x in xs]):.1f} docs/s (work), wall {med([x['wall_s'] for x in xs]):.1f} s")
    L.append("")
    stored = sorted({r["cold"].get("result_rows_after") for r in rounds}, key=str)
    for key, what in (("warm", "version only"), ("warm_term", f"term {ADDED_TERM!r} added")):
        again = [r[key].get("judged_again") for r in rounds]
        if any(a is None for a in again):
            L.append(f"{key} ({what}): documents judged again unknown (no result table in the cache)")
            continue
        shown = f"{min(again)}" if min(again) == max(again) else f"{min(again)}-{max(again)}"
        L.append(f"{key} ({what}): {shown} of {docs} documents judged again ({med(again) / docs:.0%}), the rest "
                 f"served from the cache (counted as new rows in its result table, where the cold scan stored "
                 f"{'/'.join(str(x) for x in stored)})")
    checks = {r["cold"]["programs_sha256"] for r in rounds} | {r["warm"]["programs_sha256"] for r in rounds}
    term_checks = sorted({r["warm_term"]["programs_sha256"] for r in rounds})
    term0 = rounds[0]["warm_term"]
    statuses = cold0["statuses"]
    L.append("")
    L.append(f"sanity: statuses {statuses}; {cold0['mentioning_docs']} documents mention relationship skills; "
             f"cold and warm program results {'identical' if len(checks) == 1 else 'DIFFER'} across all runs")
    L.append(f"sanity: warm_term program results sha256 {', '.join(term_checks)}: "
             + ("one round only" if len(rounds) == 1 else
                "the same in every round" if len(term_checks) == 1 else "DIFFER between rounds")
             + f"; {term0['mentioning_docs']} documents mention "
             f"relationship skills; "
             + ("identical to cold (the added term changed no result)" if term_checks == sorted(checks) else
                "differs from cold (the added term changed results)")
             + "; not checked against a scan without a cache (too costly)")
    return "\n".join(L)


def print_profile(p: dict) -> str:
    c = p["cum"]
    total = c.get("audit_file (total)", 0.0) or 1e-9
    spacy = c.get("spaCy Language.pipe", 0.0)
    rows = [
        ("extraction (extract_file)", c.get("extract_file", 0.0)),
        ("file hash (sha256)", c.get("file_sha256", 0.0)),
        ("language id (document + passages)", c.get("document_language", 0.0) + c.get("passage_languages", 0.0)),
        ("spaCy (Language.pipe: tokenizer, sentencizer, lemmas)", spacy),
        ("segmentation outside spaCy", c.get("segment", 0.0) - spacy),
        ("detection: matcher + context rules", c.get("detect_passages", 0.0) - c.get("segment", 0.0)),
        ("decision method (classifier)", c.get("apply_method", 0.0)),
        ("  of which model scoring", c.get("score_passages", 0.0)),
        ("document type", c.get("infer_doc_type", 0.0)),
    ]
    accounted = sum(v for k, v in rows if not k.startswith("  "))
    rows.append(("other (results, hits, levels)", total - accounted))
    L = [f"profile: {p['docs']} documents {p['formats']}, one process; {p['plain_s']:.2f} s without the profiler, "
         f"{total:.2f} s under cProfile", f"{'stage':<56}{'s':>7}{'share':>8}"]
    L += [f"{k:<56}{v:7.2f}{v / total:8.0%}" for k, v in rows]
    L += ["", "top functions by own time:", p["top"]]
    return "\n".join(L)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("_floor", "_scan", "_profile"):
        cmd, *rest = sys.argv[1:]
        if cmd == "_floor":
            data = child_floor(rest[0], int(rest[1]))
        elif cmd == "_scan":
            data = child_scan(rest[0], int(rest[1]), rest[2], None if rest[3] == "-" else rest[3])
        else:
            data = child_profile(rest[0], int(rest[1]), int(rest[2]))
        print(json.dumps(data))
        return

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help="corpus folder (default: build --docs documents in --work-dir)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--docs", type=int, default=300, help="documents when building the main corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rss-docs", default="200,2000", help="small,large corpus sizes for the memory check")
    ap.add_argument("--rss-rounds", type=int, default=1)
    ap.add_argument("--no-rss", action="store_true", help="skip the memory check")
    ap.add_argument("--no-serial", action="store_true", help="skip the 1-job cold scan in each round")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="also profile N documents of the corpus in one process (cProfile)")
    ap.add_argument("--work-dir", default=None, help="where corpora and caches go (default: a temp folder)")
    ap.add_argument("--json", dest="json_out", default=None, help="write every measurement to this file")
    ap.add_argument("--quick", action="store_true", help="smoke test: 40 documents, 1 round, memory 20 vs 80")
    args = ap.parse_args()
    if args.quick:
        args.docs, args.rounds, args.rss_docs = 40, 1, "20,80"
        args.rss_rounds = 1
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-scan-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    corpus = Path(args.corpus) if args.corpus else ensure_corpus(work, args.docs, args.seed)
    meta = corpus / ".corpus.json"
    corpus_info = json.loads(meta.read_text()) if meta.is_file() else {}
    lexicon, old, new = bumped_lexicon(work / "relationship_skills_bumped.yaml")
    lexicon_term, _, new_term = bumped_lexicon(work / "relationship_skills_term.yaml", add_term=ADDED_TERM)
    mach = machine_info()
    print(f"benchmarking {corpus} with {args.jobs} jobs, {args.rounds} rounds (work dir {work})", file=sys.stderr)
    rounds = main_rounds(corpus, args.jobs, args.rounds, work, lexicon, lexicon_term, rng, not args.no_serial)
    rss = []
    if not args.no_rss:
        small_n, large_n = (int(x) for x in args.rss_docs.split(","))
        small = ensure_corpus(work, small_n, args.seed)
        large = ensure_corpus(work, large_n, args.seed)
        rss = rss_runs(small, large, args.jobs, args.rss_rounds, work, rng)
    prof = run_child(["_profile", str(corpus), str(args.profile), "25"]) if args.profile else None
    text = report(mach, corpus_info, corpus, args.jobs, rounds, rss, (old, new, new_term))
    print(text)
    if prof:
        print()
        print(print_profile(prof))
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"machine": mach, "corpus": str(corpus), "jobs": args.jobs,
                                                   "rounds": rounds, "rss": rss, "profile": prof,
                                                   "lexicon_versions": [old, new, new_term],
                                                   "added_term": ADDED_TERM}, indent=1) + "\n")
    if not args.work_dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
