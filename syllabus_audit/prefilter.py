"""A fast word-level pre-filter: which blocks can yield a decision at all.

Only a block containing a lexicon term, a non-counting tag or a client /
practice cue can produce a hit or be admitted by the model (a passage with
none of them is never positive: see ``detect.methods.positive_mask``). Every
such phrase has an *anchor*: one of its tokens, which any match of the phrase
must contain. A block is a candidate when one of its words (``\\w+`` runs,
lower-cased) has an anchor as its lemma (lemma-matched phrases) or is one
(case-insensitive and exact phrases). Only candidate blocks go through spaCy,
language identification of passages, matching and the classifier; the
others cost one regular-expression pass and a dictionary look-up per distinct
word. ``tests/test_prefilter.py`` checks on the demo, labelled and real
corpora that the filtered scan gives the same output as the full one.

Why not a regular expression of anchor surface forms: lemma matching makes
"engaging", "engaged" and "engagement" reach different lemmas through the
lookup table, so the surface forms of a lemma are not a closed list; asking
the same pipeline for each new word's lemma (once per process) is exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.language import Language

from .detect.matcher import spelling_variants
from .lexicon import Lexicon

_WORD = re.compile(r"\w+")
_MAX_MEMO = 500_000  # distinct words remembered per process (then start again)


def _required(tokens, match: str, pipe: int) -> frozenset[str] | None:
    """The keys every match of a phrase needs among a block's word keys: per
    token its lemma (lemma-matched phrases) or its lower-case form, and the
    ``\\w+`` pieces of tokens with other characters; None when a phrase has no
    word at all."""
    keys = set()
    for t in tokens:
        low = t.text.lower()
        if t.is_alpha:
            keys.add(f"L{pipe}:{t.lemma_}" if match == "lemma" else f"W:{low}")
        else:
            keys.update(f"W:{piece}" for piece in _WORD.findall(low))
    return frozenset(keys) or None


class CandidateFilter:
    """The phrases (terms, tags, client cues) of one or more lexicons, each as
    the set of word keys a block must contain for the phrase to match in it."""

    def __init__(self, pipelines: Iterable[tuple[Language, Lexicon]]):
        self._nlps: list[Language] = []
        self._lemma_of = []  # each pipeline's lemma function (nlp.lower_lemma_of)
        self.unanchored: list[str] = []  # phrases without a word (none in the shipped lexicons)
        by_trigger: dict[str, set[frozenset[str]]] = {}
        for pipe, (nlp, lexicon) in enumerate(pipelines):
            self._nlps.append(nlp)
            self._lemma_of.append(nlp.get_pipe("lower_lemma").lemma_of)
            phrases = [(t.text, t.match) for c in lexicon.categories + lexicon.tags for t in c.terms]
            phrases += [(cue, "lemma") for cue in lexicon.client_cues + lexicon.model_cues]
            for text, match in phrases:
                for v in [text] if match == "exact" else spelling_variants(text):
                    tokens = list(nlp(v)) if match == "lemma" else list(nlp.make_doc(v))
                    keys = _required(tokens, match, pipe)
                    if keys is None:
                        self.unanchored.append(v)
                        continue
                    trigger = max(keys, key=lambda k: (len(k), k))  # the longest word: usually the rarest
                    by_trigger.setdefault(trigger, set()).add(keys)
        # phrases sorted so the check is deterministic; single keys first (cheapest)
        self._phrases = {k: sorted(v, key=lambda s: (len(s), sorted(s))) for k, v in by_trigger.items()}
        self._triggers = frozenset(self._phrases)
        self._needed = frozenset(k for reqs in self._phrases.values() for req in reqs for k in req)
        self._keys: dict[str, tuple[str, ...]] = {}  # word -> its keys that some phrase needs
        self._relevant_words: set[str] = set()  # words with such keys
        self._trigger_words: set[str] = set()  # words with a trigger key among them

    def _learn(self, word: str) -> None:
        if len(self._keys) >= _MAX_MEMO:
            self._keys.clear()
            self._relevant_words.clear()
            self._trigger_words.clear()
        keys = {f"W:{word}"}
        for pipe, nlp in enumerate(self._nlps):
            strings, lemma_of = nlp.vocab.strings, self._lemma_of[pipe]
            for t in nlp.tokenizer(word):  # the same tokens and lemmas a block's doc gets
                keys.add(f"L{pipe}:{strings[lemma_of(t.lower)]}")
                keys.add(f"W:{t.lower_}")
        keys &= self._needed
        self._keys[word] = tuple(sorted(keys))
        if keys:
            self._relevant_words.add(word)
        if not self._triggers.isdisjoint(keys):
            self._trigger_words.add(word)

    def is_candidate(self, text: str) -> bool:
        """True when some phrase can match in ``text`` (all its word keys occur).
        Set operations first: most blocks have no trigger word at all."""
        if self.unanchored:
            return True
        words = set(_WORD.findall(text.lower()))
        for word in words.difference(self._keys):
            self._learn(word)
        if self._trigger_words.isdisjoint(words):
            return False
        keys: set[str] = set()
        for word in words & self._relevant_words:
            keys.update(self._keys[word])
        for trigger in sorted(keys & self._triggers):
            if any(req <= keys for req in self._phrases[trigger]):
                return True
        return False

    def candidates(self, texts: Sequence[str]) -> list[bool]:
        return [self.is_candidate(t) for t in texts]


@lru_cache(maxsize=8)
def candidate_filter(pipelines: tuple[tuple[Language, Lexicon], ...]) -> CandidateFilter:
    """A ``CandidateFilter`` built once per process for the same pipelines and lexicons."""
    return CandidateFilter(pipelines)
