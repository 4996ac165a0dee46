"""The Auditor: the loaded resources (lexicons, spaCy pipelines, the
pre-filter, the model, the section rules), each built the first time a
document needs it, and one document's audit: the chain of ``stages`` inside
the cache layer (``cache``), under the per-document time limit."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .. import artefacts
from ..read.digest import file_sha256
from ..read.language import preload as preload_language_model
from ..rules.lexicon import Lexicon, lexicon_for_language, load_lexicon, shipped_languages
from ..rules.sections import load_section_rules
from ..text.prefilter import CandidateFilter, candidate_filter
from ..types import ERROR, MISSING, OK, TIMEOUT, DocumentResult, ExtractedDocument, Hit, Passage, SourceFile
from . import stages
from .cache import CachedAudit, Uncached
from .model import LazyModel
from .settings import AuditSettings
from .time_limit import DocumentTimeout, time_limit


class Auditor:
    """Holds the pipeline (spaCy, compiled lexicons, model); build once, reuse per file.

    ``method`` is ``lexicon``, ``model`` or ``hybrid`` (None: the shipped
    model's measured default); ``threshold`` overrides the model's threshold
    (``model``) or admit threshold (``hybrid``). The model is English-only:
    documents in another language with a shipped lexicon are judged by the
    lexicon rules.
    """

    def __init__(self, lexicon: Lexicon | None = None, method: str | None = None,
                 threshold: float | None = None, model_path: str | None = None,
                 settings: AuditSettings | None = None):
        # Nothing heavy is built here: each part (a language's pipeline and
        # lexicon, the pre-filter, the model, the language model) is built
        # the first time a document needs it, from build-once artefacts
        # (artefacts.py) where it can be. ``prepare_workers`` builds what
        # every worker needs before forking, so nothing is loaded twice.
        self.lexicon = lexicon or load_lexicon()
        self.threshold = threshold
        self.settings = settings or AuditSettings()
        self._method = method
        self._model = None if method == "lexicon" else LazyModel(model_path)
        self._document_model = None
        self.sections = load_section_rules()
        self._by_language: dict[str, tuple | None] = {}
        self._lexicons: dict[str, Lexicon | None] = {self.lexicon.language: self.lexicon}
        self._filter: CandidateFilter | None = None
        if self.settings.cache_dir:
            artefacts.use_folder(self.settings.cache_dir)
        self.cache = CachedAudit(self.settings, self._judged_by,
                                 lambda: self.candidate_filter) if self.settings.cache_dir else Uncached()

    def _judged_by(self) -> tuple:
        """(method, threshold, the model's JSON file or None): what judging depends on besides the lexicons."""
        return self.method, self.threshold, None if self._model is None else self._model.json_path

    @property
    def model(self):
        """The classifier (None under the lexicon method); its metadata is
        read at once, its arrays on first scoring."""
        return self._model

    @property
    def document_model(self):
        """The model with the thresholds calibrated for whole documents
        (``detect.methods.in_documents``); loads the model on first use."""
        if self._model is None:
            return None
        if self._document_model is None:
            from ..detect.methods import in_documents

            self._document_model = in_documents(self._model.load())
        return self._document_model

    @property
    def method(self) -> str:
        return self._method or self._model.meta["default_method"]

    @property
    def nlp(self):
        """The spaCy pipeline of the main lexicon's language (built on first use)."""
        return self.pipeline_for(self.lexicon.language)[0]

    @property
    def detector(self):
        return self.pipeline_for(self.lexicon.language)[1]

    @property
    def candidate_filter(self) -> CandidateFilter:
        """The word-level pre-filter over every lexicon a document can be
        routed to; from an artefact, so no German or Swedish pipeline is
        built for it."""
        if self._filter is None:
            langs = [self.settings.language] if self.settings.language else [self.lexicon.language,
                                                                              *shipped_languages()]
            lexicons = [lex for lex in (self.lexicon_for(lg) for lg in dict.fromkeys(langs)) if lex is not None]
            self._filter = candidate_filter(tuple(lexicons))
        return self._filter

    def lexicon_for(self, lang: str) -> Lexicon | None:
        """The lexicon a block in ``lang`` is read with (None: none shipped)."""
        if lang not in self._lexicons:
            path = lexicon_for_language(lang)
            self._lexicons[lang] = None if path is None else load_lexicon(path)
        return self._lexicons[lang]

    def pipeline_for(self, lang: str) -> tuple | None:
        """(nlp, detector) for a language with a lexicon, built the first time
        a block in that language is read; else None."""
        if lang not in self._by_language:
            lex = self.lexicon_for(lang)
            if lex is None:
                self._by_language[lang] = None
            else:
                from ..detect import Detector
                from ..text.nlp import make_nlp

                nlp = make_nlp(lex.language)
                self._by_language[lang] = (nlp, Detector(lex, nlp))
        return self._by_language[lang]

    def has_lexicon(self, lang: str) -> bool:
        return self.lexicon_for(lang) is not None

    def judging(self, lang: str) -> tuple:
        """(method, model, category ids) for blocks in ``lang``: the model is
        English-only, other languages are judged by their lexicon's rules."""
        method = self.method if lang == self.lexicon.language == "en" else "lexicon"
        return method, self.document_model if method != "lexicon" else None, self.lexicon_for(lang).category_ids

    def prepare_workers(self) -> None:
        """Build, in this process, what every forked worker will need, so
        workers inherit it instead of each building it: the main pipeline,
        the pre-filter (and its full lemma tables when document keys are
        stored), the model and the language model. Other languages' pipelines
        stay lazy (built by a worker that meets such a block)."""
        import importlib

        from ..read import extract

        for module in sorted({f.module for f in extract.EXTRACTORS.values()} | {f"{extract.__name__}.limits"}):
            importlib.import_module(module)  # the extractors' libraries, imported once for all workers
        self.pipeline_for(self.lexicon.language)
        self.candidate_filter.load_tokenizers()
        if self.cache.stores_keys:
            self.candidate_filter.load_full_tables()
        if self._model is not None and self.method != "lexicon":
            self._model.load()
        if not self.settings.language:
            preload_language_model(self.lexicon.language)

    def audit_file(self, source: SourceFile) -> DocumentResult:
        """Audit one file; never raises for a bad file."""
        if not os.path.isfile(source.abs_path):
            return stages.failed_result(source, MISSING, "file not found")
        try:
            with time_limit(self.settings.time_limit):
                return self.cache.audit(source, file_sha256(source.abs_path),
                                        lambda s: stages.read_document(s, self.settings.ocr), self._audit_read)
        except DocumentTimeout:
            reason = f"processing took longer than {self.settings.time_limit:g} s (pathological file?)"
            return stages.failed_result(source, TIMEOUT, reason)
        except Exception as exc:  # one bad file must never stop the batch
            reason = f"could not be processed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
            return stages.failed_result(source, ERROR, reason)

    def cached_result(self, source: SourceFile) -> DocumentResult | None:
        """The document's stored result when the cache holds one for its
        current bytes and the current settings and lexicons; else None."""
        return self.cache.lookup(source)

    def _audit_read(self, source: SourceFile, extracted: ExtractedDocument, digest: str) -> DocumentResult:
        if extracted.status != OK:
            return stages.document_result(source, extracted, (), digest)
        return self._judge(source, extracted, digest)

    def _judge(self, source: SourceFile, extracted: ExtractedDocument, digest: str) -> DocumentResult:
        """Language routing, segmentation, detection and the decision method."""
        language = stages.document_language_of(extracted, self.settings.language)
        if not self.has_lexicon(language[0]):
            return stages.unsupported_language(source, extracted, digest, language)
        # Reviewer decisions may accept a passage without any hit (a sampled
        # negative), so a scan with decisions reads every block.
        decisions = self.settings.decisions
        flags = self.candidate_filter.candidates([b.text for b in extracted.blocks])
        groups, skipped = self.passage_groups(extracted, language, full=bool(decisions), flags=flags)
        hits, used, unused = stages.judged_hits(groups, self.judging, self.threshold, self.sections, digest, decisions)
        return stages.judged_result(source, extracted, hits, digest, language, skipped,
                                    (used, unused) if decisions else None)

    def passage_groups(self, extracted: ExtractedDocument, document: tuple[str, float], full: bool = False,
                       language: str | None = None, flags: list[bool] | None = None,
                       ) -> tuple[list[tuple[str, list[tuple[Passage, list[Hit]]]]], int]:
        """``stages.passage_groups`` with this auditor's resources; ``language``
        forces every block's language (default: the scan's setting)."""
        return stages.passage_groups(extracted, document, self.candidate_filter, self.pipeline_for, self.sections,
                                     full=full, language=language or self.settings.language, flags=flags)

    def detect_text(self, text: str) -> list:
        """Lexicon hits for a piece of text treated as one paragraph (tests, examples)."""
        return stages.text_hits(text, self.nlp, self.detector)

    def passage_hits(self, texts: list[str]) -> list[tuple[Passage, list[Hit]]]:
        """Each text as one passage (not split into sentences) with its lexicon hits."""
        return stages.passage_hits(texts, self.nlp, self.detector)

    def audit_files(self, sources: Iterable[SourceFile]) -> Iterator[DocumentResult]:
        for source in sources:
            yield self.audit_file(source)
