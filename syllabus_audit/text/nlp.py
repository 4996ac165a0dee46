"""The spaCy pipelines: blank, sentencizer, lower-case lookup lemmas.

One pipeline per language (``make_nlp("en")``, ``"de"``, ``"sv"``, ...).
Offline by construction: no trained pipeline is loaded, only the lookup
tables shipped in ``spacy-lookups-data``.

English is unchanged from the first version: the stock table, a few extra
forms and the UK/US spelling folds. German and Swedish use their own lookup
tables (case-folded: the stock tables are case-sensitive, and the German one
keys nouns in Title Case) followed, to a fixed point, by a few suffix folds
for the inflections the tables miss (German adjective endings, ``-ungen``,
gendered forms such as ``Klient*innen``; Swedish definite and plural endings
of ``-ing``/``-tion``/``-ans`` nouns). Croatian, with seven cases and
adjectives the table lemmatises unevenly ("aktivno" stays, "aktivnog" ->
"aktivan"), takes the table's lemma through the Snowball stemmer instead
(``_STEMMED``). Lemmas are only ever compared with lemmas made by the same
function, so a fold that is "too eager" only merges forms that the lexicon
never tells apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

# spaCy and numpy are imported only where a pipeline is built: a run that needs
# none (a warm re-scan, --help) must not pay their ~0.5 s import.

# Forms the stock table leaves alone but matching needs folded.
_EXTRA_LEMMAS = {
    "microskills": "microskill",
    "ruptures": "rupture",
    "impasses": "impasse",
    "alliances": "alliance",
    "attunement": "attunement",
    "\u2013": "-",  # en dash, em dash and Unicode hyphens match "-"
    "\u2014": "-",
    "\u2010": "-",
    "\u2011": "-",
    "&": "and",
}

# UK/US spelling folds, applied to every lemma. Lemmas are only compared with
# other lemmas made by this same function, so folding "too much" is harmless;
# what matters is that "counseling" and "counselling" end up equal.
_FOLDS = (
    (re.compile(r"counsel(?!l)"), "counsell"),
    (re.compile(r"judgment"), "judgement"),
    (re.compile(r"(behavi|hon|col|fav|hum)or"), r"\1our"),
    (re.compile(r"(?<=[a-z]{2})iz(e|es|ed|ing|ation|ations|er|ers)$"), r"is\1"),
    (re.compile(r"(?<=[a-z]{2})yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"cent(er|ered|ering|ers)$"), lambda m: {"er": "centre", "ered": "centred", "ering": "centring", "ers": "centres"}[m.group(1)]),
    (re.compile(r"^programme"), "program"),
    (re.compile(r"^practis"), "practic"),
    (re.compile(r"skillful"), "skilful"),
)


def _any_of(folds) -> re.Pattern:
    """One pattern matching where any fold would: a word it does not match is
    left unchanged by every fold, so the subs can be skipped (most words)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p, _ in folds))


_FOLDS_ANY = _any_of(_FOLDS)


def fold_spelling(word: str) -> str:
    """Fold UK/US spelling variants of a lower-case word to one form."""
    if not _FOLDS_ANY.search(word):
        return word
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


# Dashes inside a token ("Therapeut–Klient-Beziehung") fold to "-".
_DASHES = re.compile("[\u2010\u2011\u2013\u2014]")

# German: suffix folds for forms the lookup table lacks. Adjective and
# participle endings (therapeutische/therapeutischen -> therapeutisch,
# einfühlende -> einfühlend), noun plurals (Beziehungen -> beziehung,
# Kompetenzen -> kompetenz, Bündnisse(s) -> bündnis), gendered forms
# (Klient*innen, Klient:innen, KlientInnen, Klientin -> klient) and ß -> ss
# (Swiss spelling).
_DE_FOLDS = (
    (_DASHES, "-"),
    (re.compile("ß"), "ss"),
    (re.compile(r"(?<=\w{4})[*:_/]?innen$"), ""),
    (re.compile(r"(?<=\w{4})[*:_/]in$"), ""),
    (re.compile(r"(?<=\w{2})(er|ent|eut|og|iker|ant)in$"), r"\1"),
    (re.compile(r"(?<=\w{2})(isch|ig|lich|end|iv|ell|al|iert|bar|sam|los|haft|ös|är|ent|ant|ert)(e|en|em|er|es)$"), r"\1"),
    (re.compile(r"(?<=\w{2})(ung|heit|keit|schaft|ion|tät|ik|ur|enz|anz)en$"), r"\1"),
    (re.compile(r"(?<=\w{2})ien$"), "ie"),
    (re.compile(r"(?<=\w{2})nis(se|ses|sen)$"), "nis"),
)

