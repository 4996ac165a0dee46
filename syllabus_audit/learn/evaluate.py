"""Evaluate a detection method against gold passages: precision, recall, F1,
Cohen's kappa and the confusion matrix, overall and per category."""

from __future__ import annotations

from sklearn.metrics import cohen_kappa_score, confusion_matrix, precision_recall_fscore_support

from ..detect.methods import Model, decide_passage, score_passages
from .labelled import LabelledPassage
from ..types import COUNTED


def predict(auditor, passages: list[LabelledPassage], method: str, model: Model | None,
            threshold: float | None = None) -> list[tuple[bool, list[str], float | None]]:
    """(positive, categories, score) for each passage under ``method``."""
    analysed = auditor.passage_hits([p.text for p in passages])
    use_model = method != "lexicon" and model is not None
    if use_model:
        scores, probs = score_passages(model, [p.text for p, _ in analysed], [h for _, h in analysed])
    out = []
    for i, (passage, hits) in enumerate(analysed):
        score = float(scores[i]) if use_model else None
        final = decide_passage(method, passage, hits, score, probs[i] if use_model else None, model, threshold)
        counted = sorted({h.category for h in final if h.status == COUNTED})
        out.append((bool(counted), counted, None if score is None else round(score, 4)))
    return out


def binary_metrics(gold: list[int], pred: list[int]) -> dict:
    p, r, f, _ = precision_recall_fscore_support(gold, pred, average="binary", zero_division=0)
    tn, fp, fn, tp = confusion_matrix(gold, pred, labels=[0, 1]).ravel().tolist()
    kappa = cohen_kappa_score(gold, pred) if len(set(gold) | set(pred)) > 1 else 1.0
    return {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4),
            "kappa": round(float(kappa), 4), "accuracy": round((tp + tn) / max(len(gold), 1), 4),
            "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn}, "support": sum(gold)}


def evaluate(auditor, passages: list[LabelledPassage], method: str, model: Model | None,
             category_ids, threshold: float | None = None) -> dict:
    """Metrics of ``method`` on ``passages`` (plus the list of errors)."""
    preds = predict(auditor, passages, method, model, threshold)
    gold = [p.label for p in passages]
    result = {"method": method, "passages": len(passages),
              "binary": binary_metrics(gold, [int(pos) for pos, _, _ in preds]), "categories": {}}
    for cid in category_ids:
        g = [int(cid in p.categories) for p in passages]
        q = [int(cid in cats) for _, cats, _ in preds]
        result["categories"][cid] = binary_metrics(g, q)
    f1s = [m["f1"] for m in result["categories"].values()]
    result["macro_f1"] = round(sum(f1s) / len(f1s), 4) if f1s else None
    result["errors"] = [
        {"row": p.row, "text": p.text, "gold": p.label, "predicted": int(pos), "score": score,
         "gold_categories": list(p.categories), "predicted_categories": cats}
        for p, (pos, cats, score) in zip(passages, preds)
        if p.label != int(pos) or (p.label and set(p.categories) != set(cats))
    ]
    return result


def render_evaluation(result: dict, show_errors: bool = True) -> str:
    """Metrics as a plain-text report."""
    b = result["binary"]
    c = b["confusion"]
    lines = [f"method {result['method']} · {result['passages']} passages ({b['support']} positive)", "",
             f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'kappa':>8}{'n+':>6}",
             f"{'relationship (binary)':<22}{b['precision']:>7.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}"
             f"{b['kappa']:>8.3f}{b['support']:>6}"]
    for cid, m in result["categories"].items():
        lines.append(f"{cid:<22}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                     f"{m['kappa']:>8.3f}{m['support']:>6}")
    lines += [f"{'macro F1 (categories)':<22}{'':>14}{result['macro_f1']:>7.3f}", "",
              "confusion (binary):  gold yes  gold no",
              f"  predicted yes       {c['tp']:>8}  {c['fp']:>7}",
              f"  predicted no        {c['fn']:>8}  {c['tn']:>7}"]
    if show_errors and result["errors"]:
        lines += ["", f"errors ({len(result['errors'])}):"]
        for e in result["errors"]:
            score = "" if e["score"] is None else f" {e['score']:.2f}"
            lines.append(f"  row {e['row']}: gold {e['gold']} {','.join(e['gold_categories'])} | "
                         f"pred {e['predicted']}{score} {','.join(e['predicted_categories'])} | {e['text']}")
    return "\n".join(lines) + "\n"
