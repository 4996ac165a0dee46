"""Content digests of files: what the result cache, review sheets and training records key on."""

from __future__ import annotations

import hashlib
import os


def file_sha256(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in chunks (bounded memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def file_digest_or_dash(path: str | os.PathLike) -> str:
    """``file_sha256``, or ``-`` when there is no such file."""
    return file_sha256(path) if os.path.isfile(path) else "-"