# Swedish: definite and plural endings of the noun families the lexicon uses
# (motöverföringen -> motöverföring, relationerna -> relation, alliansen ->
# allians, bemötandet -> bemötande) and -iska/-iskt -> -isk.
_SV_FOLDS = (
    (_DASHES, "-"),
    (re.compile(r"(?<=\w{2})ing(en|ens|ar|arna|arnas)$"), "ing"),
    (re.compile(r"(?<=\w{2})tion(en|ens|er|erna|ernas)$"), "tion"),
    (re.compile(r"(?<=\w{2})(ans|ens)(en|ens|er|erna|ernas)$"), r"\1"),
    (re.compile(r"(?<=\w{2})(ande|ende)(t|ts|n|na)$"), r"\1"),
    (re.compile(r"(?<=\w{2})isk(a|t)$"), "isk"),
    (re.compile(r"(?<=\w{2})brott(et|en|ets)$"), "brott"),
)

_LANG_FOLDS = {"de": _DE_FOLDS, "sv": _SV_FOLDS}
_LANG_FOLDS_ANY = {lang: _any_of(folds) for lang, folds in _LANG_FOLDS.items()}

# Languages whose lemma is the Snowball stem of the table's lemma, and the
# Snowball algorithm. Croatian inflects every noun and adjective in seven
# cases and the lookup table covers adjectives unevenly; Snowball's Serbian
# algorithm (Latin and Cyrillic) is written for the shared
# Serbian/Croatian/Bosnian morphology and also folds ijekavian "-ije-" to
# "-e-". PyStemmer is Snowball compiled (about 50x the pure-Python package:
# the restricted lemma table stems all 1.3 million table forms once).
_STEMMED = {"hr": "serbian"}


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    """The Snowball stemmer of a language in ``_STEMMED``."""
    import Stemmer

    stemmer = Stemmer.Stemmer(_STEMMED[lang])
    # Its word cache costs more than it saves: callers memoise per word form,
    # and the restricted table stems 1.3 million distinct forms (2.8 s -> 1.0 s).
    stemmer.maxCacheSize = 0
    return stemmer


# Before stemming: the oblique forms of Croatian "-ost" nouns (the Snowball
# algorithm strips "-nost" but not "-nosti": kongruentnost -> kongruentn,
# kongruentnosti -> kongruentnost) and dashes.
_HR_OST = re.compile(r"(?<=\w{3})(osti|ošću|ostima|ostim)$")


def _stem_input(word: str) -> str:
    return _HR_OST.sub("ost", _DASHES.sub("-", word))


def stem_word(word: str, lang: str) -> str:
    """The Snowball stem of a lower-case ``word`` (after ``_stem_input``)."""
    return _stemmer(lang).stemWord(_stem_input(word))


def fold_word(word: str, lang: str) -> str:
    """Apply the suffix folds of ``lang`` (none for languages without any)."""
    any_fold = _LANG_FOLDS_ANY.get(lang)
    if any_fold is None or not any_fold.search(word):
        return word
    for pattern, repl in _LANG_FOLDS[lang]:
        word = pattern.sub(repl, word)
    return word


def _raw_table(lang: str) -> dict[str, str]:
    """The lemma lookup table of ``spacy-lookups-data`` for ``lang`` (empty
    when it has none)."""
    from spacy.util import load_language_data, registry

    try:
        path = registry.lookups.get(lang).get("lemma_lookup")
    except Exception:  # no lookups registered for this language
        return {}
    if path is None:
        return {}
    return load_language_data(path)


def _lower_table(lang: str) -> dict[str, str]:
    """The language's lemma lookup table with lower-case keys and values
    (empty when spacy-lookups-data has none). On a case clash German keeps the
    Title Case entry (nouns), other languages the lower-case one."""
    prefer_title = lang == "de"
    out: dict[str, str] = {}
    for form, lemma in _raw_table(lang).items():
        key = form.lower()
        if key not in out or (form[:1].isupper() if prefer_title else form == key):
            out[key] = lemma.lower()
    return out


# Forms whose table lemma loses what the context rules need. Croatian negated
# auxiliaries: the table reads "nije", "nisu", "neće" as "biti" and "htjeti",
# the lemmas of "je", "su", "će", so a negator list could not name them.
_OWN_LEMMA = {
    "hr": ("nisam", "nisi", "nije", "nismo", "niste", "nisu", "neću", "nećeš", "neće", "nećemo", "nećete"),
}


