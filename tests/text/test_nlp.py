"""The pipelines' own components agree with the spaCy components they replace."""

from __future__ import annotations

import csv

import pytest
import spacy

from syllabus_audit.text.nlp import make_nlp
from tests.conftest import DEMO, REPO

EDGE_CASES = ["", " ", "Hello. World", "...", "Ok!? yes.", "a .\n\nb", "e.g. this. That one.", "Why? Because!",
              "Week 3 – rapport. (Required.) Next", "“Quoted.” Then more", "A\u3002B", "x;y. z"]


def _texts() -> list[str]:
    with (REPO / "corpora" / "labelled" / "passages.csv").open(newline="", encoding="utf-8") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DEMO.rglob("*.md")) + sorted(DEMO.rglob("*.txt"))]
    return texts + EDGE_CASES


@pytest.mark.parametrize("lang", ["en", "de", "sv"])
def test_array_sentencizer_gives_the_stock_sentencizers_sentences(lang):
    ours = make_nlp(lang)
    stock = spacy.blank(lang)
    stock.add_pipe("sentencizer")
    stock.tokenizer = ours.tokenizer  # same tokens; only the sentence rule is compared
    texts = _texts()
    got = [[s.text for s in d.sents] for d in ours.pipe(texts)]
    want = [[s.text for s in d.sents] for d in stock.pipe(texts)]
    assert got == want
    assert sum(len(s) for s in got) > len(texts)  # some texts have several sentences


def test_fold_shortcut_changes_no_word():
    """The any-fold pre-check only skips work: every word of the labelled
    passages (and some made-up forms) folds as with every fold applied."""
    import re

    from syllabus_audit.text import nlp as N

    words = {w for t in _texts() for w in re.findall(r"\w+", t.lower())}
    words |= {"counseling", "behavior", "organize", "centered", "klient*innen", "beziehungen", "alliansen",
              "relationerna", "bemötandet", "straße", "judgment", "programmes", "practise"}

    def slow(word, folds):
        for pattern, repl in folds:
            word = pattern.sub(repl, word)
        return word

    for w in words:
        assert N.fold_spelling(w) == slow(w, N._FOLDS)
        for lang, folds in N._LANG_FOLDS.items():
            assert N.fold_word(w, lang) == slow(w, folds)


@pytest.mark.parametrize("forms", [
    ["terapijski odnos", "terapijskog odnosa", "terapijskom odnosu", "terapijskim odnosima"],
    ["aktivno slušanje", "aktivnog slušanja", "aktivnim slušanjem"],
    ["empatija", "empatije", "empatijom", "empatiji"],
    ["klijent", "klijenta", "klijentima", "klijentom"],
    ["kongruentnost", "kongruentnosti", "kongruentnošću"],
    ["savjetodavni odnos", "savjetodavnog odnosa"],
])
def test_croatian_inflected_forms_share_their_lemmas(forms):
    """Croatian lemmas are the Snowball stem of the table's lemma, so the case
    forms of a phrase (including adjectives the table lemmatises unevenly:
    "aktivno" stays, "aktivnog" -> "aktivan") reach the same keys."""
    nlp = make_nlp("hr")
    lemmas = {tuple(t.lemma_ for t in nlp(f)) for f in forms}
    assert len(lemmas) == 1, lemmas


def test_croatian_lemmas_keep_distinct_words_apart():
    nlp = make_nlp("hr")
    keys = [nlp(w)[0].lemma_ for w in ["odnos", "savez", "suradnja", "supervizija", "empatija", "klijent", "pacijent"]]
    assert len(set(keys)) == len(keys)
