import textwrap

import pytest

from syllabus_audit.errors import LexiconError
from syllabus_audit.rules.lexicon import default_lexicon_path, load_lexicon
from syllabus_audit.rules.lexicon_check import run_examples

CATEGORY_IDS = ["alliance", "empathy", "genuineness", "positive_regard", "collaboration",
                "rupture_repair", "feedback", "countertransference", "microskills", "responsiveness"]

MINIMAL = """
version: "9"
categories:
  alliance:
    terms: [therapeutic alliance]
context:
  client_cues: [client]
  negation: {before: ["not"]}
"""


def _write(tmp_path, text, name="lex.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_shipped_lexicon_has_the_ten_public_category_ids(lexicon):
    assert list(lexicon.category_ids) == CATEGORY_IDS
    assert {t.id for t in lexicon.tags} == {"ethics_boundary", "supervision_relationship"}
    assert len(lexicon.sha256) == 64 and lexicon.version


def test_shipped_lexicon_is_package_data():
    path = default_lexicon_path()
    assert path.name == "relationship_skills.yaml" and path.is_file()


def test_every_lexicon_example_is_classified_as_labelled(lexicon):
    assert run_examples(lexicon) == []


def test_every_category_has_positive_and_negative_examples(lexicon):
    for cat in lexicon.categories:
        assert cat.positive_examples and cat.negative_examples, cat.id


def test_minimal_lexicon_loads(tmp_path):
    lex = load_lexicon(_write(tmp_path, MINIMAL))
    assert lex.version == "9" and lex.categories[0].terms[0].text == "therapeutic alliance"


@pytest.mark.parametrize("bad,expected", [
    (MINIMAL.replace("terms: [therapeutic alliance]", "terms: [therapeutic alliance]\n    synonyms: [x]"),
     "lex.yaml: categories.alliance: unknown key 'synonyms' (allowed: description, examples, label, terms)"),
    (MINIMAL.replace("terms: [therapeutic alliance]", "terms: [{term: rapport, strength: medium}]"),
     "lex.yaml: categories.alliance.terms[0]: strength 'medium' is not one of strong, ambiguous, weak"),
    (MINIMAL.replace("terms: [therapeutic alliance]", "terms: [{term: rapport, strenght: ambiguous}]"),
     "lex.yaml: categories.alliance.terms[0]: unknown key 'strenght' (allowed: match, note, strength, term)"),
    (MINIMAL.replace('before: ["not"]', "before: [not, no]"),
     "lex.yaml: context.negation.before[1]: expected a non-empty string, got False (quote it: YAML reads bare yes/no/on/off as booleans)"),
    (MINIMAL.replace('version: "9"\n', ""), "lex.yaml: top level: missing key 'version'"),
    (MINIMAL + "colour: blue\n", "lex.yaml: top level: unknown key 'colour'"),
    (MINIMAL + "tags:\n  alliance:\n    terms: [x]\n", "lex.yaml: tags.alliance: id is also a category"),
    (MINIMAL + "other_senses:\n  x:\n    window: 3\n", "lex.yaml: other_senses.x: needs 'phrases' or 'cues'"),
    (MINIMAL.replace("terms: [therapeutic alliance]", "terms: [rapport, x, {term: Rapport, strength: ambiguous}]"),
     "lex.yaml: categories.alliance.terms[2]: term 'Rapport' is already listed as terms[0]"),
])
def test_lexicon_errors_name_the_file_and_entry(tmp_path, bad, expected):
    with pytest.raises(LexiconError) as err:
        load_lexicon(_write(tmp_path, bad))
    assert str(err.value).startswith(expected)
    assert "\n" not in str(err.value)


def test_the_same_words_in_another_match_mode_are_two_terms(tmp_path):
    lex = load_lexicon(_write(tmp_path, MINIMAL.replace(
        "terms: [therapeutic alliance]", "terms: [SRS, {term: SRS, match: exact}, {term: srs, match: exact}]")))
    assert [t.match for t in lex.categories[0].terms] == ["lemma", "exact", "exact"]


def test_invalid_yaml_and_missing_file(tmp_path):
    with pytest.raises(LexiconError, match=r"lex.yaml: line \d+ invalid YAML"):
        load_lexicon(_write(tmp_path, "version: [unclosed\n"))
    with pytest.raises(LexiconError, match="nope.yaml: cannot read lexicon"):
        load_lexicon(tmp_path / "nope.yaml")
