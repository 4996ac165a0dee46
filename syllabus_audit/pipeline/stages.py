"""The per-document chain, as stage functions with plain data between them.

    source file --read_document------> ExtractedDocument
                --document_language--> (language, confidence)
                --passage_groups-----> passages with their lexicon hits, by block language
                --judged_hits--------> the document's final hits (method, reviewer decisions, levels)
                --judged_result------> DocumentResult

Each stage takes what it works with as arguments (the pre-filter, the
pipelines, the section rules, the model): ``Auditor`` holds those resources
and calls the chain; the result cache (``cache.CachedAudit``) wraps the chain
from outside, so nothing here knows of it.

spaCy (detect, nlp, segment) and the model (detect.methods) are imported
where first needed: a warm re-scan serves every document from the cache
without either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePosixPath

from ..read.doctype import infer_doc_type
from ..read.extract import extract_file  # light: each format's library loads with its first file
from ..read.language import document_language, language_name, languages_at
from ..rules.lexicon import shipped_languages
from ..types import (COUNTED, LIST_ITEM, OK, PARAGRAPH, UNSUPPORTED_LANGUAGE, Anchor, Block, DocumentResult,
                     ExtractedDocument, Hit, Passage, SourceFile)
from .decisions import apply_decisions, group_hits

# Paragraphs at least this long are narrowed to their candidate sentences;
# shorter ones are read whole (splitting costs more than it saves there).
PIECES_FROM_CHARS = 300

Groups = list[tuple[str, list[tuple[Passage, list[Hit]]]]]


def read_document(source: SourceFile, ocr: bool) -> ExtractedDocument:
    """The file's blocks (never raises for a bad file: the status says why)."""
    return extract_file(source.abs_path, source.path, ocr=ocr)


def document_language_of(extracted: ExtractedDocument, forced: str | None) -> tuple[str, float]:
    """(language, confidence): the forced one, else identified from the blocks."""
    return (forced, 1.0) if forced else document_language(extracted.blocks)


def passage_groups(extracted: ExtractedDocument, document: tuple[str, float], candidates, pipeline_for,
                   sections, *, full: bool = False, language: str | None = None,
                   flags: list[bool] | None = None) -> tuple[Groups, int]:
    """Passages with their lexicon hits, grouped by the language of their
    blocks (in order of appearance; passage indices are unique within a
    group), and the number of candidate blocks skipped for being in a
    language without a lexicon.

    Only candidate blocks (``candidates``: the ``CandidateFilter``) are read
    unless ``full``: the others can yield no hit and no model admission, so
    both give the same decisions (tests/text/test_prefilter.py); ``full`` also
    returns every passage without a hit (review samples negatives from them).
    ``language`` forces every block's language; ``flags`` are the blocks'
    ``CandidateFilter`` answers, if already known; ``pipeline_for(lang)``
    gives (nlp, detector) or None.
    """
    blocks = extracted.blocks
    if flags is None:
        flags = candidates.candidates([b.text for b in blocks])
    wanted = range(len(blocks)) if full else [i for i, f in enumerate(flags) if f]
    if language:
        langs = {i: language for i in wanted}
    else:
        langs = {i: pl.language for i, pl in languages_at(blocks, wanted, document).items()}
    from ..text.segment import section_states, segment_blocks

    states = section_states(blocks, sections)
    groups, skipped = [], 0
    for lang in dict.fromkeys(langs[i] for i in wanted):
        indices = [i for i in wanted if langs[i] == lang]
        pipe = pipeline_for(lang)
        if pipe is None:
            skipped += sum(flags[i] for i in indices)
            continue
        nlp, detector = pipe
        items = ([(i, 0, None) for i in indices] if full
                 else candidate_pieces(blocks, indices, nlp, candidates.is_candidate))
        groups.append((lang, detector.detect_passages(segment_blocks(blocks, items, states, nlp))))
    return groups, skipped


def candidate_pieces(blocks, indices: list[int], nlp, is_candidate) -> list[tuple[int, int, int | None]]:
    """Candidate blocks, with paragraphs narrowed to their candidate
    ``sentence_pieces`` (a paragraph with one relevant sentence in ten is
    read as that sentence)."""
    from ..text.segment import sentence_pieces

    items = []
    for i in indices:
        text = blocks[i].text
        if blocks[i].kind != PARAGRAPH or len(text) < PIECES_FROM_CHARS:
            items.append((i, 0, None))
            continue
        pieces = sentence_pieces(text, nlp.tokenizer)
        if len(pieces) == 1:
            items.append((i, 0, None))
            continue
        items += [(i, a, b) for a, b in pieces if is_candidate(text[a:b])]
    return items


