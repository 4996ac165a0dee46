"""Command line: ``syllabus-audit scan | check | lexicon``.

Errors the user can act on are one line on stderr with a non-zero exit code;
unreadable documents are reported in the output, never raised.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import SyllabusAuditError

FORMATS = ("table", "json", "csv")


def one_line_errors(func):
    """Turn library errors into ``Error: <one line>`` and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except SyllabusAuditError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None

    return wrapper


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write output: {exc.strerror or exc}") from None


def to_json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


lexicon_option = click.option(
    "--lexicon", "lexicon_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Lexicon YAML to use instead of the shipped one.")
output_option = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="syllabus-audit")
def cli():
    """Audit training-program documents for therapeutic-relationship skills."""


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@output_option
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with columns path,program,doc_type (+ metadata); replaces discovery.")
@lexicon_option
@one_line_errors
def scan(path: Path, fmt: str, output: Path | None, manifest: Path | None, lexicon_path: Path | None):
    """Audit a folder of programs (each subfolder is a program).

    Example: syllabus-audit scan corpora/demo --format json -o audit.json
    """
    from .pipeline import audit

    record = audit(path, manifest=manifest, lexicon=lexicon_path)
    if fmt == "json":
        text = to_json(record)
    elif fmt == "csv":
        from .report.documents_csv import render_documents_csv

        text = render_documents_csv(record)
    else:
        from .report.table import render_table

        text = render_table(record)
    _emit(text, output)


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="Output format.")
@output_option
@lexicon_option
@one_line_errors
def check(path: Path, fmt: str, output: Path | None, lexicon_path: Path | None):
    """Check one syllabus (a file) or one program (a folder): which categories
    are present, with evidence, and which are missing.

    Example: syllabus-audit check my-unit-outline.docx
    """
    from .lexicon import load_lexicon
    from .pipeline import Auditor, group_programs
    from .discover import walk_files
    from .report.check import check_record, render_check
    from .report.records import audit_record
    from .types import SourceFile

    lexicon = load_lexicon(lexicon_path)
    if path.is_dir():
        files = [SourceFile(path.name, p.relative_to(path).as_posix(), str(p)) for p in walk_files(path)]
    else:
        files = [SourceFile(path.name, path.name, str(path))]
    auditor = Auditor(lexicon)
    programs = group_programs(list(auditor.audit_files(files)))
    rec = check_record(audit_record(programs, lexicon), lexicon)
    _emit(to_json(rec) if fmt == "json" else render_check(rec), output)


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
    from .lexicon_check import run_examples
    from .lexicon import load_lexicon

    lex = load_lexicon(path)
    failures = run_examples(lex)
    n = sum(len(c.positive_examples) + len(c.negative_examples) for c in lex.categories)
    click.echo(f"{lex.source}: version {lex.version}, {len(lex.categories)} categories, "
               f"{sum(len(c.terms) for c in lex.categories)} terms, {n} examples")
    for f in failures:
        click.echo(f"  FAIL {f}")
    if failures:
        sys.exit(1)


def main() -> None:  # pragma: no cover - console entry point
    cli()
