"""Labelled passages (CSV): reading and validating gold files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import SyllabusAuditError

GOLD_COLUMNS = ("text", "label", "categories", "hard_negative", "doc_type", "style", "split")
SPLITS = ("train", "dev", "test")


class GoldFileError(SyllabusAuditError):
    """A gold / labelled CSV is malformed (file, row and column named)."""


@dataclass(frozen=True, slots=True)
class LabelledPassage:
    text: str
    label: int
    categories: tuple[str, ...]
    split: str
    hard_negative: bool = False
    row: int = 0
    group: str = ""


def default_labelled_path() -> Path:
    """corpora/labelled/passages.csv in a source checkout."""
    return Path(__file__).resolve().parents[2] / "corpora" / "labelled" / "passages.csv"


def read_gold(path: str | Path, category_ids, require_split: bool = False) -> list[LabelledPassage]:
    """Read a gold CSV (columns as the bundled labelled data; only ``text`` and
    ``label`` are required). Errors name the file, row and column."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            needed = ("text", "label") + (("split",) if require_split else ())
            missing = [c for c in needed if c not in header]
            if missing:
                raise GoldFileError(f"{path}: missing column {missing[0]!r} (need at least {', '.join(needed)})")
            return [_row(path, i, r, set(category_ids)) for i, r in enumerate(reader, start=2)]
    except OSError as exc:
        raise GoldFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise GoldFileError(f"{path}: not a readable UTF-8 CSV file: {exc}") from None


def _row(path: Path, line: int, r: dict, known: set[str]) -> LabelledPassage:
    if None in r:
        raise GoldFileError(f"{path}: row {line}: more fields than the header has columns")
    label = (r.get("label") or "").strip().lower()
    if label not in ("0", "1", "true", "false", "yes", "no"):
        raise GoldFileError(f"{path}: row {line}, column 'label': {r.get('label')!r} is not 0 or 1")
    cats = tuple(c.strip() for c in (r.get("categories") or "").split(";") if c.strip())
    unknown = [c for c in cats if c not in known]
    if unknown:
        raise GoldFileError(f"{path}: row {line}, column 'categories': unknown category {unknown[0]!r}")
    split = (r.get("split") or "").strip()
    if split and split not in SPLITS:
        raise GoldFileError(f"{path}: row {line}, column 'split': {split!r} is not one of {', '.join(SPLITS)}")
    return LabelledPassage(text=r.get("text") or "", label=int(label in ("1", "true", "yes")),
                           categories=cats, split=split,
                           hard_negative=(r.get("hard_negative") or "").strip() in ("1", "true"), row=line,
                           group=(r.get("group") or "").strip() or f"row{line}")
