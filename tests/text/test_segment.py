import pytest

from syllabus_audit.text.nlp import make_nlp
from syllabus_audit.text.segment import segment
from syllabus_audit.types import HEADING, LIST_ITEM, OK, PARAGRAPH, Anchor, Block, ExtractedDocument


def test_paragraphs_split_into_sentences_with_provenance(nlp):
    text = "First sentence here. Second one starts on the next line."
    para = Block(text, PARAGRAPH, (Anchor(0, 2, 5), Anchor(21, 2, 6)))
    doc = ExtractedDocument("d.pdf", "pdf", OK, blocks=(Block("Learning outcomes", HEADING, (Anchor(0, 2, 4),)), para,
                                                       Block("Build rapport. With clients.", LIST_ITEM, (Anchor(0, 3, 1),))))
    passages = [s.passage for s in segment(doc, nlp)]
    assert [(p.text, p.kind, p.page, p.line, p.section) for p in passages] == [
        ("Learning outcomes", HEADING, 2, 4, ""),
        ("First sentence here.", PARAGRAPH, 2, 5, "Learning outcomes"),
        ("Second one starts on the next line.", PARAGRAPH, 2, 6, "Learning outcomes"),
        ("Build rapport. With clients.", LIST_ITEM, 3, 1, "Learning outcomes"),
    ]
    assert [p.index for p in passages] == [0, 1, 2, 3]


def _paragraphs():
    """Paragraph texts of the demo corpus, the real documents (when present),
    the labelled passages joined five at a time, and hand-made edge cases."""
    import csv

    from syllabus_audit.read.discover import discover
    from syllabus_audit.read.extract import extract_file
    from tests.conftest import DEMO, REAL_DOCS, REPO

    texts = ["See the clients. Then we meet.", "Therapy Wed. February 27 Models", "Read etc. Then more.",
             "Use vs. Compare", "Why? Because! Then.", "one.  Two spaces", "A b. C d. E", "e.g. This. That"]
    roots = [DEMO] + ([REAL_DOCS] if REAL_DOCS.is_dir() else [])
    for root in roots:
        for source in discover(root):
            doc = extract_file(source.abs_path, source.path)
            texts += [b.text for b in doc.blocks if b.kind == "paragraph"]
    with (REPO / "corpora" / "labelled" / "passages.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r["text"] for r in csv.DictReader(fh)]
    texts += [" ".join(rows[i:i + 5]) for i in range(0, len(rows), 5)]
    return texts


@pytest.mark.parametrize("lang", ["en", "de", "sv"])
def test_sentence_pieces_give_the_whole_paragraphs_sentences(lang):
    """Each piece, processed alone, yields the sentences (text and offset)
    that processing the whole paragraph yields there."""
    from syllabus_audit.text.segment import _spans, sentence_pieces

    nlp = make_nlp(lang)
    cut = 0
    for text in _paragraphs():
        pieces = sentence_pieces(text, nlp.tokenizer)
        assert "".join(text[a:b] for a, b in pieces) == text
        whole = [(span.start_char, t) for span, t in _spans(nlp(text), PARAGRAPH, text)]
        parts = [(a + span.start_char, t) for a, b in pieces
                 for span, t in _spans(nlp(text[a:b]), PARAGRAPH, text[a:b])]
        assert parts == whole, text[:80]
        cut += len(pieces) - 1
    assert cut > 100  # the check compared real cuts
