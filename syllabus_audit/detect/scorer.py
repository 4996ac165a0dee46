"""Scoring passages with a saved classifier, without scikit-learn.

A scan only *applies* the model: TF-IDF of word 1-2-grams and of ``char_wb``
3-5-grams, the lexicon features, two linear models and the logistic
function. Importing scikit-learn for that costs more start-up time than a
typical ``check`` spends judging its document (it pulls in ``scipy.stats``),
so the arithmetic lives here, with numpy and ``scipy.sparse`` only, and
``classifier.PassageClassifier`` (which fits the model with scikit-learn)
computes its features with these same functions. Every step repeats the
fitted scikit-learn objects' own operations in the same order (the n-gram
functions are scikit-learn's, BSD-3-Clause; the row norms add squares in
storage order, as ``inplace_csr_row_normalize_l2`` does), so the scores are
the same bits; ``tests/detect/test_scorer.py`` checks that against
scikit-learn on every labelled passage.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from ..models import model_meta
import scipy.sparse as sp
from scipy.special import expit

FORMAT_VERSION = 1
WORD_TOKEN = r"(?u)\b\w[\w'-]*\b"
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
_WORD_TOKEN = re.compile(WORD_TOKEN)
_MAX_MEMO = 200_000  # distinct words whose character n-gram ids are remembered


def word_ngrams(text: str) -> list[str]:
    """scikit-learn's ``analyzer="word"`` with ``ngram_range=(1, 2)``,
    ``lowercase=True`` and ``WORD_TOKEN``: the tokens, then each adjacent pair."""
    tokens = _WORD_TOKEN.findall(text.lower())
    return tokens + [" ".join(tokens[i:i + 2]) for i in range(len(tokens) - 1)]


def char_wb_ngrams(word: str) -> list[str]:
    """scikit-learn's ``_char_wb_ngrams`` for one lower-case word: its 3- to
    5-grams padded with a space at each end (a short word counts once)."""
    w = " " + word + " "
    w_len = len(w)
    out = []
    for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        offset = 0
        out.append(w[offset:offset + n])
        while offset + n < w_len:
            offset += 1
            out.append(w[offset:offset + n])
        if offset == 0:
            break
    return out


def l2_normalise_rows(m: sp.csr_matrix) -> None:
    """Divide each row by its L2 norm in place, the squares added one by one
    in storage order (``np.cumsum`` is sequential, ``np.sum`` is pairwise)."""
    data, indptr = m.data, m.indptr
    for i in range(m.shape[0]):
        start, end = indptr[i], indptr[i + 1]
        if start == end:
            continue
        row = data[start:end]
        total = np.cumsum(row * row)[-1]
        if total == 0.0:
            continue
        row /= np.sqrt(total)


def tfidf_rows(indices, indptr, n_rows: int, idf: np.ndarray) -> sp.csr_matrix:
    """Counts of the n-gram ids (``indices``, rows split at ``indptr``) to
    sublinear TF-IDF with L2-normalised rows (scikit-learn's
    ``TfidfTransformer(sublinear_tf=True, norm="l2")`` steps)."""
    counts = sp.csr_matrix((np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.array(indptr)),
                           shape=(n_rows, len(idf)), dtype=np.float64)
    counts.sum_duplicates()  # sorts the ids of each row and adds repeats: the counts
    np.log(counts.data, counts.data)
    counts.data += 1.0
    counts.data *= idf[counts.indices]
    l2_normalise_rows(counts)
    return counts


class Features:
    """The feature matrix of a fitted vocabulary: word and character TF-IDF
    and the lexicon features, side by side (the classifier's ``X``)."""

    def __init__(self, word_vocabulary: dict[str, int], word_idf: np.ndarray,
                 char_vocabulary: dict[str, int] | None, char_idf: np.ndarray | None, lexicon_weight: float):
        self.word_vocabulary, self.word_idf = word_vocabulary, word_idf
        self.char_vocabulary, self.char_idf = char_vocabulary, char_idf
        self.lexicon_weight = lexicon_weight
        self._char_memo: dict[str, np.ndarray] = {}

    def word_tfidf(self, texts: list[str]) -> sp.csr_matrix:
        vocab = self.word_vocabulary
        indices, indptr = [], [0]
        for text in texts:
            indices.extend(vocab[g] for g in word_ngrams(text) if g in vocab)
            indptr.append(len(indices))
        return tfidf_rows(indices, indptr, len(texts), self.word_idf)

    def char_tfidf(self, texts: list[str]) -> sp.csr_matrix:
        """``char_wb`` n-grams never cross whitespace, so a text's counts are
        the sum of its words' counts: each distinct word's n-gram ids are
        found once per process (rebuilding every n-gram of every text was
        most of a scan's time)."""
        memo, vocab = self._char_memo, self.char_vocabulary
        if len(memo) > _MAX_MEMO:
            memo.clear()
        pieces, indptr = [], [0]
        for text in texts:
            n = 0
            for word in text.lower().split():
                ids = memo.get(word)
                if ids is None:
                    ids = memo[word] = np.fromiter((vocab[g] for g in char_wb_ngrams(word) if g in vocab),
                                                   dtype=np.int64)
                pieces.append(ids)
                n += len(ids)
            indptr.append(indptr[-1] + n)
        indices = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
        return tfidf_rows(indices, indptr, len(texts), self.char_idf)

    def matrix(self, texts: list[str], lexicon_features) -> sp.csr_matrix:
        lex = sp.csr_matrix(np.asarray(lexicon_features, dtype=np.float64) * self.lexicon_weight)
        parts = [self.word_tfidf(texts)] + ([self.char_tfidf(texts)] if self.char_vocabulary is not None else [])
        return sp.hstack(parts + [lex], format="csr")


def binary_proba(X, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """``LogisticRegression.predict_proba`` for two classes: (n, 2)."""
    z = np.asarray(X @ coef.T).reshape(-1) + intercept
    p = expit(z)
    return np.stack([1 - p, p], axis=1)


def category_proba(X, coef_t: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """One-vs-rest category probabilities: (n, n_categories); ``coef_t`` is
    (n_features, n_categories), best C-contiguous (a transposed view is
    copied by every product)."""
    z = X @ coef_t + intercept
    return 1.0 / (1.0 + np.exp(-np.asarray(z)))


def read_saved(json_path: Path) -> tuple[dict, dict[str, np.ndarray]]:
    """A saved model's JSON document and its NPZ arrays (no pickle)."""
    json_path = Path(json_path)
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    if doc.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"{json_path.name}: unsupported model format {doc.get('format_version')!r}")
    with np.load(json_path.with_suffix(".npz"), allow_pickle=False) as arrays:
        return doc, {k: arrays[k] for k in arrays.files}


class PassageScorer:
    """A saved passage classifier, ready to score (what scans load)."""

    def __init__(self, doc: dict, arrays: dict[str, np.ndarray]):
        params = doc["params"]
        char = params.get("char_ngrams", True)
        self.category_ids_: list[str] = doc["category_ids"]
        self.features = Features(
            {t: i for i, t in enumerate(doc["word_vocabulary"])}, arrays["word_idf"],
            {t: i for i, t in enumerate(doc["char_vocabulary"])} if char else None,
            arrays["char_idf"] if char else None, params.get("lexicon_weight", 1.0))
        self.coef, self.intercept = arrays["coef"], arrays["intercept"]
        self.category_coef_t = np.ascontiguousarray(arrays["category_coef"].T)
        self.category_intercept = arrays["category_intercept"]

    @classmethod
    def load(cls, json_path: Path) -> tuple["PassageScorer", dict]:
        """Load a saved model; returns (scorer, metadata)."""
        doc, arrays = read_saved(json_path)
        return cls(doc, arrays), model_meta(doc)

    def predict_both(self, texts, lexicon_features) -> tuple[np.ndarray, np.ndarray]:
        """Binary probabilities (n, 2) and category probabilities (n, k)."""
        X = self.features.matrix(list(texts), lexicon_features)
        return (binary_proba(X, self.coef, self.intercept),
                category_proba(X, self.category_coef_t, self.category_intercept))
