"""syllabus-audit: audit training-program documents for therapeutic-relationship skills.

Python API::

    import syllabus_audit
    result = syllabus_audit.audit("corpora/demo")   # same data as `scan --format json`
"""

from .version import __version__

__all__ = ["__version__", "audit", "load_lexicon"]


def __getattr__(name):
    # Lazy: importing the package (e.g. for --help) must not load spaCy.
    if name == "audit":
        from .pipeline.api import audit

        return audit
    if name == "load_lexicon":
        from .rules.lexicon import load_lexicon

        return load_lexicon
    raise AttributeError(name)
