"""One-line errors at the CLI edge, shared by every command module."""

from __future__ import annotations

import functools
import os

import click

from .arguments import ArgumentError
from .errors import SyllabusAuditError


def checked(check):
    """A click callback running one of ``arguments.check_*`` (None passes):
    the CLI refuses a value with the same words as the Python API."""

    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is None:
            return None
        try:
            check(value)
        except ArgumentError as exc:
            raise click.BadParameter(exc.problem, ctx=ctx, param=param) from None
        return value

    return callback


def one_line_errors(func):
    """Turn library errors into ``Error: <one line>`` and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ArgumentError as exc:  # found only once the input is read (e.g. a --group-by column)
            raise click.BadParameter(exc.problem, param_hint=f"'{exc.option}'") from None
        except SyllabusAuditError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: still one line; SYLLABUS_AUDIT_DEBUG=1 shows the traceback
            if os.environ.get("SYLLABUS_AUDIT_DEBUG"):
                raise
            raise click.ClickException(f"internal error: {type(exc).__name__}: {exc} "
                                       "(set SYLLABUS_AUDIT_DEBUG=1 for details)") from None

    return wrapper
