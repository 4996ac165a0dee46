from syllabus_audit.pipeline.aggregate import SourceSummary
from syllabus_audit.report.table import headline


def test_headline_matches_the_documented_example():
    assert headline("syllabus", SourceSummary(28, 12)) == (
        "Of 28 programs with syllabi, 12 (43%, 95% CI 26–61%) make no reference "
        "to relationship skills in them.")


def test_headline_singular_and_empty():
    assert headline("competency_list", SourceSummary(1, 0)).startswith("Of 1 program with competency lists, 0 (0%")
    assert headline("program_description", SourceSummary(0, 0)) == "No program has readable program descriptions."
