"""Command line: ``syllabus-audit scan | check | classify | evaluate | train | lexicon``.

Errors the user can act on are one line on stderr with a non-zero exit code;
unreadable documents are reported in the output, never raised.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .version import __version__
from .arguments import METHODS, check_jobs, check_language, check_method, check_threshold, check_time_limit
from .cli_errors import checked, one_line_errors
from .report.json_text import to_json

FORMATS = ("table", "json", "jsonl", "csv", "html", "md")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write output: {exc.strerror or exc}") from None




lexicon_option = click.option(
    "--lexicon", "lexicon_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Lexicon YAML to use instead of the shipped one.")
output_option = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.")


def reading_options(func):
    """--ocr, --language and --time-limit, shared by scan and check."""
    func = click.option("--time-limit", type=float, default=120.0, show_default=True,
                        callback=checked(check_time_limit),
                        help="Seconds per document before it is reported as 'timeout' (0: no limit).")(func)
    func = click.option("--language", default=None, metavar="CODE", callback=checked(check_language),
                        help="Force a language (en, de, hr, sv) instead of detecting it per document.")(func)
    func = click.option("--ocr", is_flag=True, help="OCR scanned PDF pages (needs Tesseract).")(func)
    return func


class Progress:
    """Documents done, rate and ETA on stderr; silent unless stderr is a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.2 and done < total):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        eta = (total - done) / rate if rate else 0
        sys.stderr.write(f"\r{done}/{total} documents · {rate:.1f}/s · ETA {eta:.0f} s   ")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _settings(ocr: bool, language: str | None, time_limit: float, cache_dir: Path | None = None,
              no_cache: bool = True):
    from .artefacts import default_cache_dir
    from .pipeline.settings import AuditSettings

    cache = None if no_cache else str(cache_dir or default_cache_dir())
    return AuditSettings(ocr=ocr, language=language, time_limit=time_limit or None, cache_dir=cache)


def method_options(func):
    """--method and --threshold, shared by scan, check, classify and evaluate."""
    func = click.option("--threshold", type=float, default=None, callback=checked(check_threshold),
                        help="Model score threshold, 0 to 1 (model: decision; hybrid: admit). "
                             "Default: the one chosen in training.")(func)
    func = click.option("--method", default=None, metavar="[" + "|".join(METHODS) + "]",
                        callback=checked(check_method),
                        help="Detection method. Default: the measured best (see README).")(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="syllabus-audit")
def cli():
    """Audit training-program documents for therapeutic-relationship skills."""


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format (csv with --output DIR writes programs.csv, documents.csv, evidence.csv).")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write to this file (a folder for --format csv) instead of standard output.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with columns path,program,doc_type (+ metadata); replaces discovery.")
@click.option("--group-by", "group_by", metavar="COLUMN", default=None,
              help="Compare groups of programs by a manifest metadata column.")
@click.option("--strict", is_flag=True, help="Exit with code 1 when any document is unreadable.")
@click.option("--jobs", "-j", type=int, default=None, callback=checked(check_jobs),
              help="Worker processes (default: the number of CPUs). Output is identical for any value.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Extraction cache folder (default: ~/.cache/syllabus-audit).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the extraction cache.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on an existing Dask cluster (e.g. tcp://host:8786); needs syllabus-audit[dask].")
@click.option("--decisions", "decision_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Reviewed sheet(s) from `review export`: reviewer decisions override the tool.")
@lexicon_option
@method_options
@reading_options
@one_line_errors
def scan(path: Path, fmt: str, output: Path | None, manifest: Path | None, group_by: str | None, strict: bool,
         jobs: int | None, cache_dir: Path | None, no_cache: bool, quiet: bool, scheduler: str | None,
         decision_files: tuple[Path, ...],
         lexicon_path: Path | None, method: str | None, threshold: float | None, ocr: bool,
         language: str | None, time_limit: float):
    """Audit a folder of programs (each subfolder is a program).

    Exit codes: 0 the scan completed (unreadable files are listed, not fatal),
    1 it could not complete (or --strict and a file was unreadable), 2 usage error.

    Example: syllabus-audit scan corpora/demo --format json -o audit.json
    """
    from .pipeline.api import audit
    from .report import render

    settings = _settings(ocr, language, time_limit, cache_dir, no_cache)
    if decision_files:
        from dataclasses import replace

        from .review.sheets import read_decisions_many

        settings = replace(settings, decisions=read_decisions_many(decision_files))
    if fmt == "jsonl" and not group_by and not strict and not scheduler:
        _stream_jsonl(path, output, manifest, lexicon_path, method, threshold, settings,
                      jobs or os.cpu_count() or 1, Progress(not quiet))
        return
    record = audit(path, manifest=manifest, lexicon=lexicon_path, method=method, threshold=threshold,
                   group_by=group_by, settings=settings,
                   jobs=jobs or os.cpu_count() or 1, progress=Progress(not quiet), scheduler=scheduler)
    if fmt == "csv" and output is not None:
        from .report.exports import write_csv_folder

        if output.exists() and not output.is_dir():
            raise click.ClickException(f"{output}: --format csv --output needs a folder")
        for written in write_csv_folder(record, output):
            click.echo(f"wrote {written}", err=True)
    else:
        _emit(render(fmt, record), output)
    if strict and record["summary"]["unreadable_documents"]:
        from .report.unreadable import strict_failure

        click.echo(f"Error: {strict_failure(record['summary']['unreadable_documents'])}", err=True)
        sys.exit(1)


