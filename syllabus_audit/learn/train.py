"""Train the passage classifier from the labelled corpus, deterministically.

Every threshold (model, hybrid veto and admit, category) and the default
method are chosen on out-of-fold predictions of a grouped 5-fold
cross-validation over the ``train`` and ``dev`` splits (near-duplicate groups
never straddle folds); the shipped model is then fitted on train + dev. The
``test`` split is never read here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.metrics import cohen_kappa_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from ..detect.classifier import PassageClassifier
from ..detect.features import lexicon_features
from ..detect.methods import decision_inputs, positive_mask
from ..read.digest import file_sha256
from .labelled import LabelledPassage, read_gold

MODEL_VERSION = "1.5.0"
PREFER_HYBRID_WITHIN = 0.005
GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
VETO_GRID = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
ADMIT_GRID = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]


def _f1_kappa(gold, pred) -> tuple[float, float]:
    pred = np.asarray(pred, dtype=int)
    return (float(f1_score(gold, pred, zero_division=0)),
            float(cohen_kappa_score(gold, pred)) if len(set(gold)) > 1 else 0.0)


def _best(candidates):
    """The candidate with the highest (F1, kappa); first wins ties (deterministic)."""
    return max(candidates, key=lambda c: (round(c[1][0], 6), round(c[1][1], 6)))


def choose_thresholds(gold, scores, counted, blocked, cat_gold, cat_probs, lex_cats, category_ids,
                      eligible) -> dict:
    """Pick thresholds on held-out predictions (decided by ``positive_mask``, the
    same function that decides at scan time); returns thresholds and scores per method."""
    gold = np.asarray(gold)

    def decide(method, t_model=0.5, veto=0.5, admit=0.5):
        return positive_mask(method, scores, counted, blocked, eligible, t_model, veto, admit)

    t_model = _best([(t, _f1_kappa(gold, decide("model", t_model=t))) for t in GRID])
    hybrid = _best([((v, a), _f1_kappa(gold, decide("hybrid", veto=v, admit=a)))
                    for v in VETO_GRID for a in ADMIT_GRID if v <= a])  # lexicon support lowers the bar
    lexicon = _f1_kappa(gold, decide("lexicon"))
    veto, admit = hybrid[0]
    positive = decide("hybrid", veto=veto, admit=admit)

    def per_category_f1(th: list[float]) -> list[float]:
        picked = []
        for i in range(len(gold)):
            if not positive[i]:
                picked.append(set())
                continue
            row = cat_probs[i]
            chosen = {category_ids[k] for k in range(len(category_ids)) if row[k] >= th[k]}
            if not chosen and not lex_cats[i]:
                chosen = {category_ids[int(np.argmax(row))]}
            picked.append(chosen | lex_cats[i])
        return [f1_score([int(cid in c) for c in cat_gold], [int(cid in p) for p in picked], zero_division=0)
                for cid in category_ids]

    # Per-category thresholds by coordinate ascent (macro-F1 rewards each category).
    th = [0.3] * len(category_ids)
    for _ in range(3):
        for k in range(len(category_ids)):
            th[k] = max(GRID, key=lambda t: round(per_category_f1(th[:k] + [t] + th[k + 1:])[k], 6))
    macro_f1 = float(np.mean(per_category_f1(th)))
    dev = {"lexicon": lexicon, "model": t_model[1], "hybrid": hybrid[1]}
    decisions = {"lexicon": decide("lexicon"), "model": decide("model", t_model=t_model[0]), "hybrid": positive}
    pr = {m: precision_recall_fscore_support(gold, np.asarray(d, dtype=int), average="binary",
                                             zero_division=0)[:2] for m, d in decisions.items()}
    # The hybrid is preferred unless another method is measurably better (F1 by
    # more than PREFER_HYBRID_WITHIN): its decisions keep the rules' explanations
    # and respect explicit context rules (negation, false senses).
    best = max(("model", "lexicon"), key=lambda m: (round(dev[m][0], 6), round(dev[m][1], 6)))
    default = best if dev[best][0] > dev["hybrid"][0] + PREFER_HYBRID_WITHIN else "hybrid"
    return {
        "thresholds": {"model": float(t_model[0]), "veto": float(veto), "admit": float(admit),
                       "category": {c: float(t) for c, t in zip(category_ids, th)}},
        "default_method": default,
        "cv_metrics": {**{m: {"precision": round(float(pr[m][0]), 4), "recall": round(float(pr[m][1]), 4),
                              "f1": round(f, 4), "kappa": round(k, 4)} for m, (f, k) in dev.items()},
                       "category_macro_f1": round(macro_f1, 4)},
    }


def _analyse(auditor, rows, category_ids):
    analysed = auditor.passage_hits([r.text for r in rows])
    feats = lexicon_features([h for _, h in analysed], category_ids)
    counted, blocked, eligible, lex_cats = decision_inputs(analysed)
    return feats, counted, blocked, lex_cats, eligible


def _out_of_fold(rows, feats, category_ids, n_splits: int = 5):
    """Out-of-fold binary scores and category probabilities (grouped folds)."""
    texts = [r.text for r in rows]
    y = np.array([r.label for r in rows])
    scores = np.zeros(len(rows))
    probs = np.zeros((len(rows), len(category_ids)))
    for tr, te in GroupKFold(n_splits=n_splits).split(texts, y, [r.group for r in rows]):
        clf = PassageClassifier().fit([texts[i] for i in tr], y[tr], feats[tr],
                                      [rows[i].categories for i in tr], category_ids)
        held = [texts[i] for i in te]
        scores[te] = clf.predict_proba(held, feats[te])[:, 1]
        probs[te] = clf.category_proba(held, feats[te])
    return scores, probs


def extra_passages(sheet: Path, category_ids) -> list[LabelledPassage]:
    """Reviewed passages of a review sheet as labelled passages (split "extra").
    A "yes" takes the reviewer's categories, else the tool's; a "yes" with no
    category at all is skipped (it cannot teach the category models)."""
    import csv

    from ..review.sheets import read_sheet, unescape_cell

    rows = read_sheet(sheet, category_ids)
    with Path(sheet).open(newline="", encoding="utf-8-sig") as fh:
        texts = {i: unescape_cell(r.get("text") or "") for i, r in enumerate(csv.DictReader(fh), start=2)}
    out = []
    for r in rows:
        d = r.decision
        if d is None or not texts.get(r.row, "").strip():
            continue
        cats = tuple(d.categories or r.tool_categories) if d.decision == "yes" else ()
        if d.decision == "yes" and not cats:
            continue
        out.append(LabelledPassage(texts[r.row], int(d.decision == "yes"), cats, "extra",
                                   row=r.row, group=f"extra-{r.passage_id}"))
    return out


def default_documents_path() -> Path:
    """corpora/documents (labelled whole documents) in a source checkout."""
    return Path(__file__).resolve().parents[2] / "corpora" / "documents"


def _with_document_thresholds(auditor, clf: PassageClassifier, chosen: dict, documents: Path) -> dict:
    """Add the document thresholds and the default method chosen on labelled
    documents (``calibrate``) to the passage-level choice."""
    from .calibrate import calibrate_documents, document_passages
    from ..detect.methods import Model, Thresholds
    from .document_eval import read_document_labels

    labels_path = documents / "labels.csv"
    model = Model(clf, Thresholds(**chosen["thresholds"]), {})
    docs = document_passages(auditor, model, documents / "files", read_document_labels(labels_path))
    cal = calibrate_documents(docs, chosen["thresholds"]["category"], list(clf.category_ids_))
    return {**chosen,
            "thresholds": {**chosen["thresholds"], "document": cal["document"]},
            "passage_default_method": chosen["default_method"],
            "default_method": cal["default_method"],
            "document_cv_metrics": cal["document_cv_metrics"],
            "document_category_cv_f1": cal["document_category_cv_f1"],
            "document_data": {"file": f"{documents.name}/labels.csv", "sha256": file_sha256(labels_path),
                              **cal["documents"]}}


def train(auditor, data_path: Path, out_json: Path, extra: list[Path] = (),
          documents: Path | None = None) -> dict:
    """Choose thresholds by cross-validation, fit on train + dev (plus reviewed
    passages from ``extra`` sheets, kept separate and recorded), choose the
    document thresholds and the default method on labelled ``documents``
    (a folder with ``labels.csv`` and ``files/``), save JSON + NPZ; returns the
    metadata written."""
    category_ids = list(auditor.lexicon.category_ids)
    rows = [r for r in read_gold(data_path, category_ids, require_split=True) if r.split in ("train", "dev")]
    extra_rows = {Path(p): extra_passages(Path(p), category_ids) for p in extra}
    rows += [r for rs in extra_rows.values() for r in rs]
    feats, counted, blocked, lex_cats, eligible = _analyse(auditor, rows, category_ids)
    scores, probs = _out_of_fold(rows, feats, category_ids)
    chosen = choose_thresholds([r.label for r in rows], scores, counted, blocked,
                               [r.categories for r in rows], probs, lex_cats, category_ids, eligible)
    clf = PassageClassifier().fit([r.text for r in rows], [r.label for r in rows], feats,
                                  [r.categories for r in rows], category_ids)
    if documents is not None:
        chosen = _with_document_thresholds(auditor, clf, chosen, documents)
    meta = {
        "version": MODEL_VERSION,
        "training_data": {"file": Path(data_path).name, "sha256": file_sha256(data_path),
                          "passages": len(rows) - sum(len(v) for v in extra_rows.values()),
                          "splits": ["train", "dev"]},
        **({"extra_data": [{"file": p.name, "sha256": file_sha256(p), "passages": len(v)}
                           for p, v in extra_rows.items()]} if extra_rows else {}),
        "lexicon": {"version": auditor.lexicon.version, "sha256": auditor.lexicon.sha256},
        **chosen,
    }
    clf.save(out_json, meta)
    return meta
