from syllabus_audit.segment import segment
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
