"""Argument checks shared by the CLI and the Python API, so both refuse the
same values with the same words.

The CLI reports a problem as ``Error: Invalid value for '--threshold': 5 is
not between 0 and 1`` (usage error, exit code 2); ``syllabus_audit.audit``
raises :class:`ArgumentError` (a ``ValueError``) with the message
``Invalid value for 'threshold': 5 is not between 0 and 1``.
"""

from __future__ import annotations

import os
from numbers import Integral, Real
from pathlib import Path

from .errors import InputError

METHODS = ("lexicon", "model", "hybrid")


class ArgumentError(InputError, ValueError):
    """An argument the CLI would refuse as a usage error."""

    def __init__(self, argument: str, option: str, problem: str):
        self.argument, self.option, self.problem = argument, option, problem
        super().__init__(f"Invalid value for {argument!r}: {problem}")


def check_method(value: object) -> str | None:
    if value is None or value in METHODS:
        return value  # type: ignore[return-value]
    raise ArgumentError("method", "--method", f"{value!r} is not one of {', '.join(METHODS)}")


def check_threshold(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ArgumentError("threshold", "--threshold", f"{value!r} is not a number")
    if not 0 <= value <= 1:  # also refuses NaN
        raise ArgumentError("threshold", "--threshold", f"{value:g} is not between 0 and 1")
    return float(value)


def check_jobs(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ArgumentError("jobs", "--jobs", f"{value!r} is not a whole number")
    if value < 1:
        raise ArgumentError("jobs", "--jobs", f"{value!r} is less than 1")
    return int(value)


def check_language(value: object) -> str | None:
    from .rules.lexicon import shipped_languages

    if value is None or value in shipped_languages():
        return value  # type: ignore[return-value]
    raise ArgumentError("language", "--language",
                        f"no lexicon for {value!r} (shipped: {', '.join(shipped_languages())})")


def check_time_limit(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ArgumentError("time_limit", "--time-limit", f"{value!r} is not a number of seconds")
    if not value >= 0:
        raise ArgumentError("time_limit", "--time-limit", f"{value:g} is not 0 or more")
    return float(value)


def check_group_by(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ArgumentError("group_by", "--group-by", f"{value!r} is not a column name")
    return value


def check_group_column(value: str, columns: set[str]) -> None:
    """``value`` must be a metadata column of the manifest (known after discovery)."""
    if value not in columns:
        known = f" (manifest columns: {', '.join(sorted(columns))})" if columns else \
            " (give a manifest with that column)"
        raise ArgumentError("group_by", "--group-by", f"{value!r}: no such metadata column{known}")


def _check_path(value: object, argument: str, option: str, *, must_exist: bool, dir_ok: bool = True) -> None:
    if value is None:
        return
    if not isinstance(value, (str, os.PathLike)):
        raise ArgumentError(argument, option, f"{value!r} is not a path")
    path = Path(value)
    if must_exist and not path.exists():
        raise ArgumentError(argument, option, f"path {str(path)!r} does not exist")
    if not dir_ok and path.is_dir():
        raise ArgumentError(argument, option, f"{str(path)!r} is a folder, not a file")


def check_settings(settings: object) -> None:
    from .pipeline.settings import AuditSettings

    if settings is None:
        return
    if not isinstance(settings, AuditSettings):
        raise ArgumentError("settings", "settings", f"{settings!r} is not an AuditSettings")
    check_language(settings.language)
    check_time_limit(settings.time_limit)
    if not isinstance(settings.ocr, bool):
        raise ArgumentError("settings.ocr", "--ocr", f"{settings.ocr!r} is not True or False")
    if settings.decisions is not None and not isinstance(settings.decisions, dict):
        raise ArgumentError("settings.decisions", "--decisions",
                            "not reviewer decisions (read them with review.sheets.read_decisions_many)")
    _check_path(settings.cache_dir, "settings.cache_dir", "--cache-dir", must_exist=False)


def check_audit_arguments(path: object, manifest: object = None, lexicon: object = None, method: object = None,
                          threshold: object = None, group_by: object = None, settings: object = None,
                          jobs: object = 1, progress: object = None, scheduler: object = None) -> None:
    """Refuse what the CLI refuses, before anything is loaded or read."""
    if path is None:
        raise ArgumentError("path", "PATH", "a file or folder is required")
    _check_path(path, "path", "PATH", must_exist=True)
    _check_path(manifest, "manifest", "--manifest", must_exist=True, dir_ok=False)
    _check_path(lexicon, "lexicon", "--lexicon", must_exist=False, dir_ok=False)
    check_method(method)
    check_threshold(threshold)
    check_group_by(group_by)
    check_settings(settings)
    check_jobs(jobs)
    if progress is not None and not callable(progress):
        raise ArgumentError("progress", "progress", f"{progress!r} is not callable")
    if scheduler is not None and not isinstance(scheduler, str) and not hasattr(scheduler, "map"):
        raise ArgumentError("scheduler", "--scheduler",
                            f"{scheduler!r} is not a scheduler address or a distributed.Client")
