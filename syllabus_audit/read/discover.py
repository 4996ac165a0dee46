"""Corpus discovery: a folder of programs -> the files to audit.

The scanned root's immediate subfolders are programs (files inside are found
recursively); a loose file in the root is a program of its own, named after
the file. Hidden files, editor lock files and OS clutter are skipped and
symlink loops are safe; a symlink leading outside the scanned folder is
refused. A ``manifest.csv`` at the root (or ``--manifest``) with columns
``path,program,doc_type`` (plus any metadata columns) replaces discovery; a
row whose path leads outside the scanned folder is refused.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from ..errors import InputError, ManifestError
from ..types import DOC_TYPES, SourceFile

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("path", "program", "doc_type")
_CLUTTER = {".ds_store", "thumbs.db", "desktop.ini", "icon\r"}


def _skipped(name: str) -> bool:
    low = name.lower()
    return name.startswith((".", "~$", "~lock.")) or low in _CLUTTER or low.endswith(("~", ".tmp"))


def walk_files(folder: Path, root: Path | None = None) -> list[Path]:
    """All non-skipped files below ``folder``, following symlinks once.

    A symlink (to a file or a folder) that leads outside ``root`` (default:
    ``folder``) is refused with an ``InputError`` naming it."""
    inside = os.path.realpath(root if root is not None else folder)
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        _check_inside(Path(dirpath), inside)
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop or a second link
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not _skipped(d))
        files = [Path(dirpath, f) for f in sorted(filenames) if not _skipped(f)]
        for f in files:
            _check_inside(f, inside)
        found += files
    return found


def _is_inside(path: str | os.PathLike, inside: str, resolve: bool = True) -> bool:
    """Whether ``path`` (its real path, or only its normalised spelling) lies in ``inside``."""
    where = os.path.realpath(path) if resolve else os.path.normpath(path)
    return where == inside or where.startswith(inside.rstrip(os.sep) + os.sep)


def _check_inside(path: Path, inside: str) -> None:
    if not _is_inside(path, inside):
        raise InputError(f"{path}: symlink leads outside the scanned folder (to {os.path.realpath(path)}); refused")


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def discover(root: str | os.PathLike, manifest: str | os.PathLike | None = None) -> list[SourceFile]:
    """Files to audit under ``root``, sorted by program then path."""
    root = Path(root)
    if not root.exists():
        raise InputError(f"{root}: no such file or folder")
    if root.is_file():
        return [SourceFile(root.name, root.name, str(root))]
    if manifest is None and (root / MANIFEST_NAME).is_file():
        manifest = root / MANIFEST_NAME
    if manifest is not None:
        files = read_manifest(Path(manifest), root)
        if not files:
            raise ManifestError(f"{manifest}: the manifest lists no documents")
        return files
    files: list[SourceFile] = []
    inside = os.path.realpath(root)
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if _skipped(entry.name):
            continue
        _check_inside(entry, inside)
        if entry.is_dir():
            files += [SourceFile(entry.name, _rel(p, root), str(p)) for p in walk_files(entry, root)]
        elif entry.is_file():
            files.append(SourceFile(entry.name, entry.name, str(entry)))
    if not files:
        raise InputError(f"{root}: no documents found (the folder is empty or holds only hidden, "
                         "temporary or system files)")
    return sorted(files, key=lambda f: (f.program_id, f.path))


def read_manifest(path: Path, root: Path) -> list[SourceFile]:
    """Read a manifest CSV; errors name the file, row and column."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in MANIFEST_COLUMNS if c not in header]
            if missing:
                raise ManifestError(f"{path}: missing column {missing[0]!r} (need {', '.join(MANIFEST_COLUMNS)})")
            extra = [c for c in header if c not in MANIFEST_COLUMNS]
            files = [_manifest_row(path, root, i, row, extra) for i, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: not a readable UTF-8 CSV file: {exc}") from None
    return sorted(files, key=lambda f: (f.program_id, f.path))


def _manifest_row(path: Path, root: Path, line: int, row: dict, extra: list[str]) -> SourceFile:
    if None in row:
        raise ManifestError(f"{path}: row {line}: more fields than the header has columns")
    rel = (row.get("path") or "").strip().replace("\\", "/")
    program = (row.get("program") or "").strip()
    doc_type = (row.get("doc_type") or "").strip() or None
    if not rel:
        raise ManifestError(f"{path}: row {line}, column 'path': empty")
    if not program:
        raise ManifestError(f"{path}: row {line}, column 'program': empty")
    if doc_type is not None and doc_type not in DOC_TYPES:
        raise ManifestError(f"{path}: row {line}, column 'doc_type': {doc_type!r} is not one of {', '.join(DOC_TYPES)}")
    meta = tuple((k, (row.get(k) or "").strip()) for k in extra)
    target = root / rel
    inside = os.path.realpath(root)
    if not _is_inside(target, inside):
        lexically_inside = _is_inside(os.path.join(inside, rel), inside, resolve=False)
        how = "is a symlink that leads" if lexically_inside else "leads"
        raise ManifestError(f"{path}: row {line}, column 'path': {rel!r} {how} outside the scanned folder {root}")
    return SourceFile(program, rel, str(target), doc_type, meta)
