"""Run a lexicon's own examples through the detector (the lexicon checks itself)."""

from __future__ import annotations

from .lexicon import Lexicon


def run_examples(lexicon: Lexicon, auditor=None) -> list[str]:
    """Descriptions of the examples the lexicon rules (or, given an auditor,
    its method) get wrong; empty when all pass."""
    from ..detect.classify import classify_lines
    from ..pipeline.auditor import Auditor

    auditor = auditor or Auditor(lexicon, method="lexicon")
    failures = []
    for cat in lexicon.categories:
        for text in cat.positive_examples:
            found = set(classify_lines(auditor, [text])[0]["categories"])
            if cat.id not in found:
                failures.append(f"{cat.id}: positive example not detected: {text!r}")
        for text in cat.negative_examples:
            found = set(classify_lines(auditor, [text])[0]["categories"])
            if found:
                failures.append(f"{cat.id}: negative example counted as {', '.join(sorted(found))}: {text!r}")
    return failures
