"""CSV output for ``scan``: one row per document (stable, documented columns)."""

from __future__ import annotations

import csv
import io

DOCUMENT_COLUMNS = ("program", "path", "doc_type", "doc_type_reason", "status", "reason",
                    "mentions", "categories", "counted_hits")


def _flag(v: bool | None) -> str:
    return "" if v is None else ("true" if v else "false")


def render_documents_csv(record: dict) -> str:
    """Documents of an audit record as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DOCUMENT_COLUMNS)
    for p in record["programs"]:
        for d in p["documents"]:
            counted = sum(1 for e in d["evidence"] if e["status"] == "counted")
            writer.writerow([p["id"], d["path"], d["doc_type"], d["doc_type_reason"], d["status"],
                             d["reason"], _flag(d["mentions"]), ";".join(d["categories"]), counted])
    return out.getvalue()
