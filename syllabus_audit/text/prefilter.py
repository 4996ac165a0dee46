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
word. ``tests/text/test_prefilter.py`` checks on the demo, labelled and real
corpora that the filtered scan gives the same output as the full one.

Why not a regular expression of anchor surface forms: lemma matching makes
"engaging", "engaged" and "engagement" reach different lemmas through the
lookup table, so the surface forms of a lemma are not a closed list; looking
up each new word's lemma (once per process) with the same lemma function the
pipeline uses is exact.

Start-up: the phrases' keys are computed once per lexicon content (with the
full pipelines) and stored as an artefact (``filter_tables``, artefacts.py).
A word's lemma is looked up in a per-language restricted table that answers
exactly for the lemmas the phrases need (``nlp.restricted_lemma_table``), so
the filter needs neither the German nor the Swedish pipeline to decide that
an English block is no candidate.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache

from ..rules.lexicon import Lexicon, content_digest
from .nlp import CJK_LETTER

# Words: ``\w+`` runs, except that every kana and kanji is a word of its own
# (the Japanese pipeline makes each one a token: text/nlp.py).
_WORD = re.compile(f"[{CJK_LETTER}]|[^\\W{CJK_LETTER}]+")
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


def filter_tables(lexicons: Sequence[Lexicon]) -> dict:
    """Everything a ``CandidateFilter`` needs, derived once from the lexicons
    with their full pipelines and stored as an artefact (plain lists and
    strings): per phrase its required keys, per language its tokenizer's
    special cases and the restricted lemma table (``nlp.restricted_lemma_table``)
    that answers for the lemmas the phrases need."""
    from ..detect.matcher import spelling_variants
    from .nlp import make_nlp, restricted_lemma_table, special_cases

    by_trigger: dict[str, set[frozenset[str]]] = {}
    entries: dict[str, set[tuple[frozenset[str], str]]] = {}  # trigger -> (keys, meaning)
    everywhere: list[str] = []  # meanings of entries without a word: part of every dependency
    unanchored: list[str] = []  # phrases without a word (none in the shipped lexicons)
    glob = []
    for pipe, lexicon in enumerate(lexicons):
        nlp = make_nlp(lexicon.language)
        for item, text, match, candidate in _phrase_entries(lexicon):
            meaning = json.dumps([pipe, *item], ensure_ascii=False)
            for v in [text] if match == "exact" else spelling_variants(text):
                tokens = list(nlp(v)) if match == "lemma" else list(nlp.make_doc(v))
                keys = _required(tokens, match, pipe)
                if keys is None:
                    everywhere.append(meaning)
                    if candidate:
                        unanchored.append(v)
                    continue
                trigger = max(keys, key=lambda k: (len(k), k))  # the longest word: usually the rarest
                entries.setdefault(trigger, set()).add((keys, meaning))
                if candidate:
                    by_trigger.setdefault(trigger, set()).add(keys)
        glob.append([pipe, _global_part(lexicon)])
    needed = sorted({k for reqs in entries.values() for req, _ in reqs for k in req})
    langs = [lex.language for lex in lexicons]
    restricted = []
    for pipe, lang in enumerate(langs):
        prefix = f"L{pipe}:"
        restricted.append(restricted_lemma_table(lang, {k[len(prefix):] for k in needed if k.startswith(prefix)}))
    return {
        "langs": langs,
        "special": [sorted(special_cases(lang)) for lang in langs],
        "restricted": restricted,
        "unanchored": unanchored,
        # phrases sorted so the check is deterministic; single keys first (cheapest)
        "phrases": {k: [sorted(s) for s in sorted(v, key=lambda s: (len(s), sorted(s)))]
                    for k, v in by_trigger.items()},
        "entries": {k: [[sorted(req), meaning] for req, meaning in sorted(v, key=lambda e: (sorted(e[0]), e[1]))]
                    for k, v in entries.items()},
        "needed": needed,
        "global_digest": hashlib.sha256(
            json.dumps([glob, sorted(set(everywhere))], ensure_ascii=False).encode("utf-8")).hexdigest(),
    }


