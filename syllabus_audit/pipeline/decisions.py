"""Reviewer decisions applied to a document's hits: a stage of the chain.

Decisions are plain data (``Decision`` by passage id, read from review sheets
by ``review.sheets.read_decisions_many``) passed in through
``AuditSettings.decisions``; this module knows nothing of sheets.

* :func:`passage_id` fingerprints a passage by its normalised text and its
  document's content hash, so a decision survives re-extraction and
  re-ordering (but not an edit of the passage or of the file's bytes).
* :func:`apply_decisions` lets those decisions override the tool's hits of a
  document (pure function; ``stages.judged_hits`` calls it).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..rules.lexicon import shipped_category_ids
from ..types import COUNTED, OTHER_SENSE, Hit, Passage

REVIEWER = "reviewer"
REVIEWER_TERM = "(reviewer)"


def normalise_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed to single spaces, stripped."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def passage_id(passage_text: str, document_sha256: str) -> str:
    """Stable fingerprint of a passage: ``p`` + the first 16 hex digits of
    SHA-256 over the normalised text, a NUL and the document's SHA-256.

    The ``p`` keeps spreadsheets from reading an all-digit (or ``12e34``-like)
    id as a number.
    """
    data = normalise_text(passage_text) + "\0" + (document_sha256 or "").strip().lower()
    return "p" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]



@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's decision for one passage."""

    passage_id: str
    decision: str  # yes | no
    categories: tuple[str, ...] = ()  # empty: the tool's categories (for yes)
    note: str = ""
    file: str = ""
    row: int = 0
    program: str = ""
    path: str = ""



def group_hits(passages: list[tuple[Passage, list[Hit]]], hits: Iterable[Hit]) -> list[tuple[Passage, list[Hit]]]:
    """Every passage of a document with its *final* hits (after the method ran):
    the input of :func:`apply_decisions` in the pipeline."""
    by_index: dict[int, list[Hit]] = {}
    for h in hits:
        by_index.setdefault(h.passage.index, []).append(h)
    return [(p, by_index.get(p.index, [])) for p, _ in passages]


def apply_decisions(passage_hits: list[tuple[Passage, list[Hit]]], doc_sha256: str, decisions: dict,
                    used: set, *, category_ids: Iterable[str] | None = None,
                    level: Callable[[Hit], str] | None = None, skipped: set | None = None) -> list[Hit]:
    """The document's hits (in passage order) with reviewer decisions applied.

    For a passage whose :func:`passage_id` has a decision (every hit of it
    gets ``decided_by="reviewer"``):

    * ``no``: every counted hit becomes ``other_sense`` with rule ``reviewer``;
    * ``yes`` without categories: every hit of a (counting) category becomes
      counted with rule ``reviewer``;
    * ``yes`` with categories: hits of those categories become counted, other
      counted hits ``other_sense`` (rule ``reviewer``), and a hit with term
      ``(reviewer)`` spanning the passage is added for a category without one.

    Non-counting tag hits keep their status. The id goes into ``used``; a
    ``yes`` without categories on a passage with no category hit cannot be
    applied and goes into ``skipped`` instead (when given). Newly counted hits
    get ``level(hit)`` (e.g. the section rules' level) or keep theirs, and
    never ``boilerplate`` (the reviewer said it counts); uncounted ones get
    no level.
    """
    known = set(category_ids if category_ids is not None else shipped_category_ids())
    out: list[Hit] = []
    for passage, hits in passage_hits:
        pid = passage_id(passage.text, doc_sha256)
        d = decisions.get(pid)
        if d is None:
            out.extend(hits)
            continue
        verdict = d.decision if isinstance(d, Decision) else d["decision"]
        wanted = tuple(d.categories if isinstance(d, Decision) else d.get("categories") or ())
        if verdict == "yes" and not wanted and not any(h.category in known for h in hits):
            if skipped is not None:
                skipped.add(pid)
            out.extend(hits)
            continue
        used.add(pid)
        out.extend(_decide(passage, hits, verdict, wanted, known, level))
    return out


def _decide(passage: Passage, hits: list[Hit], verdict: str, wanted: tuple[str, ...], known: set[str],
            level) -> list[Hit]:
    def count(h: Hit) -> Hit:
        h = replace(h, status=COUNTED, rule=REVIEWER, decided_by=REVIEWER)
        lv = (level(h) if level is not None else h.level) or "mentioned"
        return replace(h, level="mentioned" if lv == "boilerplate" else lv)

    def uncount(h: Hit) -> Hit:
        if h.status == COUNTED:
            return replace(h, status=OTHER_SENSE, rule=REVIEWER, level="", decided_by=REVIEWER)
        return replace(h, decided_by=REVIEWER)

    if verdict == "no":
        return [uncount(h) for h in hits]
    out = []
    for h in hits:
        if h.category not in known:
            out.append(replace(h, decided_by=REVIEWER))
        elif not wanted or h.category in wanted:
            out.append(count(h))
        else:
            out.append(uncount(h))
    have = {h.category for h in hits}
    for c in wanted:
        if c not in have:
            out.append(count(Hit(category=c, term=REVIEWER_TERM, matched=passage.text, passage=passage,
                                 start=0, end=len(passage.text), status=COUNTED, rule=REVIEWER,
                                 strength=REVIEWER, level="")))
    return out
