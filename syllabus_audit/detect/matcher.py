"""Lexicon matching: every term, tag, other-sense phrase, cue and negation
phrase goes into one lemma ``PhraseMatcher`` (plus an ORTH matcher for
case-sensitive abbreviations such as SRS or FIT, and a LOWER matcher for
forms whose lemma is too broad, such as "paraphrasing"), run once per block.

Token-pattern ``Matcher`` rules were measured ~1,000x slower for the same
terms (performance.md §5.2), so none are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..rules.lexicon import Category, Lexicon, Term

# Match-key families (the part before "|" in a match label).
TERM, TAG, SENSE_PHRASE, SENSE_CUE, NEG, PSEUDO, CLIENT, MODEL_CUE = (
    "term", "tag", "phrase", "cue", "neg", "pseudo", "client", "model_cue")
# Families that make a passage one the classifier may judge (``Passage.cue``).
CUE_FAMILIES = frozenset({TERM, TAG, CLIENT, MODEL_CUE})


@dataclass(frozen=True, slots=True)
class TermInfo:
    category: str
    counting: bool
    term: Term


@dataclass(frozen=True, slots=True)
class Match:
    family: str
    key: str  # category / sense id / phrase text
    start: int  # token offsets in the block Doc
    end: int
    info: TermInfo | None = None


def spelling_variants(text: str) -> list[str]:
    """"self-disclosure" -> self-disclosure, self disclosure, selfdisclosure."""
    parts = re.split(r"(\s*-\s*|\s+)", text.strip())
    words, seps = parts[0::2], parts[1::2]
    options = []
    for sep in seps:
        options.append(("-", " ", "") if "-" in sep else (" ", "-"))
    out = []
    for combo in product(*options) if options else [()]:
        s = words[0]
        for sep, w in zip(combo, words[1:]):
            s += sep + w
        out.append(s)
    return sorted(set(out), key=out.index)


# "relationships with clients" is also "relationships with your clients":
# a determiner or possessive may stand between a term's preposition and its noun.
_TERM_PREPOSITIONS = frozenset({"with", "to", "toward", "towards"})
_DETERMINERS = ("the", "a", "an", "your", "their", "his", "her", "our", "each", "every")


def determiner_variants(text: str) -> list[str]:
    """"rapport with client" -> also "rapport with the client", "rapport with
    your client" …; terms without "with / to / toward(s) + word" are unchanged."""
    words = text.split()
    slots = [i + 1 for i, w in enumerate(words[:-1])
             if w.lower() in _TERM_PREPOSITIONS and words[i + 1].lower() not in _DETERMINERS]
    if not slots:
        return [text]
    out = [text]
    for i in slots:
        out += [" ".join(words[:i] + [d] + words[i:]) for d in _DETERMINERS]
    return out


def term_phrases(text: str) -> list[str]:
    """The phrases a lemma-matched term is looked for as: its spelling variants
    and its determiner variants, each of the term as written (hyphenating the
    determiner variants too built 4x the phrases at every start, for forms
    nobody writes)."""
    return spelling_variants(text) + determiner_variants(text)[1:]


class LexiconMatcher:
    """Finds every lexicon phrase in a processed Doc."""

    def __init__(self, lexicon: Lexicon, nlp: Language):
        self.lexicon = lexicon
        self._nlp = nlp
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str]] = {}
        self._terms: dict[int, TermInfo] = {}
        for cat in lexicon.categories + lexicon.tags:
            self._add_category(cat)
        for sense in lexicon.other_senses:
            self._add(SENSE_PHRASE, sense.id, sense.phrases)
            self._add(SENSE_CUE, sense.id, sense.cues)
        self._add(NEG, "neg", lexicon.negation.phrases)
        self._add(PSEUDO, "pseudo", lexicon.negation.pseudo)
        self._add(CLIENT, "client", lexicon.client_cues)
        self._add(MODEL_CUE, "model_cue", lexicon.model_cues)

    def _label(self, family: str, key: str, suffix: str = "") -> str:
        label = f"{family}|{key}|{suffix}"
        self._labels[self._nlp.vocab.strings.add(label)] = (family, key)
        return label

    def _add(self, family: str, key: str, phrases, exact: bool = False) -> None:
        if not phrases:
            return
        texts = [v for p in phrases for v in spelling_variants(p)]
        docs = [self._nlp.make_doc(t) for t in texts] if exact else list(self._nlp.pipe(texts))
        (self._exact if exact else self._lemma).add(self._label(family, key), docs)

    def _add_category(self, cat: Category) -> None:
        family = TERM if cat.counting else TAG
        for i, term in enumerate(cat.terms):
            label = self._label(family, cat.id, str(i))
            self._terms[self._nlp.vocab.strings[label]] = TermInfo(cat.id, cat.counting, term)
            if term.match == "lemma":
                self._lemma.add(label, list(self._nlp.pipe(term_phrases(term.text))))
            elif term.match == "lower":
                self._lower.add(label, [self._nlp.make_doc(t) for t in spelling_variants(term.text)])
            else:
                self._exact.add(label, [self._nlp.make_doc(term.text)])

    def __call__(self, doc: Doc) -> list[Match]:
        """All matches in ``doc``, sorted by position."""
        out = []
        for match_id, start, end in self._lemma(doc) + self._lower(doc) + self._exact(doc):
            family, key = self._labels[match_id]
            out.append(Match(family, key, start, end, self._terms.get(match_id)))
        # Ties (two terms matching the same tokens) go by the term's text, not by
        # its place in the lexicon: a document's result must not change when an
        # unrelated term is added (the result cache relies on it).
        out.sort(key=lambda m: (m.start, -m.end, m.family, m.key, m.info.term.text if m.info else ""))
        return out