class CandidateFilter:
    """The phrases (terms, tags, client and model cues) of one or more
    lexicons, each as the set of word keys a block must contain for the phrase
    to match in it; and, for the result cache, every phrase-like lexicon entry
    with what it means (``dependency``).

    Built from ``filter_tables`` (an artefact): no spaCy pipeline is needed
    to answer for ordinary words. A word's keys are its form and, per
    language, its lemma: looked up in the restricted lemma tables for the
    candidate check, and in the full tables (read on first use) for the
    ``document_keys`` the cache stores. A word that is not plain letters or
    digits, or is a tokenizer special case ("cannot"), is split by that
    language's tokenizer first, as spaCy would.
    """

    def __init__(self, tables: dict):
        self.langs: list[str] = list(tables["langs"])
        self._special = [frozenset(s) for s in tables["special"]]
        small = [dict(t) for t in tables["restricted"]]
        self._needed_lemma = [self._lemma_fn(lang, t) for lang, t in zip(self.langs, small)]
        self._full_lemma = None  # per language, the full lemmatiser (``document_keys`` only)
        self.unanchored: list[str] = list(tables["unanchored"])
        self._phrases = {k: [frozenset(s) for s in v] for k, v in tables["phrases"].items()}
        self._triggers = frozenset(self._phrases)
        self._entries = {k: [(frozenset(req), meaning) for req, meaning in v] for k, v in tables["entries"].items()}
        self._entry_triggers = frozenset(self._entries)
        self.global_digest: str = tables["global_digest"]
        self._needed = frozenset(tables["needed"])
        self._keys: dict[str, tuple[str, ...]] = {}  # word -> its keys that some phrase needs
        self._all_keys: dict[str, tuple[str, ...]] = {}  # word -> all its keys
        self._relevant_words: set[str] = set()  # words with such keys
        self._trigger_words: set[str] = set()  # words with a trigger key among them

    @staticmethod
    def _lemma_fn(lang: str, table: dict[str, str]):
        from .nlp import lemma_with

        return lambda word: lemma_with(table, lang, word)

    def load_tokenizers(self) -> None:
        """Build every language's tokenizer now (before forking workers) rather
        than at the first word that needs one (a course code such as "coun551")."""
        from .nlp import tokenizer_for

        for lang in self.langs:
            tokenizer_for(lang)

    def load_full_tables(self) -> None:
        """Read every language's full lemma table now (before forking workers
        that will store document keys), instead of on first use."""
        if self._full_lemma is None:
            from .nlp import lemmatiser

            self._full_lemma = [lemmatiser(lang) for lang in self.langs]

    def _learn(self, word: str) -> None:
        if len(self._keys) >= _MAX_MEMO:
            self._keys.clear()
            self._relevant_words.clear()
            self._trigger_words.clear()
        needed = self._needed.intersection(self._word_keys(word, self._needed_lemma))
        self._keys[word] = tuple(sorted(needed))
        if needed:
            self._relevant_words.add(word)
        if not self._triggers.isdisjoint(needed):
            self._trigger_words.add(word)

    def _word_keys(self, word: str, lemmas, fast: bool = True) -> tuple[str, ...]:
        """The keys of one lower-case word: its form, and per pipeline the
        forms and lemmas of the tokens spaCy makes of it (``lemmas``: one
        lemma function per pipeline). A word of letters (or of digits) that is
        no tokenizer special case is one token, so its lemma is looked up
        directly (``fast``; tests check both ways agree on every corpus word)."""
        keys = {f"W:{word}"}
        plain = word.isalpha() or word.isdecimal()
        for pipe, lang in enumerate(self.langs):
            lemma = lemmas[pipe]
            if fast and plain and word not in self._special[pipe]:
                keys.add(f"L{pipe}:{lemma(word)}")
                continue
            from .nlp import tokenizer_for

            for t in tokenizer_for(lang)(word):  # the same tokens a block's doc gets
                low = t.lower_
                keys.add(f"L{pipe}:{lemma(low)}")
                keys.add(f"W:{low}")
        return tuple(sorted(keys))

    def is_candidate(self, text: str) -> bool:
        """True when some phrase can match in ``text`` (all its word keys occur)."""
        return self._check(set(_WORD.findall(text.lower())))

    def _check(self, words: set[str]) -> bool:
        """Set operations first: most blocks have no trigger word at all."""
        if self.unanchored:
            return True
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

    def document_keys(self, vocabulary: Iterable[str]) -> set[str]:
        """Every key (word forms and, per pipeline, lemmas) of a document's
        words, whatever the lexicons: stored in the cache, it lets a later scan
        with other lexicons compute ``dependency`` without lemmatising again."""
        self.load_full_tables()
        words = set(vocabulary)
        if len(self._all_keys) >= _MAX_MEMO:
            self._all_keys.clear()
        for word in words.difference(self._all_keys):
            self._all_keys[word] = self._word_keys(word, self._full_lemma)
        keys: set[str] = set()
        for word in words:
            keys.update(self._all_keys[word])
        return keys

    def dependency(self, keys: set[str]) -> str:
        """A digest of everything in the lexicons a document with these
        ``document_keys`` can be affected by: the meaning of every phrase-like
        entry (term, tag, false-sense phrase or cue, negation phrase, client or
        model cue) all of whose words occur in it, plus the lexicons' global
        parts. A lexicon change that alters none of these cannot change the
        document's result (an entry with a missing word matches nowhere in it)."""
        present = sorted({meaning for trigger in keys & self._entry_triggers
                          for req, meaning in self._entries[trigger] if req <= keys})
        return hashlib.sha256("\n".join([self.global_digest, *present]).encode("utf-8")).hexdigest()

    @cached_property
    def keys_signature(self) -> str:
        """What ``document_keys`` depend on: the pipelines' languages, the
        spaCy, lookup-table and stemmer versions and this package's code (part of the
        cache key)."""
        from .. import artefacts
        from .nlp import lookups_versions

        return ":".join([",".join(self.langs), *lookups_versions(), artefacts.code_digest()])