def _build_lemma_table(lang: str) -> dict[str, str]:
    """word form -> lemma, as ``lemma_with`` reads it. English: the stock
    table with the UK/US folds applied to its lemmas, plus the extra forms
    (looked up by the lower-case form, as always: its few Title Case keys are
    never asked for); other languages: ``_lower_table`` (with ``_OWN_LEMMA``)."""
    if lang != "en":
        table = _lower_table(lang)
        table.update({form: form for form in _OWN_LEMMA.get(lang, ())})
        return table
    table = {form: fold_spelling(lemma) for form, lemma in _raw_table("en").items()}
    table.update({form: fold_spelling(lemma) for form, lemma in _EXTRA_LEMMAS.items()})
    return table


def lookups_versions() -> list[str]:
    """The versions tokens and lemmas depend on besides this package's code."""
    from importlib.metadata import version

    return [version("spacy"), version("spacy-lookups-data"), version("PyStemmer")]


@lru_cache(maxsize=None)
def lemma_table(lang: str) -> dict[str, str]:
    """``_build_lemma_table(lang)``, built once per spaCy / lookups version
    and code and then read from the artefact folder: case-folding the German
    and Swedish tables takes about 0.3-0.6 s each, reading them 0.1-0.4 s, and
    a run reads one only when a block in that language is read (or, with the
    document cache on, when document keys are stored)."""
    from .. import artefacts

    key = artefacts.digest("lemmas", lang, lookups_versions(), code=("text/nlp.py",))
    return artefacts.load_or_build("lemmas", key, lambda: _build_lemma_table(lang))


def lemma_with(table: dict[str, str], lang: str, word: str) -> str:
    """The lemma of a lower-case ``word`` given a table from ``lemma_table``
    (or a restriction of one: ``restricted_lemma_table``). English: one
    look-up, else the word with the UK/US spelling folds. Croatian: the
    Snowball stem of the table's lemma. Other languages: table look-up and
    suffix folds repeated until nothing changes (the Swedish table chains,
    e.g. bemötandet -> bemötande -> bemöta)."""
    if lang == "en":
        value = table.get(word)
        return fold_spelling(word) if value is None else value
    if lang in _STEMMED:
        return stem_word(table.get(word, word), lang)
    for _ in range(6):
        new = fold_word(table.get(word, word), lang)
        if new == word:
            break
        word = new
    return word


@lru_cache(maxsize=None)
def lemmatiser(lang: str):
    """word -> lemma for ``lang``: the function behind the pipeline's
    ``lower_lemma`` component and the pre-filter's document keys."""
    table = lemma_table(lang)
    return lambda word: lemma_with(table, lang, word)


def restricted_lemma_table(lang: str, needed: set[str]) -> dict[str, str]:
    """``_restricted_lemma_table``, built once per language, needed lemmas,
    spaCy / lookups version and code (an artefact of its own: editing the
    English lexicon rebuilds only the English table; the Swedish one takes
    seconds to build)."""
    return _restricted_cached(lang, frozenset(needed))


@lru_cache(maxsize=16)
def _restricted_cached(lang: str, needed: frozenset[str]) -> dict[str, str]:
    from .. import artefacts

    key = artefacts.digest("restricted-lemmas", lang, sorted(needed), lookups_versions(), code=("text/nlp.py",))
    return artefacts.load_or_build("restricted-lemmas", key, lambda: _restricted_lemma_table(lang, needed))


def _restricted_lemma_table(lang: str, needed: frozenset[str]) -> dict[str, str]:
    """The part of ``lemma_table(lang)`` that decides whether a word's lemma
    is one of ``needed``: for every word (in the table or not),
    ``lemma_with(small, lang, w)`` is in ``needed`` exactly when
    ``lemma_with(full, lang, w)`` is, and then equal. Built to a fixed point
    from the entries whose lemma is needed (with every table word their chain
    reads) and "blockers": table words that would otherwise fold to a needed
    lemma they do not have. A few thousand entries instead of up to 660,000:
    the pre-filter's per-language word sets (tests/test_artefacts.py checks
    the equivalence on every table word and on corpus words). Built once per
    lexicon (an artefact); the folds are memoised because the table's
    660,000 Swedish forms share far fewer lemmas."""
    table = lemma_table(lang)
    if lang in _STEMMED:
        return _restricted_stemmed_table(table, lang, needed)
    folded: dict[str, str] = {}

    def fold(word: str) -> str:
        value = folded.get(word)
        if value is None:
            value = folded[word] = fold_spelling(word) if lang == "en" else fold_word(word, lang)
        return value

    def lemma(t: dict[str, str], word: str) -> str:  # ``lemma_with`` with memoised folds
        if lang == "en":
            value = t.get(word)
            return fold(word) if value is None else value
        for _ in range(6):
            new = fold(t.get(word, word))
            if new == word:
                break
            word = new
        return word

    small: dict[str, str] = {}

    def copy_chain(word: str) -> None:  # every table entry the full chain of ``word`` reads
        for _ in range(6):
            if word in table:
                small[word] = table[word]
            if lang == "en":
                return
            new = fold(table.get(word, word))
            if new == word:
                return
            word = new

    full = {form: lemma(table, form) for form in table}
    for form, value in full.items():
        if value in needed:
            copy_chain(form)
    # Outside ``small`` a form reads as itself: its lemma differs from the
    # full one only if a fold changes it, or it is itself a needed lemma.
    movers = [form for form in table if fold(form) != form or form in needed]
    changed = True
    while changed:
        changed = False
        for form in [*small, *movers]:
            mine, value = lemma(small, form), full[form]
            if mine != value and (mine in needed or value in needed):
                before = len(small)
                copy_chain(form)
                changed |= len(small) != before
    return small


