"""Errors that reach the user as one line (the CLI prints ``str(error)``)."""


class SyllabusAuditError(Exception):
    """Base class: a problem the user can act on, described in one line."""


class LexiconError(SyllabusAuditError):
    """The lexicon file is unreadable or invalid (file and entry named)."""


class ManifestError(SyllabusAuditError):
    """The manifest CSV is unreadable or invalid (file, row and column named)."""


class InputError(SyllabusAuditError):
    """A path given on the command line cannot be used."""