def words(texts: Iterable[str]) -> set[str]:
    """A document's vocabulary: every distinct word (lower case) of its blocks,
    as ``document_keys`` takes it."""
    found: set[str] = set()
    for text in texts:
        found.update(_WORD.findall(text.lower()))
    return found


def _phrase_entries(lexicon: Lexicon):
    """(meaning, phrase, match mode, is a candidate phrase) of every phrase the
    matcher looks for; the meaning holds every setting the phrase's matches
    are judged by."""
    for cat in lexicon.categories + lexicon.tags:
        for t in cat.terms:
            yield ["term", cat.id, cat.counting, t.text, t.strength, t.match], t.text, t.match, True
    for cue in lexicon.client_cues:
        yield ["client_cue", cue], cue, "lemma", True
    for cue in lexicon.model_cues:
        yield ["model_cue", cue], cue, "lemma", True
    for sense in lexicon.other_senses:
        setting = [sense.id, sense.window, sorted(sense.applies_to)]
        for phrase in sense.phrases:
            yield ["sense_phrase", *setting, phrase], phrase, "lemma", False
        for cue in sense.cues:
            yield ["sense_cue", *setting, cue], cue, "lemma", False
    for phrase in lexicon.negation.phrases:
        yield ["negation", phrase], phrase, "lemma", False
    for phrase in lexicon.negation.pseudo:
        yield ["pseudo_negation", phrase], phrase, "lemma", False


def _global_part(lexicon: Lexicon) -> list:
    """What every document's result depends on, whatever its words."""
    return [lexicon.language, list(lexicon.category_ids), [t.id for t in lexicon.tags],
            [[s.id, s.window, sorted(s.applies_to)] for s in lexicon.other_senses],
            list(lexicon.negation.before), lexicon.negation.window]


@lru_cache(maxsize=8)
def candidate_filter(lexicons: tuple[Lexicon, ...]) -> CandidateFilter:
    """A ``CandidateFilter`` over these lexicons (one pipeline each, in this
    order), once per process; its tables are an artefact keyed by the
    lexicons' content, the spaCy / lookups versions and the code, so an edited
    lexicon gets new tables and an unchanged one loads in milliseconds."""
    from .. import artefacts
    from .nlp import lookups_versions

    # computed by this module with the pipelines (nlp.py) and the matcher's spelling variants
    key = artefacts.digest("filter", [content_digest(lex) for lex in lexicons], lookups_versions(),
                           code=("text/prefilter.py", "text/nlp.py", "rules/lexicon.py", "detect/matcher.py"))
    # JSON: a warm re-scan needs these tables (for cache keys) and nothing else from srsly
    return CandidateFilter(artefacts.load_or_build("filter", key, lambda: filter_tables(lexicons), fmt="json"))
