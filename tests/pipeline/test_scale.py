"""Parallel workers, the extraction cache and resuming a killed scan."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from click.testing import CliRunner

from syllabus_audit.pipeline.cache import ExtractionCache
from syllabus_audit.cli import cli
from syllabus_audit.read.extract import extract_file
from tests.conftest import DEMO


def _scan(*args):
    result = CliRunner().invoke(cli, ["scan", str(DEMO), "--format", "json", "--quiet", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_jobs_1_and_2_give_identical_json(tmp_path):
    one = _scan("--jobs", 1, "--no-cache")
    two = _scan("--jobs", 2, "--no-cache")
    assert one == two


def test_warm_cache_gives_identical_json_and_is_used(tmp_path):
    cold = _scan("--cache-dir", tmp_path / "c", "--jobs", 2)
    cache = ExtractionCache(tmp_path / "c")
    assert len(cache) == 40  # every file, whatever its status
    assert _scan("--cache-dir", tmp_path / "c", "--jobs", 1) == cold


def test_cache_round_trips_an_extracted_document(tmp_path):
    path = next(DEMO.glob("*/syllabi/*.pdf"))
    doc = extract_file(path, "x.pdf")
    cache = ExtractionCache(tmp_path)
    cache.put("k", doc)
    again = cache.get("k", "x.pdf")
    assert again == doc
    assert cache.get("missing", "x.pdf") is None


def test_no_cache_writes_nothing(tmp_path):
    _scan("--cache-dir", tmp_path / "c", "--no-cache")
    assert not (tmp_path / "c").exists()


def test_cache_survives_a_killed_scan(tmp_path):
    corpus = tmp_path / "corpus"
    for i in range(60):  # enough documents that the scan is still running when killed
        d = corpus / f"p{i:02d}"
        d.mkdir(parents=True)
        (d / "syllabus.txt").write_text(f"Course syllabus {i}\n\n" + "Students build rapport with clients. " * 200)
    cache_dir = tmp_path / "cache"
    cmd = [sys.executable, "-m", "syllabus_audit", "scan", str(corpus), "--cache-dir", str(cache_dir),
           "--jobs", "1", "--quiet", "--method", "lexicon", "--format", "json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = cache_dir / "extraction.sqlite3"
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until some, not all, documents are cached
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM extraction").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n >= 3:
                break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert json.loads(done.stdout)["summary"]["readable_documents"] == 60
    assert len(ExtractionCache(cache_dir)) == 60


def test_dask_local_cluster_gives_identical_json():
    distributed = __import__("pytest").importorskip("distributed")
    import syllabus_audit

    local = syllabus_audit.audit(DEMO, jobs=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        remote = syllabus_audit.audit(DEMO, scheduler=client)
    assert json.dumps(remote) == json.dumps(local)


def test_unusable_cache_dir_and_unreachable_scheduler_are_one_line_errors(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["scan", str(DEMO), "--cache-dir", str(blocker / "sub"), "-q"])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ") and "cannot use the cache" in line
    result = CliRunner().invoke(cli, ["scan", str(DEMO), "--no-cache", "-q", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and "cannot connect to a Dask scheduler" in result.output