def judged_hits(groups: Groups, judging: Callable, threshold: float | None, sections, digest: str,
                decisions: dict | None = None) -> tuple[list[Hit], set[str], set[str]]:
    """The document's hits after the decision method (``judging(lang)`` gives
    (method, model, category ids) for a block language), the reviewer's
    ``decisions`` (by passage id) and the section levels, in reading order;
    with the decisions used and those that could not be applied."""
    from ..detect.methods import apply_method

    hits: list[Hit] = []
    used: set[str] = set()
    skipped: set[str] = set()
    for lang, passages in groups:
        method, model, category_ids = judging(lang)
        group = apply_method(method, passages, model, threshold)
        if decisions:
            group = apply_decisions(
                group_hits(passages, group), digest, decisions, used, category_ids=category_ids, skipped=skipped,
                level=lambda h: sections.level(h.passage.section_kind, h.passage.text, h.strength))
        hits += group
    hits.sort(key=lambda h: (h.passage.page or 0, h.passage.line, h.start))
    return [with_level(h, sections) for h in hits], used, skipped


def with_level(hit: Hit, sections) -> Hit:
    """A counted hit with its evidence level from the section rules (a reviewer's keeps its own)."""
    if hit.status != COUNTED or hit.decided_by == "reviewer":
        return hit
    return replace(hit, level=sections.level(hit.passage.section_kind, hit.passage.text, hit.strength))


def judged_result(source: SourceFile, extracted: ExtractedDocument, hits: list[Hit], digest: str,
                  language: tuple[str, float], skipped_blocks: int = 0,
                  decided: tuple[set[str], set[str]] | None = None) -> DocumentResult:
    """The result of a judged document: its hits, a note on blocks skipped for
    their language and, under reviewer decisions, which were used or skipped."""
    if skipped_blocks:
        note = (f"{skipped_blocks} blocks with lexicon vocabulary in a language without a lexicon were skipped"
                if skipped_blocks != 1 else
                "1 block with lexicon vocabulary in a language without a lexicon was skipped")
        extracted = replace(extracted, reason="; ".join(x for x in (extracted.reason, note) if x))
    result = document_result(source, extracted, tuple(hits), digest, (language[0], round(language[1], 4)))
    if decided is None:
        return result
    return replace(result, decisions_used=tuple(sorted(decided[0])), decisions_skipped=tuple(sorted(decided[1])))


def unsupported_language(source: SourceFile, extracted: ExtractedDocument, digest: str,
                         language: tuple[str, float]) -> DocumentResult:
    """The result of a document in a language without a lexicon (not judged)."""
    lang, conf = language
    reason = (f"document language is {language_name(lang)} ({lang}, confidence {conf:.2f}); "
              f"no lexicon for it (shipped: {', '.join(shipped_languages())})")
    return document_result(source, replace(extracted, status=UNSUPPORTED_LANGUAGE, reason=reason), (), digest,
                           (lang, round(conf, 4)))


def failed_result(source: SourceFile, status: str, reason: str) -> DocumentResult:
    """The result of a file that could not be read at all (missing, timed out, an error)."""
    return document_result(source, ExtractedDocument(source.path, "unknown", status, reason), ())


def document_result(source: SourceFile, extracted: ExtractedDocument, hits, sha256: str | None = None,
                    language: tuple[str, float] | None = None) -> DocumentResult:
    doc_type, why = doc_type_of(source, extracted.blocks)
    return DocumentResult(source, doc_type, why, extracted.status, extracted.reason, hits, sha256,
                          language[0] if language else None, language[1] if language else None)


def doc_type_of(source: SourceFile, blocks, typed: list | None = None) -> tuple[str, str]:
    """(type, reason): the manifest's; the stored one (``typed``: [path, type,
    reason]) when it was inferred for the same path; else inferred."""
    if source.doc_type:
        return source.doc_type, "manifest"
    path = path_in_program(source)
    if typed and typed[0] == path:
        return typed[1], typed[2]
    return infer_doc_type(path, blocks)


def path_in_program(source: SourceFile) -> str:
    """The file's path inside its program folder (the program folder's own
    name says nothing about the document type)."""
    parts = PurePosixPath(source.path).parts
    if len(parts) > 1 and parts[0] == source.program_id:
        return PurePosixPath(*parts[1:]).as_posix()
    return source.path


def text_hits(text: str, nlp, detector) -> list:
    """Lexicon hits for a piece of text treated as one paragraph (tests, examples)."""
    from ..text.segment import segment

    doc = ExtractedDocument("<text>", "text", OK, blocks=(Block(text, PARAGRAPH, (Anchor(0, None, 1),)),))
    return detector.detect(segment(doc, nlp))


def passage_hits(texts: list[str], nlp, detector) -> list[tuple[Passage, list[Hit]]]:
    """Each text as one passage (not split into sentences) with its lexicon hits."""
    from ..text.segment import segment

    blocks = tuple(Block(t, LIST_ITEM, (Anchor(0, None, i + 1),)) for i, t in enumerate(texts))
    doc = ExtractedDocument("<passages>", "text", OK, blocks=blocks)
    found = detector.detect_passages(segment(doc, nlp))
    by_line = {p.line: (p, h) for p, h in found}
    return [by_line.get(i + 1, (Passage(i, t, LIST_ITEM, None, i + 1), [])) for i, t in enumerate(texts)]