def _restricted_stemmed_table(table: dict[str, str], lang: str, needed: frozenset[str]) -> dict[str, str]:
    """``_restricted_lemma_table`` for a language in ``_STEMMED``, where a
    word's lemma is one step, ``stem(table.get(w, w))``: keep the entries
    whose lemma is needed and those whose own stem is needed but differs from
    their lemma (outside the small table a word reads as ``stem(w)``)."""
    stem = _stemmer(lang).stemWords
    forms = list(table)
    own = stem([_stem_input(w) for w in forms])
    lemmas = sorted(set(table.values()))  # ~100,000 lemmas for 1.3 million Croatian forms
    lemma_stem = dict(zip(lemmas, stem([_stem_input(v) for v in lemmas])))
    full = [lemma_stem[table[w]] for w in forms]
    return {w: table[w] for w, o, f in zip(forms, own, full) if f in needed or (o in needed and o != f)}


def make_lower_lemma(nlp, name: str):
    """Lemmatise on the lower-case form (the stock lookup is case-sensitive,
    so "Students" or Title Case headings would keep their surface form).
    Lemmas come from ``lemmatiser``, computed once per word form seen."""
    lemma = lemmatiser(nlp.lang)
    strings = nlp.vocab.strings
    mapping: dict[int, int] = {}

    def lemma_of(key: int) -> int:
        value = mapping.get(key)
        if value is None:
            value = mapping[key] = strings.add(lemma(strings[key]))
        return value

    return _lemma_component(lemma_of, mapping)


