"""Build-once artefacts: tables derived from the lexicons, the lookup tables
and the language model, stored in the cache folder so that a process loads
them in milliseconds instead of rebuilding them at every start.

Each artefact is keyed by a digest of everything it is derived from (its
inputs as given by the caller, e.g. a lexicon's content digest, plus the
source of the modules that compute it), so an edited lexicon or a new
version of that code simply finds no stored artefact and builds a new one;
stale files are never read, and only the ``KEEP_PER_KIND`` most recently used
of each kind are kept (``prune``). They are stored as msgpack (spaCy's
``srsly``), JSON or ``.npy`` without pickle: loading one cannot run code.

Where: ``artefacts`` in the user's cache folder (``~/.cache/syllabus-audit``,
``$XDG_CACHE_HOME``), whatever ``--cache-dir`` a scan uses for its documents:
they depend on the code and lexicons, not on the documents, so a scan with a
new document cache must not rebuild them (the Swedish lemma tables take
seconds). When that folder cannot be written, ``<--cache-dir>/artefacts`` is
used instead. ``--no-cache`` turns off the document cache only: these are
compiled tables, like Python's ``__pycache__``. ``SYLLABUS_AUDIT_ARTEFACTS=off``
builds everything in memory (nothing read or written), e.g. to measure a
first run. With no writable folder it is the same as ``off``; a damaged file
is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

FORMAT = 1  # bump when the layout of an artefact changes without a code change (never, so far)

_fallback: Path | None = None  # set by ``use_folder`` (a scan's --cache-dir)


def use_folder(cache_dir: str | os.PathLike | None) -> None:
    """Also look under ``cache_dir``, and store there when the user's cache
    folder cannot be written (None: only the user's cache folder)."""
    global _fallback
    _fallback = Path(cache_dir) / "artefacts" if cache_dir else None


def folders() -> list[Path]:
    """The artefact folders, in order of preference (none when turned off)."""
    if os.environ.get("SYLLABUS_AUDIT_ARTEFACTS", "").lower() in ("off", "0", "no"):
        return []
    found = [default_cache_dir() / "artefacts"]
    if _fallback is not None and _fallback != found[0]:
        found.append(_fallback)
    return found


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/syllabus-audit`` (default ``~/.cache/syllabus-audit``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "syllabus-audit"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of this package's Python source (every module): cached results
    and keys are never reused by different code (no version constant to forget
    to bump)."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(path.relative_to(Path(__file__).parent).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def folder() -> Path | None:
    """The preferred artefact folder, or None when artefacts are turned off."""
    found = folders()
    return found[0] if found else None


def digest(*parts, code: tuple[str, ...] = ()) -> str:
    """The key of an artefact: its inputs, the artefact format and the source
    of the modules it is computed by (``code``: paths relative to the
    package; this module is always included). Only those modules, not the
    whole package: any other edit would otherwise throw away tables that take
    seconds to build (the Swedish lemma tables) although they cannot change."""
    text = json.dumps([FORMAT, source_digest(("artefacts.py", *code)), *parts], ensure_ascii=False,
                      sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def source_digest(files: tuple[str, ...]) -> str:
    """A digest of some of this package's source files."""
    base = Path(__file__).parent
    h = hashlib.sha256()
    for name in sorted(set(files)):
        h.update(name.encode("utf-8") + b"\0" + (base / name).read_bytes())
    return h.hexdigest()[:16]


def _write_atomically(kind: str, name: str, write: Callable[[Path], None]) -> None:
    """Write through a temporary file and rename (so a concurrent reader, or
    a killed writer, never sees half a file), in the first folder that can
    be written; then ``prune`` the artefacts of that kind there."""
    for base in folders():
        path = base / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
            os.close(fd)
            try:
                write(Path(tmp))
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            prune(base, kind)
            return
        except OSError:
            continue  # not writable: the next folder; else rebuilt next time, results unaffected


def load_or_build(kind: str, key: str, build: Callable[[], object], fmt: str = "msgpack"):
    """The artefact ``kind`` with ``key``, built by ``build()`` (a value of
    dicts, lists, strings and numbers) when it is not stored yet. ``fmt``:
    ``msgpack`` (srsly; fastest for the large lemma tables) or ``json`` (the
    standard library: for an artefact a warm re-scan needs, which then never
    imports srsly and, through it, numpy)."""
    if fmt == "json":
        loads = lambda raw: json.loads(raw.decode("utf-8"))  # noqa: E731
        dumps = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")  # noqa: E731
    else:
        import srsly

        loads = lambda raw: srsly.msgpack_loads(raw, use_list=True)  # noqa: E731
        dumps = srsly.msgpack_dumps
    name = f"{kind}-{key}.{fmt}"
    for base in folders():
        try:
            value = loads((base / name).read_bytes())
        except (OSError, ValueError, TypeError):
            continue  # missing or damaged: look further, then build it
        _used(base / name)
        return value
    value = build()
    _write_atomically(kind, name, lambda tmp: tmp.write_bytes(dumps(value)))
    return value


def load_or_build_arrays(kind: str, key: str, build: Callable[[], dict]) -> dict:
    """The same for a dict of numpy arrays, stored as one ``.npy`` file each
    in a folder and memory-mapped read-only (``allow_pickle=False``: object
    arrays are refused): a large table costs nothing until its pages are
    read, and forked workers share them."""
    import numpy as np

    for base in folders():
        path = base / f"{kind}-{key}"
        if (path / "complete").is_file():
            try:
                names = (path / "complete").read_text(encoding="utf-8").split()
                arrays = {name: np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in names}
            except (OSError, ValueError):
                continue
            _used(path)
            return arrays
    arrays = build()
    for base in folders():
        path = base / f"{kind}-{key}"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=path.name, suffix=".tmp", dir=path.parent))
            for name, array in arrays.items():
                np.save(tmp / f"{name}.npy", array, allow_pickle=False)
            # written last: a folder without it is incomplete and never read
            (tmp / "complete").write_text(" ".join(arrays), encoding="utf-8")
            try:
                os.rename(tmp, path)
            except OSError:  # another process stored it first
                import shutil

                shutil.rmtree(tmp, ignore_errors=True)
            prune(base, kind)
            break
        except OSError:
            continue
    return arrays


# Artefacts are keyed by the code that computes them, so every upgrade (or,
# for a developer, every edit of that code) leaves the old ones behind: a
# language model's arrays alone take 66 MB. After storing an artefact, only
# the most recently used of its kind are kept.
KEEP_PER_KIND = 4


def _used(path: Path) -> None:
    """Mark an artefact as used now (its modification time), so ``prune``
    keeps the ones in use."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only folder: nothing is pruned there either


def prune(base: Path, kind: str, keep: int = KEEP_PER_KIND) -> list[Path]:
    """Delete all but the ``keep`` most recently used artefacts of ``kind``
    in ``base``; returns what was deleted. A process that still reads one
    just built it again (a missing artefact is rebuilt), and a memory-mapped
    one stays readable after it is deleted."""
    import re
    import shutil

    name = re.compile(re.escape(kind) + r"-[0-9a-f]{32}(\.(msgpack|json))?")
    found = []
    try:
        for entry in os.scandir(base):
            if name.fullmatch(entry.name):
                try:
                    found.append((entry.stat().st_mtime, entry.name))
                except OSError:
                    continue
    except OSError:
        return []
    deleted = []
    for _, stale in sorted(found, reverse=True)[keep:]:
        path = base / stale
        try:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
            deleted.append(path)
        except OSError:
            continue
    return deleted