def _stream_jsonl(path, output, manifest, lexicon_path, method, threshold, settings, jobs, progress) -> None:
    """Write one document per line as it is done (bounded memory)."""
    from .pipeline.api import stream_documents
    from .report.records import document_record

    try:
        out = sys.stdout if output is None else output.open("w", encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write output: {exc.strerror or exc}") from None
    try:
        for program, d in stream_documents(path, manifest, lexicon_path, method, threshold, settings, jobs, progress):
            out.write(json.dumps({"program": program, **document_record(d)}, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="Output format.")
@output_option
@click.option("--fail-on-missing", "fail_on", default=None, metavar="CATEGORIES",
              help="Comma-separated category ids (or 'all'): exit code 1 if any is missing.")
@lexicon_option
@method_options
@reading_options
@one_line_errors
def check(path: Path, fmt: str, output: Path | None, fail_on: str | None, lexicon_path: Path | None,
          method: str | None, threshold: float | None, ocr: bool, language: str | None, time_limit: float):
    """Check one syllabus (a file) or one program (a folder): which categories
    are present, with their best evidence and level, and which are missing,
    with a suggested learning outcome and assessment for each.

    Example: syllabus-audit check my-unit-outline.docx --fail-on-missing alliance,feedback
    """
    from .pipeline.aggregate import group_programs
    from .read.discover import walk_files
    from .rules.lexicon import load_lexicon
    from .pipeline.auditor import Auditor
    from .report.check import check_record, render_check
    from .report.records import audit_record
    from .types import SourceFile

    auditor = Auditor(load_lexicon(lexicon_path), method, threshold,
                      settings=_settings(ocr, language, time_limit))
    if path.is_dir():
        files = [SourceFile(path.name, p.relative_to(path).as_posix(), str(p)) for p in walk_files(path)]
    else:
        files = [SourceFile(path.name, path.name, str(path))]
    programs = group_programs(list(auditor.audit_files(files)))
    rec = check_record(audit_record(programs, auditor), auditor.lexicon)
    if not rec["readable_documents"]:  # unreadable is never "missing": say why, list no category
        from .report.unreadable import nothing_readable

        raise click.ClickException(nothing_readable(path, rec["unreadable_documents"]))
    required = _required_categories(fail_on, auditor.lexicon.category_ids)
    _emit(to_json(rec) if fmt == "json" else render_check(rec), output)
    missing = [m["category"] for m in rec["missing"] if m["category"] in required]
    if missing:
        click.echo(f"missing required categories: {', '.join(missing)}", err=True)
        sys.exit(1)


def _required_categories(spec: str | None, known) -> set[str]:
    if not spec:
        return set()
    if spec.strip() == "all":
        return set(known)
    wanted = {c.strip() for c in spec.split(",") if c.strip()}
    unknown = sorted(wanted - set(known))
    if unknown:
        raise click.BadParameter(f"unknown category {unknown[0]!r} (known: {', '.join(known)})",
                                 param_hint="--fail-on-missing")
    return wanted


@cli.command()
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--format", "fmt", type=click.Choice(("jsonl", "table")), default="jsonl",
              show_default=True, help="Output format.")
@output_option
@click.option("--language", default=None, metavar="CODE",
              help="Language of the passages (en, de, hr, sv; default en). Non-English uses the lexicon rules.")
@lexicon_option
@method_options
@one_line_errors
def classify(source, fmt: str, output: Path | None, language: str | None, lexicon_path: Path | None,
             method: str | None, threshold: float | None):
    """Classify passages, one per input line (FILE or - for standard input).

    Writes one JSON object per input line, in input order:
    {"text", "relationship", "score", "categories"}.
    """
    from .detect.classify import classify_lines, render_classify_table
    from .rules.lexicon import load_lexicon
    from .pipeline.auditor import Auditor

    lines = [line.rstrip("\r\n") for line in source]
    if language and language != "en" and lexicon_path is None:
        from .rules.lexicon import lexicon_for_language

        lexicon_path = lexicon_for_language(language)
        if lexicon_path is None:
            raise click.BadParameter(f"no lexicon for {language!r}", param_hint="--language")
        method = "lexicon"  # the classifier is English-only
    auditor = Auditor(load_lexicon(lexicon_path), method, threshold)
    results = classify_lines(auditor, lines)
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    else:
        text = render_classify_table(results)
    _emit(text, output)


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(("train", "dev", "test")), default=None,
              help="Evaluate only rows of this split (the bundled data: --split test).")
