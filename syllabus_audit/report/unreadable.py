"""One-line summaries of unreadable documents for CLI errors."""

from __future__ import annotations

from pathlib import Path

from .words import plural

SHOWN = 3  # documents named in one line; the rest are counted


def _listing(unreadable: list[dict]) -> str:
    shown = [f"{u['path']} [{u['status']}]" for u in unreadable[:SHOWN]]
    if len(unreadable) > SHOWN:
        shown.append(f"and {len(unreadable) - SHOWN} more")
    return ", ".join(shown)


def nothing_readable(path: Path, unreadable: list[dict]) -> str:
    """Why ``check`` can say nothing about ``path``, in one line."""
    if not unreadable:
        what = "the folder holds no documents" if path.is_dir() else "nothing to read"
        return f"{path}: no readable document found: {what}"
    if len(unreadable) == 1:
        u = unreadable[0]
        return f"{path}: no readable document found: {u['path']} is {u['status']} ({u['reason']})"
    return (f"{path}: no readable document found: {plural(len(unreadable), 'document')} unreadable: "
            f"{_listing(unreadable)}")


def strict_failure(unreadable: list[dict]) -> str:
    """The ``scan --strict`` failure, in one line naming the files and their statuses."""
    return f"--strict: {plural(len(unreadable), 'unreadable document')}: {_listing(unreadable)}"
