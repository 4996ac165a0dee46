"""The one orchestrator: discover -> extract -> segment -> detect -> aggregate."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from .aggregate import ProgramResult, group_programs
from .detect import Detector
from .detect.methods import apply_method, load_model
from .discover import discover
from .doctype import infer_doc_type
from .errors import InputError
from .extract import extract_file
from .lexicon import Lexicon, load_lexicon
from .nlp import make_nlp
from .sections import load_section_rules
from .segment import segment
from .types import (COUNTED, ERROR, LIST_ITEM, MISSING, OK, PARAGRAPH, Anchor, Block, DocumentResult,
                    ExtractedDocument, Hit, Passage, SourceFile)


class Auditor:
    """Holds the pipeline (spaCy, compiled lexicon, model); build once, reuse per file.

    ``method`` is ``lexicon``, ``model`` or ``hybrid`` (None: the shipped
    model's measured default); ``threshold`` overrides the model's threshold
    (``model``) or admit threshold (``hybrid``).
    """

    def __init__(self, lexicon: Lexicon | None = None, method: str | None = None,
                 threshold: float | None = None, model_path: str | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.nlp = make_nlp(self.lexicon.language)
        self.detector = Detector(self.lexicon, self.nlp)
        self.model = None if method == "lexicon" else load_model(model_path)
        self.method = method or self.model.meta["default_method"]
        self.threshold = threshold
        self.sections = load_section_rules()

    def audit_file(self, source: SourceFile) -> DocumentResult:
        """Audit one file; never raises for a bad file."""
        if not os.path.isfile(source.abs_path):
            return self._result(source, ExtractedDocument(source.path, "unknown", MISSING,
                                                          "file not found"), ())
        try:
            digest = file_sha256(source.abs_path)
            extracted = extract_file(source.abs_path, source.path)
            hits = ()
            if extracted.status == OK:
                passages = self.detector.detect_passages(segment(extracted, self.nlp, rules=self.sections))
                hits = tuple(self._with_level(h) for h in apply_method(self.method, passages, self.model,
                                                                        self.threshold))
        except Exception as exc:  # one bad file must never stop the batch
            reason = f"could not be processed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
            return self._result(source, ExtractedDocument(source.path, "unknown", ERROR, reason), ())
        return self._result(source, extracted, hits, digest)

    def _with_level(self, hit: Hit) -> Hit:
        if hit.status != COUNTED:
            return hit
        return replace(hit, level=self.sections.level(hit.passage.section_kind, hit.passage.text, hit.strength))

    @staticmethod
    def _result(source: SourceFile, extracted: ExtractedDocument, hits, sha256: str | None = None) -> DocumentResult:
        if source.doc_type:
            doc_type, why = source.doc_type, "manifest"
        else:
            doc_type, why = infer_doc_type(_path_in_program(source), extracted.blocks)
        return DocumentResult(source, doc_type, why, extracted.status, extracted.reason, hits, sha256)

    def detect_text(self, text: str) -> list:
        """Lexicon hits for a piece of text treated as one paragraph (tests, examples)."""
        doc = ExtractedDocument("<text>", "text", OK, blocks=(Block(text, PARAGRAPH, (Anchor(0, None, 1),)),))
        return self.detector.detect(segment(doc, self.nlp))

    def passage_hits(self, texts: list[str]) -> list[tuple[Passage, list[Hit]]]:
        """Each text as one passage (not split into sentences) with its lexicon hits."""
        blocks = tuple(Block(t, LIST_ITEM, (Anchor(0, None, i + 1),)) for i, t in enumerate(texts))
        doc = ExtractedDocument("<passages>", "text", OK, blocks=blocks)
        found = self.detector.detect_passages(segment(doc, self.nlp))
        by_line = {p.line: (p, h) for p, h in found}
        return [by_line.get(i + 1, (Passage(i, t, LIST_ITEM, None, i + 1), []))
                for i, t in enumerate(texts)]

    def audit_files(self, sources: Iterable[SourceFile]) -> Iterator[DocumentResult]:
        for source in sources:
            yield self.audit_file(source)


def file_sha256(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in chunks (bounded memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def _path_in_program(source: SourceFile) -> str:
    """The file's path inside its program folder (the program folder's own
    name says nothing about the document type)."""
    parts = PurePosixPath(source.path).parts
    if len(parts) > 1 and parts[0] == source.program_id:
        return PurePosixPath(*parts[1:]).as_posix()
    return source.path


def run_audit(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
              lexicon: str | os.PathLike | None = None, method: str | None = None,
              threshold: float | None = None) -> tuple[list[ProgramResult], Auditor]:
    """Audit a folder (or one file); return program results and the auditor used."""
    auditor = Auditor(load_lexicon(lexicon), method, threshold)
    sources = discover(Path(path), manifest)
    return group_programs(list(auditor.audit_files(sources))), auditor


def audit(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
          lexicon: str | os.PathLike | None = None, method: str | None = None,
          threshold: float | None = None, group_by: str | None = None) -> dict:
    """Audit a folder of programs; return the same data ``scan --format json`` writes.

    Args:
        method: ``lexicon``, ``model`` or ``hybrid``; None uses the measured default.
        threshold: override the model's decision threshold.
        group_by: a manifest metadata column to compare groups by.
    """
    from .report.records import audit_record

    programs, auditor = run_audit(path, manifest, lexicon, method, threshold)
    if group_by and not any(group_by in dict(p.metadata) for p in programs):
        raise InputError(f"--group-by {group_by!r}: no such metadata column (give a manifest with that column)")
    return audit_record(programs, auditor, group_by)