@click.option("--documents", "documents", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Score document verdicts instead: scan this folder and compare with GOLD, "
                                 "a document labels CSV (file,label[,program,doc_type,expected_status]).")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="Output format.")
@click.option("--errors/--no-errors", "show_errors", default=True, show_default=True,
              help="List the misclassified passages (table format).")
@output_option
@lexicon_option
@method_options
@one_line_errors
def evaluate(gold: Path, split: str | None, documents: Path | None, fmt: str, show_errors: bool,
             output: Path | None, lexicon_path: Path | None, method: str | None, threshold: float | None):
    """Measure a method against a gold CSV (columns as corpora/labelled/passages.csv):
    precision, recall, F1, Cohen's kappa and the confusion matrix, overall and
    per category, and the list of errors.

    With --documents FOLDER, GOLD holds document labels: the folder is scanned
    as `scan` would and each document's verdict is scored (accuracy, precision,
    recall, F1, kappa with a bootstrap interval, every wrong document with the
    evidence that decided it, and per-source no-reference shares against the
    truth when GOLD has program and doc_type columns).
    """
    if documents is not None:
        _evaluate_documents(gold, documents, fmt, show_errors, output, lexicon_path, method, threshold)
        return
    from .learn.evaluate import evaluate as run_evaluation
    from .learn.evaluate import render_evaluation
    from .learn.labelled import read_gold
    from .rules.lexicon import load_lexicon
    from .pipeline.auditor import Auditor

    auditor = Auditor(load_lexicon(lexicon_path), method, threshold)
    rows = read_gold(gold, auditor.lexicon.category_ids, require_split=split is not None)
    if split:
        rows = [r for r in rows if r.split == split]
    if not rows:
        raise click.ClickException(f"{gold}: no passages to evaluate" + (f" in split {split!r}" if split else ""))
    result = run_evaluation(auditor, rows, auditor.method, auditor.model, auditor.lexicon.category_ids, threshold)
    _emit(to_json(result) if fmt == "json" else render_evaluation(result, show_errors), output)


def _evaluate_documents(labels_path: Path, folder: Path, fmt: str, show_errors: bool, output: Path | None,
                        lexicon_path: Path | None, method: str | None, threshold: float | None) -> None:
    from .learn.document_eval import evaluate_documents, read_document_labels, render_document_evaluation
    from .pipeline.api import run_audit

    labels = read_document_labels(labels_path)
    programs, auditor = run_audit(folder, lexicon=lexicon_path, method=method, threshold=threshold,
                                  jobs=os.cpu_count() or 1)
    results = [d for p in programs for d in p.documents]
    result = evaluate_documents(results, labels, auditor.method)
    _emit(to_json(result) if fmt == "json" else render_document_evaluation(result, show_errors), output)


