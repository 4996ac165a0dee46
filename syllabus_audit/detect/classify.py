"""``classify``: one passage per input line -> relationship yes/no, score, categories."""

from __future__ import annotations

import textwrap

from .methods import decide_passage, score_passages
from ..types import COUNTED


def classify_lines(auditor, lines: list[str]) -> list[dict]:
    """One result per line, in input order (blank lines: not relationship, no score)."""
    analysed = auditor.passage_hits(lines)
    use_model = auditor.method != "lexicon"
    if use_model:
        scores, probs = score_passages(auditor.model, [p.text for p, _ in analysed], [h for _, h in analysed])
    out = []
    for i, (line, (passage, hits)) in enumerate(zip(lines, analysed)):
        if not line.strip():
            out.append({"text": line, "relationship": False, "score": None, "categories": []})
            continue
        score = float(scores[i]) if use_model else None
        final = decide_passage(auditor.method, passage, hits, score, probs[i] if use_model else None,
                               auditor.model, auditor.threshold)
        cats = sorted({h.category for h in final if h.status == COUNTED})
        out.append({"text": line, "relationship": bool(cats),
                    "score": None if score is None else round(score, 4), "categories": cats})
    return out


def render_classify_table(results: list[dict], width: int = 80) -> str:
    lines = [f"{'rel':<4}{'score':>6}  {'categories':<28}text", "-" * width]
    for r in results:
        score = "" if r["score"] is None else f"{r['score']:.2f}"
        cats = ",".join(r["categories"])
        head = f"{'yes' if r['relationship'] else 'no':<4}{score:>6}  {cats[:27]:<28}"
        lines.append(head + textwrap.shorten(r["text"], width - len(head), placeholder="…") if r["text"] else head)
    return "\n".join(lines) + "\n"
