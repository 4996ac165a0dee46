"""Decision methods: ``lexicon`` (rules only), ``model`` (classifier only) and
``hybrid`` (the model vetoes lexicon hits in a false-positive sense and admits
positives the lexicon missed). Every resulting hit records which path decided
it: ``rule`` starts with ``lexicon`` (the rules) or ``score`` (the model), and
``score`` holds the model's probability whenever the model ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..models import default_model_path
from ..types import COUNTED, NEGATED, OTHER_SENSE, Hit, Passage
from .scorer import PassageScorer
from .context import looks_like_name, looks_like_title
from .features import lexicon_features

METHODS = ("lexicon", "model", "hybrid")
# The model alone may not make a passage positive when it has fewer words than
# this: table headers and fragments ("Week 5", "Session plan") carry no content.
# Nor when it has no lexicon term, tag or client / practice cue (``Passage.cue``):
# relationship skills are skills with clients, and passages without any such
# word need not be scored at all (the scan's pre-filter relies on this).
MIN_WORDS_TO_ADMIT = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Thresholds:
    model: float  # model method: positive when score >= model
    veto: float  # hybrid: a lexicon-counted passage stays positive when score >= veto
    admit: float  # hybrid: a passage without lexicon hits becomes positive when score >= admit
    category: dict  # category id -> a category is predicted when its probability >= this
    # The same three for passages read inside whole documents (scan, check):
    # {"model", "veto", "admit", "category_floor"} (the floor raises every
    # category threshold that is below it). Chosen by grouped cross-validation on labelled
    # documents (train.calibrate_documents): in a document a positive passage is
    # rare (a few in several hundred, against one in three in the labelled
    # passages), so the bar that maximises passage F1 admits too much there.
    document: dict | None = None

    def in_documents(self) -> "Thresholds":
        """The thresholds a scan uses (the passage ones when none were calibrated)."""
        if not self.document:
            return self
        floor = self.document.get("category_floor", 0.0)
        return replace(self, model=self.document["model"], veto=self.document["veto"],
                       admit=self.document["admit"], document=None,
                       category={c: max(t, floor) for c, t in self.category.items()})


@dataclass(frozen=True)
class Model:
    classifier: PassageScorer  # or a fitted classifier.PassageClassifier (training)
    thresholds: Thresholds
    meta: dict

    @property
    def version(self) -> str:
        return self.meta.get("version", "")


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """Load the shipped (or a given) model once per process."""
    p = Path(path) if path else default_model_path()
    clf, meta = PassageScorer.load(p)
    return Model(clf, Thresholds(**meta["thresholds"]), meta)


def score_passages(model: Model, texts: list[str], hits: list[list[Hit]]) -> tuple[np.ndarray, np.ndarray]:
    """Binary scores (n,) and category probabilities (n, k) in one batch."""
    if not texts:
        return np.zeros(0), np.zeros((0, len(model.classifier.category_ids_)))
    feats = lexicon_features(hits, model.classifier.category_ids_)
    proba, categories = model.classifier.predict_both(texts, feats)
    return proba[:, 1], categories


def positive_mask(method: str, scores, counted, blocked, eligible, model_t: float, veto: float,
                  admit: float):
    """The passage-level decision of each method, on arrays (one element per
    passage); the single definition used both to decide and to tune thresholds.

    counted: the rules counted a hit; blocked: a context rule fired on explicit
    evidence (``blocks_admission``); eligible: the model may admit it
    (``admissible``: enough words and a cue).
    """
    counted = np.asarray(counted, dtype=bool)
    if method == "lexicon":
        return counted
    scores = np.asarray(scores, dtype=float)
    eligible = np.asarray(eligible, dtype=bool)
    if method == "model":
        return (scores >= model_t) & (counted | eligible)
    return np.where(counted, scores >= veto, ~np.asarray(blocked, dtype=bool) & eligible & (scores >= admit))


def admissible(passage: Passage) -> bool:
    """May the model alone make this passage positive? At least
    ``MIN_WORDS_TO_ADMIT`` words, a term, tag or cue, not a title-like line and
    not an entry of a reading list: a course, standard or book title names a
    topic, it does not present a skill (labeling guide; only a lexicon term
    can make such a line count)."""
    return (passage.cue and passage.section_kind != "readings" and word_count(passage.text) >= MIN_WORDS_TO_ADMIT
            and not looks_like_title(passage.text) and not looks_like_name(passage.text))


def is_positive(method: str, passage: Passage, hits: list[Hit], score: float | None, t: Thresholds | None,
                threshold: float | None = None) -> bool:
    """``positive_mask`` for one passage; ``threshold`` overrides the model /
    admit threshold."""
    if method == "lexicon":
        return any(h.status == COUNTED for h in hits)
    return bool(positive_mask(
        method, [score], [any(h.status == COUNTED for h in hits)], [blocks_admission(hits)],
        [admissible(passage)], t.model if threshold is None else threshold, t.veto,
        t.admit if threshold is None else threshold)[0])


def blocks_admission(hits: list[Hit]) -> bool:
    """In the hybrid, the model may not admit a passage in which a context rule
    fired on explicit evidence: a negation, a false-sense cue or phrase, or a
    non-counting tag (an ambiguous term merely lacking a client cue does not block)."""
    return any(h.status == NEGATED or (h.status == OTHER_SENSE and h.rule.startswith(("sense:", "tag:")))
               for h in hits)


def model_categories(model: Model, probs: np.ndarray) -> list[str]:
    ids = model.classifier.category_ids_
    picked = [c for c, p in zip(ids, probs) if p >= model.thresholds.category[c]]
    return picked or [ids[int(np.argmax(probs))]]


def decide_passage(method: str, passage: Passage, hits: list[Hit], score: float | None,
                   probs: np.ndarray | None, model: Model | None,
                   threshold: float | None = None, positive: bool | None = None) -> list[Hit]:
    """Final hits of one passage under a method (``positive``: its
    ``is_positive`` verdict, when already known)."""
    if method == "lexicon" or model is None:
        return hits
    t = model.thresholds
    if positive is None:
        positive = is_positive(method, passage, hits, score, t, threshold)
    s = round(float(score), 4)
    out = []
    for h in hits:
        if h.status == COUNTED and not positive:
            cut = t.veto if method == "hybrid" else (t.model if threshold is None else threshold)
            out.append(replace(h, status=OTHER_SENSE, rule=f"score<{cut:g}", score=s))
        else:
            out.append(replace(h, score=s))
    if positive:  # categories: the lexicon's counted ones plus the model's
        counted = {h.category for h in out if h.status == COUNTED}
        picked = [c for c, p in zip(model.classifier.category_ids_, probs) if p >= t.category[c]]
        if not picked and not counted:
            picked = model_categories(model, probs)
        out += [Hit(category=c, term="(model)", matched=passage.text, passage=passage, start=0,
                    end=len(passage.text), status=COUNTED, rule="score", strength="model", score=s)
                for c in picked if c not in counted]
    return out


def in_documents(model: Model) -> Model:
    """The model with the thresholds calibrated for whole documents."""
    return replace(model, thresholds=model.thresholds.in_documents())


def scored_passages(passages: list[tuple[Passage, list[Hit]]]) -> list[tuple[Passage, list[Hit]]]:
    """The passages the model scores: those with a lexicon hit or that it may
    admit (any other has no output, so it is not scored)."""
    return [(p, h) for p, h in passages if h or admissible(p)]


def decision_inputs(passages: list[tuple[Passage, list[Hit]]]):
    """Per passage, what ``positive_mask`` needs besides the scores: counted
    (bool array), blocked (bool array), eligible (bool array), and the
    categories the rules counted (list of sets)."""
    hits = [h for _, h in passages]
    return (np.array([any(x.status == COUNTED for x in h) for h in hits], dtype=bool),
            np.array([blocks_admission(h) for h in hits], dtype=bool),
            np.array([admissible(p) for p, _ in passages], dtype=bool),
            [{x.category for x in h if x.status == COUNTED} for h in hits])


def apply_method(method: str, passages: list[tuple[Passage, list[Hit]]], model: Model | None,
                 threshold: float | None = None) -> list[Hit]:
    """All final hits of a document (passages with their lexicon hits); pass
    ``in_documents(model)`` for passages read inside a whole document."""
    if method == "lexicon" or model is None:
        return [h for _, hits in passages for h in hits]
    cued = scored_passages(passages)
    scores, probs = score_passages(model, [p.text for p, _ in cued], [h for _, h in cued])
    # One positive_mask over the document (is_positive per passage, in one call).
    t = model.thresholds
    counted, blocked, eligible, _ = decision_inputs(cued)
    positive = positive_mask(method, scores, counted, blocked, eligible, t.model if threshold is None else threshold,
                             t.veto, t.admit if threshold is None else threshold)
    out: list[Hit] = []
    for (passage, hits), s, pr, pos in zip(cued, scores, probs, positive.tolist()):
        if hits or pos:  # a passage with neither has no output
            out += decide_passage(method, passage, hits, s, pr, model, threshold, positive=pos)
    return out
