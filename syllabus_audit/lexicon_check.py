"""Run a lexicon's own examples through the detector (the lexicon checks itself)."""

from __future__ import annotations

from .lexicon import Lexicon
from .types import COUNTED


def run_examples(lexicon: Lexicon) -> list[str]:
    """Descriptions of the examples the detector gets wrong (empty = all pass)."""
    from .pipeline import Auditor

    auditor = Auditor(lexicon)
    failures = []
    for cat in lexicon.categories:
        for text in cat.positive_examples:
            found = {h.category for h in auditor.detect_text(text) if h.status == COUNTED}
            if cat.id not in found:
                failures.append(f"{cat.id}: positive example not detected: {text!r}")
        for text in cat.negative_examples:
            found = {h.category for h in auditor.detect_text(text) if h.status == COUNTED}
            if found:
                failures.append(f"{cat.id}: negative example counted as {', '.join(sorted(found))}: {text!r}")
    return failures