def _lemma_component(lemma_of, known: dict[int, int]):
    """A pipeline function setting LEMMA from LOWER through ``lemma_of`` (on arrays:
    the stock lemmatizer loops over Token objects and costs ~10x more);
    ``known`` is ``lemma_of``'s memo, read directly for forms seen before."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    get = known.get

    def lower_lemma(doc):
        low = doc.to_array([LOWER])
        if len(low) == 0:
            return doc
        keys = low.tolist()
        values = [get(x) for x in keys]
        if None in values:
            values = [lemma_of(x) if v is None else v for x, v in zip(keys, values)]
        lem = np.array(values, dtype=np.uint64)
        doc.from_array([LEMMA], lem.reshape(-1, 1))
        return doc

    lower_lemma.lemma_of = lemma_of  # hash of a lower-case form -> hash of its lemma (pre-filter)
    return lower_lemma


def make_array_sentencizer(nlp, name: str):
    """spaCy's rule-based ``Sentencizer`` (same punctuation, same rule: a
    sentence starts at the first non-punctuation token after a sentence-final
    character), computed on token arrays. The stock component builds a Token
    object per token in Python and was the largest part of segmentation;
    tests/text/test_nlp.py checks both give the same sentences."""
    import numpy as np
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START
    from spacy.pipeline import Sentencizer

    final = np.array(sorted(nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars), dtype=np.uint64)
    final_set = set(final.tolist())

    def array_sentencizer(doc):
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array([ORTH, IS_PUNCT])
        if n <= 64:  # short docs (most passages): the stock loop, on plain ints
            flags, seen = [-1] * n, False
            flags[0] = 1
            for i, (orth, punct) in enumerate(arr.tolist()):
                if orth in final_set:
                    seen = True
                elif seen and not punct:
                    flags[i], seen = 1, False
            doc.from_array([SENT_START], np.array(flags, dtype=np.int64).view(np.uint64).reshape(-1, 1))
            return doc
        at = np.minimum(np.searchsorted(final, arr[:, 0]), len(final) - 1)
        is_final = final[at] == arr[:, 0]  # np.isin sorts its input: slower on short docs
        word = (arr[:, 1] == 0) & ~is_final
        positions = np.where(word, np.arange(n), n)
        next_word = np.minimum.accumulate(positions[::-1])[::-1]  # first word at or after i
        starts = np.zeros(n, dtype=bool)
        starts[0] = True
        after = np.flatnonzero(is_final) + 1
        after = next_word[after[after < n]]
        starts[after[after < n]] = True
        doc.from_array([SENT_START], np.where(starts, 1, -1).astype(np.int64).view(np.uint64).reshape(-1, 1))
        return doc

    return array_sentencizer


# German gender-inclusive forms stay one token ("Klient:innen", "Klient/innen",
# "Klient_innen"; "Klient*innen" already does), so the lemma folds apply.
_GENDER_FORM = re.compile(r"^[^\W\d_]{2,}[:/_*](?:in|innen)$")


def _keep_gender_forms(nlp) -> None:
    previous = nlp.tokenizer.token_match
    if previous is None:
        nlp.tokenizer.token_match = _GENDER_FORM.match
    else:
        nlp.tokenizer.token_match = lambda text: _GENDER_FORM.match(text) or previous(text)


def _register_components() -> None:
    """Register the two components with spaCy, once, when the first pipeline
    is built (registering needs spaCy imported)."""
    from spacy.language import Language

    if not Language.has_factory("lower_lemma"):
        Language.factory("lower_lemma", func=make_lower_lemma)
    if not Language.has_factory("array_sentencizer"):
        Language.factory("array_sentencizer", func=make_array_sentencizer)


def make_nlp(lang: str = "en"):
    """The blank pipeline for ``lang`` (an ISO 639-1 code spaCy knows), built
    once per process: ``make_nlp()`` and ``make_nlp("en")`` are the same object.
    Raises ``ValueError`` for a language spaCy has no blank pipeline for."""
    return _build_nlp(lang or "en")


# Japanese is written without spaces. spaCy's own Japanese tokenizer needs
# SudachiPy and its dictionary (a morphological analyser, ~70 MB); the lexicon
# matches character strings instead, so the rule-based tokenizer splits every
# kana and kanji (and CJK punctuation) into a token of its own: "治療関係" is
# a four-token phrase wherever it occurs. Latin words and numbers stay whole.
CJK_LETTER = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
CJK_CHAR = CJK_LETTER + "\u3000-\u3004\u3006-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_CHARACTER_TOKENS = {"ja"}


def _character_tokens(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), f"[{CJK_CHAR}]"]).finditer


def _blank(lang: str):
    """``spacy.blank(lang)`` with this project's tokenizer settings."""
    import spacy

    config = {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}} if lang in _CHARACTER_TOKENS else {}
    try:
        nlp = spacy.blank(lang, config=config)
    except (ImportError, KeyError) as exc:  # spaCy: ImportError E048 for an unknown code
        raise ValueError(f"no spaCy pipeline for language {lang!r}: {exc}") from None
    if lang in _CHARACTER_TOKENS:
        _character_tokens(nlp)
    if lang == "de":
        _keep_gender_forms(nlp)
    # Whitespace-only special cases disable the tokenizer cache (spaCy#13950)
    # and change no tokens; dropping them is measured at ~1.7x on real text.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if not k.isspace()}
    return nlp


_BUILT: dict[str, object] = {}  # lang -> its pipeline, once built


@lru_cache(maxsize=None)
def _build_nlp(lang: str):
    _register_components()
    nlp = _blank(lang)
    nlp.add_pipe("array_sentencizer", name="sentencizer")
    nlp.add_pipe("lower_lemma")
    nlp.initialize()
    nlp.max_length = 20_000_000
    _BUILT[lang] = nlp
    return nlp


def tokenizer_for(lang: str):
    """The tokenizer of ``make_nlp(lang)``, or one with the same settings
    when that pipeline is not built: the pre-filter needs the tokens of a few
    unusual words in every language, not each language's lemma table."""
    nlp = _BUILT.get(lang)
    return nlp.tokenizer if nlp is not None else _tokenizer_only(lang)


@lru_cache(maxsize=None)
def _tokenizer_only(lang: str):
    return _blank(lang).tokenizer


def special_cases(lang: str) -> frozenset[str]:
    """The tokenizer's special-case strings, lower-cased."""
    return frozenset(k.lower() for k in tokenizer_for(lang).rules)
