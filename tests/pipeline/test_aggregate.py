from syllabus_audit.pipeline.aggregate import group_programs, summarise_sources
from syllabus_audit.types import COUNTED, Hit, Passage, DocumentResult, SourceFile


def _doc(program, name, doc_type, status="ok", mentions=False):
    src = SourceFile(program, f"{program}/{name}", f"/x/{program}/{name}")
    hits = ()
    if mentions:
        p = Passage(0, "Build rapport with clients.", "paragraph", None, 1)
        hits = (Hit("alliance", "rapport", "rapport", p, 6, 13, COUNTED, "lexicon"),)
    return DocumentResult(src, doc_type, "test", status, "", hits)


def test_unreadable_documents_leave_the_denominator():
    docs = [
        _doc("a", "s.pdf", "syllabus", mentions=True),
        _doc("b", "s.pdf", "syllabus"),
        _doc("c", "s.pdf", "syllabus", status="needs_ocr"),  # only an unreadable syllabus
        _doc("c", "d.html", "program_description", mentions=True),
        _doc("d", "s.pdf", "syllabus", status="corrupt"),
    ]
    programs = group_programs(docs)
    s = summarise_sources(programs)
    assert (s["syllabus"].programs, s["syllabus"].no_reference) == (2, 1)
    assert (s["program_description"].programs, s["program_description"].no_reference) == (1, 0)
    assert (s["competency_list"].programs, s["competency_list"].no_reference) == (0, 0)
    # any source: a, b, c are known (d has nothing readable); b has no reference anywhere
    assert (s["any"].programs, s["any"].no_reference) == (3, 1)
    assert s["syllabus"].share_no_reference == 0.5
    assert programs[3].mentions() is None


def test_every_counts_programs_with_a_gap_in_some_source():
    docs = [
        _doc("a", "s.pdf", "syllabus", mentions=True),
        _doc("a", "d.html", "program_description"),
        _doc("b", "s.pdf", "syllabus", mentions=True),
    ]
    s = summarise_sources(group_programs(docs))
    assert (s["every"].programs, s["every"].no_reference) == (2, 1)
    assert (s["any"].programs, s["any"].no_reference) == (2, 0)


def test_other_documents_with_hits_are_listed_not_lost():
    from syllabus_audit.pipeline.aggregate import other_with_hits

    docs = [
        _doc("a", "notes.txt", "other", mentions=True),
        _doc("a", "s.pdf", "syllabus", mentions=True),
        _doc("b", "memo.txt", "other"),  # no hits
        _doc("c", "scan.pdf", "other", status="needs_ocr", mentions=True),  # unreadable
    ]
    found = other_with_hits(group_programs(docs))
    assert [(pid, d.source.path, d.categories) for pid, d in found] == [("a", "a/notes.txt", ("alliance",))]
