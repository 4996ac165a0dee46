"""Lexicon phrase variants: what the matcher adds to each term."""

from syllabus_audit.detect.matcher import determiner_variants, spelling_variants, term_phrases


def test_determiner_variants_after_a_preposition():
    variants = determiner_variants("rapport with client")
    assert variants[0] == "rapport with client"
    assert {"rapport with the client", "rapport with your client", "rapport with their client"} <= set(variants)
    assert len(variants) == len(set(variants)) == 11


def test_no_determiner_variants_without_a_preposition_or_after_one_already():
    assert determiner_variants("client engagement") == ["client engagement"]
    assert determiner_variants("relationship with the client") == ["relationship with the client"]


def test_term_phrases_are_spelling_variants_plus_unhyphenated_determiner_variants():
    """Hyphenating every determiner variant as well built 4x the phrases at every start."""
    assert set(spelling_variants("self-disclosure")) == {"self-disclosure", "self disclosure", "selfdisclosure"}
    phrases = term_phrases("build rapport with client")
    assert len(phrases) == len(spelling_variants("build rapport with client")) + 10
    assert "build rapport with your client" in phrases and "build-rapport-with-your-client" not in phrases
