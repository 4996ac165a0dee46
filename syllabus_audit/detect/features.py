"""Lexicon-derived features for the classifier: what the rules saw in a passage."""

from __future__ import annotations

import numpy as np

from ..types import COUNTED, NEGATED, OTHER_SENSE, Hit

GLOBAL_FEATURES = ("any_counted", "any_negated", "any_other_sense", "any_tag",
                   "strong_counted", "ambiguous_counted", "log_counted")


def feature_names(category_ids) -> list[str]:
    return ([f"counted:{c}" for c in category_ids] + [f"seen:{c}" for c in category_ids]
            + list(GLOBAL_FEATURES))


def lexicon_features(hits_per_passage: list[list[Hit]], category_ids) -> np.ndarray:
    """A dense (n_passages, n_features) array, columns as ``feature_names``."""
    index = {c: i for i, c in enumerate(category_ids)}
    k = len(category_ids)
    out = np.zeros((len(hits_per_passage), 2 * k + len(GLOBAL_FEATURES)))
    for row, hits in enumerate(hits_per_passage):
        counted = [h for h in hits if h.status == COUNTED and h.category in index]
        for h in hits:
            if h.category in index:
                out[row, k + index[h.category]] = 1.0
        for h in counted:
            out[row, index[h.category]] = 1.0
        g = 2 * k
        out[row, g] = float(bool(counted))
        out[row, g + 1] = float(any(h.status == NEGATED for h in hits))
        out[row, g + 2] = float(any(h.status == OTHER_SENSE for h in hits))
        out[row, g + 3] = float(any(h.category not in index for h in hits))
        out[row, g + 4] = float(any(h.strength == "strong" for h in counted))
        out[row, g + 5] = float(any(h.strength == "ambiguous" for h in counted))
        out[row, g + 6] = float(np.log1p(len(counted)))
    return out
