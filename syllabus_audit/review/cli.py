"""Command line: ``syllabus-audit review export`` and ``syllabus-audit agreement``.

Registered by ``cli.py`` with ``cli.add_command(review); cli.add_command(agreement)``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ..cli_errors import one_line_errors


def _load_audit(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"{path}: not a JSON file: {str(exc).splitlines()[0]}") from None
    if not isinstance(record, dict) or not isinstance(record.get("programs"), list):
        raise click.ClickException(f"{path}: not a syllabus-audit scan JSON (no 'programs')")
    return record


review = click.Group("review", help="Human review: export a review sheet of candidate passages "
                                    "(then: scan --decisions SHEET, syllabus-audit agreement SHEET).")


@review.command("export")
@click.argument("audit_json", metavar="AUDIT.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The review sheet (CSV) to write.")
@click.option("--sample-negatives", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also add N random passages the tool found nothing in (needs --corpus).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the negative sample.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The folder that was scanned (to draw the negative sample from).")
@click.option("--bom", is_flag=True, help="Start the file with a UTF-8 BOM (for Excel).")
@click.option("--lexicon", "lexicon_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The lexicon the scan used, if not the shipped one (for --sample-negatives).")
@one_line_errors
def export(audit_json: Path, output: Path, sample_negatives: int, seed: int, corpus: Path | None, bom: bool,
           lexicon_path: Path | None):
    """Write a review sheet: one row per candidate passage of a scan
    (counted hits and near-misses), plus a seeded sample of passages with no
    candidate. Reviewers fill in decision (yes/no), categories (ids joined
    with ;) and note.

    Example: syllabus-audit review export audit.json -o sheet.csv --corpus corpora/demo --sample-negatives 50
    """
    from .sheets import export_sheet, write_sheet

    record = _load_audit(audit_json)
    auditor = None
    if sample_negatives and corpus is not None:
        from ..rules.lexicon import load_lexicon
        from ..pipeline.auditor import Auditor

        auditor = Auditor(load_lexicon(lexicon_path), method="lexicon")
    rows = export_sheet(record, sample_negatives=sample_negatives, seed=seed, corpus=corpus, auditor=auditor)
    write_sheet(rows, output, bom=bom)
    flagged = sum(r["tool_decision"] == "yes" for r in rows)
    negatives = sum(r["tool_rule"].startswith("no candidate") for r in rows)
    click.echo(f"wrote {output}: {len(rows)} passages ({flagged} counted by the tool, "
               f"{len(rows) - flagged - negatives} near-misses, {negatives} sampled without a candidate)",
               err=True)


@click.command("agreement")
@click.argument("sheets", nargs=-1, required=True, metavar="SHEET.csv [SHEET2.csv ...]",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@click.option("--audit", "audit_json", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The scan JSON the sheets came from: program-per-source level and corrected shares.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap.")
@one_line_errors
def agreement(sheets: tuple[Path, ...], fmt: str, audit_json: Path | None, output: Path | None, seed: int):
    """Agreement of the tool and reviewers (one sheet per reviewer): percent
    agreement, Cohen's kappa with a bootstrap 95% interval and Krippendorff's
    alpha at passage, category and program-per-source level; the tool's
    precision and estimated recall; the corrected no-reference share.
    """
    from ..report.json_text import to_json
    from .agreement import agreement_report, render_agreement

    audit = _load_audit(audit_json) if audit_json else None
    rep = agreement_report(list(sheets), audit, seed=seed)
    text = to_json(rep) if fmt == "json" else render_agreement(rep)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