@cli.command()
@click.option("--data", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Labelled passages CSV (default: corpora/labelled/passages.csv).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model JSON to write (the .npz goes beside it). Default: the shipped model.")
@click.option("--extra", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Reviewed sheet(s) (review export + decisions) to add to the training data; needs --output.")
@click.option("--documents", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Labelled documents (labels.csv + files/) for the document thresholds "
                   "(default: corpora/documents).")
@lexicon_option
@one_line_errors
def train(data: Path | None, output: Path | None, extra: tuple[Path, ...], documents: Path | None,
          lexicon_path: Path | None):
    """Rebuild the passage classifier from the labelled corpus (deterministic).

    With --extra, reviewed passages are added (kept separate, recorded in the
    model) and the bundled test split is scored before and after.
    """
    from .models import default_model_path
    from .learn.labelled import default_labelled_path
    from .rules.lexicon import load_lexicon
    from .pipeline.auditor import Auditor
    from .learn.train import train as run_training

    data = data or default_labelled_path()
    if not data.is_file():
        raise click.ClickException(f"{data}: labelled data not found (give --data)")
    if extra and output is None:
        raise click.UsageError("--extra needs --output (the shipped model is rebuilt from bundled data only)")
    out = output or default_model_path()
    from .learn.train import default_documents_path

    docs = documents or default_documents_path()
    if not (docs / "labels.csv").is_file():
        if documents is not None:
            raise click.ClickException(f"{documents}: no labels.csv (a labelled document set has labels.csv and files/)")
        docs = None
    meta = run_training(Auditor(load_lexicon(lexicon_path), method="lexicon"), data, out, list(extra), docs)
    click.echo(f"wrote {out} and {out.with_suffix('.npz').name}: default method {meta['default_method']}, "
               f"thresholds {meta['thresholds']}")
    cv = meta["cv_metrics"]
    for m in METHODS:
        click.echo(f"  cross-validated {m:<8} F1 {cv[m]['f1']:.3f}  kappa {cv[m]['kappa']:.3f}")
    click.echo(f"  cross-validated category macro-F1 {cv['category_macro_f1']:.3f}")
    for m, d in meta.get("document_cv_metrics", {}).items():
        click.echo(f"  documents, cross-validated {m:<8} accuracy {d['accuracy']:.3f}  F1 {d['f1']:.3f}  "
                   f"kappa {d['kappa']:.3f}")
    if extra:
        _before_after(data, out, lexicon_path, meta["default_method"])


def _before_after(data: Path, new_model: Path, lexicon_path: Path | None, method: str) -> None:
    """Score the bundled test split with the shipped model and with the new one."""
    from .learn.evaluate import evaluate as run_evaluation
    from .learn.labelled import read_gold
    from .rules.lexicon import load_lexicon
    from .pipeline.auditor import Auditor

    lexicon = load_lexicon(lexicon_path)
    rows = [r for r in read_gold(data, lexicon.category_ids) if r.split == "test"]
    for label, model_path in (("before (shipped)", None), ("after (with --extra)", str(new_model))):
        auditor = Auditor(lexicon, method, model_path=model_path)
        r = run_evaluation(auditor, rows, method, auditor.model, lexicon.category_ids)
        b = r["binary"]
        click.echo(f"  test split {label:<21} P {b['precision']:.3f}  R {b['recall']:.3f}  "
                   f"F1 {b['f1']:.3f}  kappa {b['kappa']:.3f}  macro-F1 {r['macro_f1']:.3f}")


@cli.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@output_option
@one_line_errors
def diff(old: Path, new: Path, fmt: str, output: Path | None):
    """Compare two `scan --format json` outputs: programs that gained or lost
    references, per source and category."""
    from .report.diff import diff_records, render_diff

    records = []
    for path in (old, new):
        try:
            records.append(json.loads(path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise click.ClickException(f"{path}: not a JSON file: {exc}") from None
        if not isinstance(records[-1], dict) or "programs" not in records[-1]:
            raise click.ClickException(f"{path}: not a syllabus-audit scan JSON (no 'programs')")
    d = diff_records(*records)
    _emit(to_json(d) if fmt == "json" else render_diff(d), output)


def _register_review_commands() -> None:
    from .review.cli import agreement, review

    cli.add_command(review)
    cli.add_command(agreement)


_register_review_commands()


@cli.group()
def lexicon():
    """Inspect and validate lexicons."""


@lexicon.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@one_line_errors
def lexicon_check(path: Path | None):
    """Validate a lexicon and run its own examples through the detector.

    Exit code 1 when the file is invalid or an example is misclassified.
    """
    from .rules.lexicon import load_lexicon
    from .rules.lexicon_check import run_examples

    lex = load_lexicon(path)
    failures = run_examples(lex)
    n = sum(len(c.positive_examples) + len(c.negative_examples) for c in lex.categories)
    click.echo(f"{lex.source}: version {lex.version}, {len(lex.categories)} categories, "
               f"{sum(len(c.terms) for c in lex.categories)} terms, {n} examples")
    for f in failures:
        click.echo(f"  FAIL {f}")
    if failures:
        sys.exit(1)
