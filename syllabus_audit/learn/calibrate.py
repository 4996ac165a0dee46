"""Document thresholds: choose the model and hybrid thresholds that scans use,
by grouped cross-validation on labelled whole documents.

Why not reuse the passage thresholds: they maximise F1 on labelled passages,
a third of which are positive. Inside a real document a positive passage is
rare (a handful among hundreds), and a document "mentions" relationship skills
when *any* passage is positive, so a per-passage false-positive rate that
looks small becomes a false "mentions" on most long documents. The document
thresholds are chosen where that decision is made: on documents.

The documents (``corpora/documents``) are never used to fit the classifier,
so its scores on them are held-out scores; folds are grouped by program.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from ..detect.methods import Model, decision_inputs, positive_mask, score_passages, scored_passages
from .document_eval import DocumentLabel
from .evaluate import binary_metrics
from ..read.extract import extract_file
from ..read.language import document_language
from ..rules.sections import BOILERPLATE_SECTION
from ..types import COUNTED, OK

MODEL_GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)] + [0.97, 0.99]
VETO_GRID = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
# 1.01: the model never admits a passage on its own (only vetoes lexicon hits).
ADMIT_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1.01]
# The hybrid is the default unless another method's cross-validated document
# kappa is higher by more than this: about two documents of the ~90 labelled
# ones, less than the fold-to-fold noise. Within it the hybrid wins because its
# verdicts respect explicit context rules (negation, false senses) and say
# which rule decided (the same preference as for passages, train.py).
PREFER_HYBRID_WITHIN = 0.05  # document kappa
# Floors for the category thresholds in documents (0: the passage thresholds).
CATEGORY_FLOOR_GRID = [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
FOLDS = 5


@dataclass(frozen=True)
class DocumentPassages:
    """What the decision rules need from one judged document."""

    file: str
    group: str  # program: folds never split one
    label: int
    other_language: bool  # a counted lexicon hit in a non-English block (no model there)
    scores: np.ndarray
    counted: np.ndarray
    blocked: np.ndarray
    eligible: np.ndarray
    probs: np.ndarray  # (passages, categories): the category models' probabilities
    lexicon_categories: tuple[frozenset, ...]  # categories the rules counted, per passage
    gold_categories: frozenset = frozenset()


def document_passages(auditor, model: Model, folder: Path, labels: list[DocumentLabel]) -> list[DocumentPassages]:
    """Every judgeable labelled document read as a scan reads it: candidate
    passages with their lexicon hits and the model's scores. Passages in policy
    sections are left out (their hits are boilerplate and never count)."""
    out = []
    for lab in labels:
        extracted = extract_file(str(Path(folder) / lab.file), lab.file)
        if extracted.status != OK:
            continue
        lang, conf = document_language(extracted.blocks)
        if auditor.pipeline_for(lang) is None:
            continue
        groups, _ = auditor.passage_groups(extracted, (lang, conf))
        english, other = [], False
        for block_lang, passages in groups:
            passages = [(p, h) for p, h in passages if p.section_kind != BOILERPLATE_SECTION]
            if block_lang == "en":
                english += passages
            else:
                other |= any(x.status == COUNTED for _, hs in passages for x in hs)
        cued = scored_passages(english)
        scores, probs = score_passages(model, [p.text for p, _ in cued], [h for _, h in cued])
        counted, blocked, eligible, lex_cats = decision_inputs(cued)
        out.append(DocumentPassages(
            lab.file, lab.program or lab.file, lab.label, other, np.asarray(scores, dtype=float),
            counted, blocked, eligible, np.asarray(probs, dtype=float),
            tuple(frozenset(c) for c in lex_cats), frozenset(lab.categories)))
    return out


def document_verdicts(docs: list[DocumentPassages], method: str, model_t: float = 0.5, veto: float = 0.5,
                      admit: float = 0.5) -> list[int]:
    """Each document's verdict under a method and thresholds (``positive_mask``,
    the rule scans use, applied to its passages)."""
    return [int(d.other_language or bool(positive_mask(method, d.scores, d.counted, d.blocked, d.eligible,
                                                       model_t, veto, admit).any()))
            for d in docs]


def document_categories(d: DocumentPassages, veto: float, admit: float, thresholds: np.ndarray,
                        category_ids: list[str]) -> set[str]:
    """The categories a hybrid scan reports for a document: for each positive
    passage the rules' counted categories plus each category whose probability
    reaches its threshold (the most probable one when there is neither; as
    ``decide_passage``)."""
    positive = positive_mask("hybrid", d.scores, d.counted, d.blocked, d.eligible, 0.5, veto, admit)
    out: set[str] = set()
    for i in np.flatnonzero(positive):
        picked = {category_ids[k] for k in np.flatnonzero(d.probs[i] >= thresholds)}
        if not picked and not d.lexicon_categories[i]:
            picked = {category_ids[int(np.argmax(d.probs[i]))]}
        out |= picked | d.lexicon_categories[i]
    return out


def _category_f1(docs, veto, admit, thresholds, category_ids) -> float:
    """Micro-F1 over (document, category) pairs."""
    tp = fp = fn = 0
    for d in docs:
        got = document_categories(d, veto, admit, thresholds, category_ids)
        tp += len(got & d.gold_categories)
        fp += len(got - d.gold_categories)
        fn += len(d.gold_categories - got)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def centre_of_best(candidates: list, score) -> object:
    """The best candidate by ``score`` (compared rounded to 6 places); when
    several tie, the middle one of them in the given (grid) order (the lower
    of two middles).

    With ~90 labelled documents, kappa and F1 move in steps of one document,
    so the best value is usually a plateau of neighbouring thresholds. Its
    edge is where one more held-out document would flip; its middle is not.
    (Taking the first tie made the admit threshold jump from 0.93 to 0.90
    when one training document stopped separating them.)"""
    keys = [tuple(round(x, 6) for x in score(c)) for c in candidates]
    top = max(keys)
    tied = [c for c, k in zip(candidates, keys) if k == top]
    return tied[(len(tied) - 1) // 2]


def _choose_floor(docs, veto, admit, category_thresholds, category_ids) -> float:
    base = np.array([category_thresholds[c] for c in category_ids])
    return centre_of_best(CATEGORY_FLOOR_GRID, lambda f: (_category_f1(docs, veto, admit, np.maximum(base, f),
                                                                       category_ids),))


def _score(docs, method, **t) -> tuple[float, float]:
    m = binary_metrics([d.label for d in docs], document_verdicts(docs, method, **t))
    return m["kappa"], m["f1"]


def _choose(docs: list[DocumentPassages]) -> dict[str, dict]:
    """Best thresholds per method on these documents (kappa, then F1; among
    ties the middle one in grid order, ``centre_of_best``)."""
    def best(candidates):
        return centre_of_best(candidates, lambda c: c[1])[0]

    model_t = best([({"model_t": t}, _score(docs, "model", model_t=t)) for t in MODEL_GRID])
    hybrid = best([({"veto": v, "admit": a}, _score(docs, "hybrid", veto=v, admit=a))
                   for v in VETO_GRID for a in ADMIT_GRID if v <= a])
    return {"lexicon": {}, "model": model_t, "hybrid": hybrid}


def calibrate_documents(docs: list[DocumentPassages], category_thresholds: dict[str, float] | None = None,
                        category_ids: list[str] | None = None) -> dict:
    """Document thresholds chosen on all ``docs``, the default method, and
    out-of-fold document metrics of each method (thresholds chosen on the
    other folds; folds grouped by program). With the passage category
    thresholds, also the category floor for documents (maximising the
    micro-F1 of document categories) and its out-of-fold F1."""
    labels = [d.label for d in docs]
    oof = {m: np.zeros(len(docs), dtype=int) for m in ("lexicon", "model", "hybrid")}
    cat_counts = np.zeros(3)  # out-of-fold tp, fp, fn of document categories
    with_categories = category_thresholds is not None and category_ids is not None
    folds = GroupKFold(n_splits=min(FOLDS, len({d.group for d in docs})))
    for train_idx, test_idx in folds.split(docs, labels, [d.group for d in docs]):
        train_docs = [docs[i] for i in train_idx]
        chosen = _choose(train_docs)
        held = [docs[i] for i in test_idx]
        for method, t in chosen.items():
            oof[method][test_idx] = document_verdicts(held, method, **t)
        if with_categories:
            v, a = chosen["hybrid"]["veto"], chosen["hybrid"]["admit"]
            floor = _choose_floor(train_docs, v, a, category_thresholds, category_ids)
            th = np.maximum(np.array([category_thresholds[c] for c in category_ids]), floor)
            for d in held:
                got = document_categories(d, v, a, th, category_ids)
                cat_counts += [len(got & d.gold_categories), len(got - d.gold_categories),
                               len(d.gold_categories - got)]
    metrics = {m: binary_metrics(labels, list(pred)) for m, pred in oof.items()}
    final = _choose(docs)
    kappa = {m: metrics[m]["kappa"] for m in metrics}
    best = max(("model", "lexicon"), key=lambda m: (kappa[m], metrics[m]["f1"]))
    default = best if kappa[best] > kappa["hybrid"] + PREFER_HYBRID_WITHIN else "hybrid"
    document = {"model": float(final["model"]["model_t"]), "veto": float(final["hybrid"]["veto"]),
                "admit": float(final["hybrid"]["admit"])}
    extra = {}
    if with_categories:
        document["category_floor"] = float(_choose_floor(docs, document["veto"], document["admit"],
                                                         category_thresholds, category_ids))
        tp, fp, fn = cat_counts
        extra = {"document_category_cv_f1": round(float(2 * tp / (2 * tp + fp + fn)) if tp else 0.0, 4)}
    return {
        "document": document,
        **extra,
        "default_method": default,
        "document_cv_metrics": {m: {k: v for k, v in metrics[m].items() if k != "support"}
                                for m in ("lexicon", "model", "hybrid")},
        "documents": {"judged": len(docs), "positive": int(sum(labels)),
                      "programs": len({d.group for d in docs})},
    }
