"""The one orchestrator: discover -> extract -> segment -> detect -> aggregate."""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import replace
from collections import deque
from functools import lru_cache
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from pathlib import Path, PurePosixPath

from . import artefacts
from .aggregate import ProgramResult, group_programs, mark_duplicates
from .arguments import check_audit_arguments, check_group_column
from .discover import discover
from .doctype import infer_doc_type, type_evidence
from .errors import InputError
from .cache import ExtractionCache, decode_result, encode_result
from .extract import EXTRACTOR_VERSION, extract_file  # light: each format's library loads with its first file
from .language import document_language, language_name, languages_at
from .language import preload as preload_language_model
from .lexicon import Lexicon, lexicon_for_language, load_lexicon, shipped_languages
from .sections import load_section_rules
from .review import apply_decisions, group_hits
from .prefilter import CandidateFilter, candidate_filter, code_digest
from .types import (COUNTED, ERROR, LIST_ITEM, MISSING, OK, TIMEOUT, UNSUPPORTED_LANGUAGE, PARAGRAPH, Anchor, Block, DocumentResult,
                    ExtractedDocument, Hit, Passage, SourceFile)

# spaCy (detect, nlp, segment) and scikit-learn (detect.methods) are imported
# where first needed: a warm re-scan serves every document from the cache
# without either, and ``check`` on a text file never loads a PDF library.

# Paragraphs at least this long are narrowed to their candidate sentences;
# shorter ones are read whole (splitting costs more than it saves there).
PIECES_FROM_CHARS = 300


@dataclass(frozen=True)
class AuditSettings:
    """Per-scan options that change what is read (not how it is judged)."""

    ocr: bool = False
    language: str | None = None  # force one language instead of detecting it
    time_limit: float | None = 120.0  # seconds per document (None: no limit)
    cache_dir: str | None = None  # extraction cache folder (None: no cache)
    decisions: dict | None = None  # reviewer decisions by passage id (review.read_decisions_many)


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
        self._model_path = model_path
        self._model = None if method == "lexicon" else _LazyModel(model_path)
        self._document_model = None
        self.sections = load_section_rules()
        self._by_language: dict[str, tuple | None] = {}
        self._lexicons: dict[str, Lexicon | None] = {self.lexicon.language: self.lexicon}
        self._filter: CandidateFilter | None = None
        if self.settings.cache_dir:
            artefacts.use_folder(self.settings.cache_dir)
        self.cache = ExtractionCache(self.settings.cache_dir) if self.settings.cache_dir else None
        self._result_salt = self._settings_digest(model_path) if self.cache is not None else ""

    @property
    def model(self):
        """The classifier (None under the lexicon method); its metadata is
        read at once, its arrays and scikit-learn on first scoring."""
        return self._model

    @property
    def document_model(self):
        """The model with the thresholds calibrated for whole documents
        (``detect.methods.in_documents``); loads the model on first use."""
        if self._model is None:
            return None
        if self._document_model is None:
            from .detect.methods import in_documents

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
            self._filter = self._build_filter()
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
                from .detect import Detector
                from .nlp import make_nlp

                nlp = make_nlp(lex.language)
                self._by_language[lang] = (nlp, Detector(lex, nlp))
        return self._by_language[lang]

    def has_lexicon(self, lang: str) -> bool:
        return self.lexicon_for(lang) is not None

    def prepare_workers(self) -> None:
        """Build, in this process, what every forked worker will need, so
        workers inherit it instead of each building it: the main pipeline,
        the pre-filter (and its full lemma tables when document keys are
        stored), the model and the language model. Other languages' pipelines
        stay lazy (built by a worker that meets such a block)."""
        import importlib

        from . import extract

        for module in sorted({f.module for f in extract.EXTRACTORS.values()} | {"syllabus_audit.extract.limits"}):
            importlib.import_module(module)  # the extractors' libraries, imported once for all workers
        self.pipeline_for(self.lexicon.language)
        self.candidate_filter.load_tokenizers()
        if self.cache is not None:
            self.candidate_filter.load_full_tables()
        if self._model is not None and self.method != "lexicon":
            self._model.load()
        if not self.settings.language:
            preload_language_model(self.lexicon.language)

    def audit_file(self, source: SourceFile) -> DocumentResult:
        """Audit one file; never raises for a bad file."""
        if not os.path.isfile(source.abs_path):
            return self._result(source, ExtractedDocument(source.path, "unknown", MISSING,
                                                          "file not found"), ())
        try:
            with time_limit(self.settings.time_limit):
                digest = file_sha256(source.abs_path)
                cached = self._cached_result(source, digest)
                if cached is not None:
                    return cached
                extracted = self._extract(source, digest)
                if extracted.status != OK:
                    return self._store_unjudged(self._result(source, extracted, (), digest), extracted)
                return self._judge(source, extracted, digest)
        except DocumentTimeout:
            reason = f"processing took longer than {self.settings.time_limit:g} s (pathological file?)"
            return self._result(source, ExtractedDocument(source.path, "unknown", TIMEOUT, reason), ())
        except Exception as exc:  # one bad file must never stop the batch
            reason = f"could not be processed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
            return self._result(source, ExtractedDocument(source.path, "unknown", ERROR, reason), ())

    def _extract(self, source: SourceFile, digest: str) -> ExtractedDocument:
        """Extract, through the cache when one is set."""
        if self.cache is None:
            return extract_file(source.abs_path, source.path, ocr=self.settings.ocr)
        key = f"{digest}:{EXTRACTOR_VERSION}:{int(self.settings.ocr)}"
        cached = self.cache.get(key, source.path)
        if cached is not None:
            return cached
        extracted = extract_file(source.abs_path, source.path, ocr=self.settings.ocr)
        self.cache.put(key, extracted)
        return extracted

    def _judge(self, source: SourceFile, extracted: ExtractedDocument, digest: str) -> DocumentResult:
        """Language routing, segmentation, detection and the decision method."""
        if self.settings.language:
            lang, conf = self.settings.language, 1.0
        else:
            lang, conf = document_language(extracted.blocks)
        language = (lang, round(conf, 4))
        if not self.has_lexicon(lang):
            reason = (f"document language is {language_name(lang)} ({lang}, confidence {conf:.2f}); "
                      f"no lexicon for it (shipped: {', '.join(shipped_languages())})")
            return self._store_unjudged(self._result(
                source, replace(extracted, status=UNSUPPORTED_LANGUAGE, reason=reason), (), digest, language),
                extracted)
        # Reviewer decisions may accept a passage without any hit (a sampled
        # negative), so a scan with decisions reads every block.
        flags, vocabulary = self.candidate_filter.scan([b.text for b in extracted.blocks])
        groups, skipped = self.passage_groups(extracted, (lang, conf), full=bool(self.settings.decisions),
                                              flags=flags)
        from .detect.methods import apply_method

        hits: list[Hit] = []
        used: set[str] = set()
        skipped_decisions: set[str] = set()
        for block_lang, passages in groups:
            detector = self.pipeline_for(block_lang)[1]
            method = self.method if block_lang == self.lexicon.language == "en" else "lexicon"
            group = apply_method(method, passages, self.document_model if method != "lexicon" else None,
                                 self.threshold)
            if self.settings.decisions:
                group = apply_decisions(
                    group_hits(passages, group), digest, self.settings.decisions, used,
                    category_ids=detector.lexicon.category_ids, skipped=skipped_decisions,
                    level=lambda h: self.sections.level(h.passage.section_kind, h.passage.text, h.strength))
            hits += group
        hits.sort(key=lambda h: (h.passage.page or 0, h.passage.line, h.start))
        if skipped:
            note = (f"{skipped} blocks with lexicon vocabulary in a language without a lexicon were skipped"
                    if skipped != 1 else "1 block with lexicon vocabulary in a language without a lexicon was skipped")
            extracted = replace(extracted, reason="; ".join(x for x in (extracted.reason, note) if x))
        result = self._result(source, extracted, tuple(self._with_level(h) for h in hits), digest, language)
        if self.settings.decisions:
            return replace(result, decisions_used=tuple(sorted(used)),
                           decisions_skipped=tuple(sorted(skipped_decisions)))
        self._store_result(result, extracted, vocabulary)
        return result

    # -- the result cache (see cache.py) -------------------------------------
    def _settings_digest(self, model_path: str | None) -> str:
        """Everything besides the document and the lexicons that its result
        depends on: code, extractor, settings, method, model and section rules."""
        from . import __version__
        from .sections import default_rules_path

        parts = [__version__, code_digest(), EXTRACTOR_VERSION, self.settings.ocr, self.settings.language,
                 self.method, self.threshold, _file_digest(default_rules_path())]
        if self.model is not None:
            json_path = Path(model_path) if model_path else default_model_path()
            parts += [_file_digest(json_path), _file_digest(json_path.with_suffix(".npz"))]
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]

    def _keys_key(self, digest: str) -> str:
        return f"{digest}:{EXTRACTOR_VERSION}:{int(self.settings.ocr)}:{self.candidate_filter.keys_signature}"

    def cached_result(self, source: SourceFile) -> DocumentResult | None:
        """The document's stored result when the cache holds one for its
        current bytes and the current settings and lexicons; else None."""
        if not self._result_cache_on:
            return None
        try:
            return self._cached_result(source, file_sha256(source.abs_path))
        except OSError:
            return None  # missing or unreadable: audit_file reports it

    def _cached_result(self, source: SourceFile, digest: str) -> DocumentResult | None:
        """The stored result when neither the settings nor any lexicon entry
        the document's words can reach has changed; None otherwise."""
        if not self._result_cache_on:
            return None
        keys = self.cache.get_keys(self._keys_key(digest))
        key = self._unjudged_key(digest) if keys is None else self._result_key(digest, keys)
        data = self.cache.get_result(key)
        if data is None:
            return None
        return decode_result(data, source, digest, lambda blocks, typed: self._doc_type(source, blocks, typed))

    @property
    def _result_cache_on(self) -> bool:
        """Reviewer decisions change results per passage id: never cached."""
        return self.cache is not None and not self.settings.decisions

    def _result_key(self, digest: str, keys: set[str]) -> str:
        return f"{digest}:{self._result_salt}:{self.candidate_filter.dependency(keys)}"

    def _unjudged_key(self, digest: str) -> str:
        """Documents that are unreadable or in a language without a lexicon
        depend on no lexicon entry, only on which lexicons there are."""
        return f"{digest}:{self._result_salt}:{self.candidate_filter.global_digest}:unjudged"

    def _store_unjudged(self, result: DocumentResult, extracted: ExtractedDocument) -> DocumentResult:
        if self.cache is not None:
            self.cache.put_result(self._unjudged_key(result.sha256), encode_result(
                result, type_evidence(extracted.blocks), _typed_as(result.source)))
        return result

    def _store_result(self, result: DocumentResult, extracted: ExtractedDocument, vocabulary: set[str]) -> None:
        if self.cache is None:
            return
        keys = self.candidate_filter.document_keys(vocabulary)
        self.cache.put_keys(self._keys_key(result.sha256), keys)
        self.cache.put_result(self._result_key(result.sha256, keys),
                              encode_result(result, type_evidence(extracted.blocks), _typed_as(result.source)))

    def _build_filter(self) -> CandidateFilter:
        """The word-level pre-filter over every lexicon a document can be routed to."""
        langs = [self.settings.language] if self.settings.language else [self.lexicon.language, *shipped_languages()]
        lexicons = [lex for lex in (self.lexicon_for(lg) for lg in dict.fromkeys(langs)) if lex is not None]
        return candidate_filter(tuple(lexicons))

    def passage_groups(self, extracted: ExtractedDocument, document: tuple[str, float], full: bool = False,
                       language: str | None = None, flags: list[bool] | None = None,
                       ) -> tuple[list[tuple[str, list[tuple[Passage, list[Hit]]]]], int]:
        """Passages with their lexicon hits, grouped by the language of their
        blocks (in order of appearance; passage indices are unique within a
        group), and the number of candidate blocks skipped for being in a
        language without a lexicon.

        Only candidate blocks (``prefilter``) are read unless ``full``: the
        others can yield no hit and no model admission, so both give the same
        decisions (tests/test_prefilter.py); ``full`` also returns every
        passage without a hit (review samples negatives from them).
        ``language`` forces every block's language (default: the scan's setting);
        ``flags`` are the blocks' ``CandidateFilter`` answers, if already known.
        """
        blocks = extracted.blocks
        if flags is None:
            flags = self.candidate_filter.candidates([b.text for b in blocks])
        wanted = range(len(blocks)) if full else [i for i, f in enumerate(flags) if f]
        forced = language or self.settings.language
        if forced:
            langs = {i: forced for i in wanted}
        else:
            langs = {i: pl.language for i, pl in languages_at(blocks, wanted, document).items()}
        from .segment import section_states, segment_blocks

        states = section_states(blocks, self.sections)
        groups, skipped = [], 0
        for lang in dict.fromkeys(langs[i] for i in wanted):
            indices = [i for i in wanted if langs[i] == lang]
            pipe = self.pipeline_for(lang)
            if pipe is None:
                skipped += sum(flags[i] for i in indices)
                continue
            nlp, detector = pipe
            items = [(i, 0, None) for i in indices] if full else self._candidate_pieces(blocks, indices, nlp)
            groups.append((lang, detector.detect_passages(segment_blocks(blocks, items, states, nlp))))
        return groups, skipped

    def _candidate_pieces(self, blocks, indices: list[int], nlp) -> list[tuple[int, int, int | None]]:
        """Candidate blocks, with paragraphs narrowed to their candidate
        ``sentence_pieces`` (a paragraph with one relevant sentence in ten is
        read as that sentence)."""
        from .segment import sentence_pieces

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
            items += [(i, a, b) for a, b in pieces if self.candidate_filter.is_candidate(text[a:b])]
        return items

    def _with_level(self, hit: Hit) -> Hit:
        if hit.status != COUNTED or hit.decided_by == "reviewer":
            return hit
        return replace(hit, level=self.sections.level(hit.passage.section_kind, hit.passage.text, hit.strength))

    @staticmethod
    def _doc_type(source: SourceFile, blocks, typed: list | None = None) -> tuple[str, str]:
        """(type, reason): the manifest's; the stored one when it was inferred
        for the same path (the code is part of the cache key); else inferred."""
        if source.doc_type:
            return source.doc_type, "manifest"
        path = _path_in_program(source)
        if typed and typed[0] == path:
            return typed[1], typed[2]
        return infer_doc_type(path, blocks)

    @classmethod
    def _result(cls, source: SourceFile, extracted: ExtractedDocument, hits, sha256: str | None = None,
                language: tuple[str, float] | None = None) -> DocumentResult:
        doc_type, why = cls._doc_type(source, extracted.blocks)
        return DocumentResult(source, doc_type, why, extracted.status, extracted.reason, hits, sha256,
                              language[0] if language else None, language[1] if language else None)

    def detect_text(self, text: str) -> list:
        """Lexicon hits for a piece of text treated as one paragraph (tests, examples)."""
        from .segment import segment

        doc = ExtractedDocument("<text>", "text", OK, blocks=(Block(text, PARAGRAPH, (Anchor(0, None, 1),)),))
        return self.detector.detect(segment(doc, self.nlp))

    def passage_hits(self, texts: list[str]) -> list[tuple[Passage, list[Hit]]]:
        """Each text as one passage (not split into sentences) with its lexicon hits."""
        from .segment import segment

        blocks = tuple(Block(t, LIST_ITEM, (Anchor(0, None, i + 1),)) for i, t in enumerate(texts))
        doc = ExtractedDocument("<passages>", "text", OK, blocks=blocks)
        found = self.detector.detect_passages(segment(doc, self.nlp))
        by_line = {p.line: (p, h) for p, h in found}
        return [by_line.get(i + 1, (Passage(i, t, LIST_ITEM, None, i + 1), []))
                for i, t in enumerate(texts)]

    def audit_files(self, sources: Iterable[SourceFile]) -> Iterator[DocumentResult]:
        for source in sources:
            yield self.audit_file(source)


def default_model_path() -> Path:
    """The shipped classifier (``detect.methods.default_model_path``, which
    would import scikit-learn; tests check both agree)."""
    from importlib import resources

    return Path(str(resources.files("syllabus_audit.models").joinpath("passage_classifier.json")))


@lru_cache(maxsize=4)
def _model_meta(json_path: str) -> dict:
    """The model's metadata as ``PassageClassifier.load`` returns it (its
    JSON without the vocabularies), without scikit-learn or the arrays."""
    doc = json.loads(Path(json_path).read_text(encoding="utf-8"))
    return {k: v for k, v in doc.items() if k not in ("word_vocabulary", "char_vocabulary")}


class _LazyModel:
    """Stands for ``detect.methods.load_model(path)``: ``meta`` and
    ``version`` (all a report needs) come from the JSON at once; anything else
    (``classifier``, ``thresholds``) loads the model, and scikit-learn, on
    first use. A re-scan served from the cache never scores a passage."""

    def __init__(self, path: str | None):
        self._path = path
        self._loaded = None

    def load(self):
        if self._loaded is None:
            from .detect.methods import load_model

            self._loaded = load_model(self._path)
        return self._loaded

    @property
    def meta(self) -> dict:
        if self._loaded is not None:
            return self._loaded.meta
        return _model_meta(str(Path(self._path) if self._path else default_model_path()))

    @property
    def version(self) -> str:
        return self.meta.get("version", "")

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.load(), name)


class DocumentTimeout(Exception):
    """A document took longer than the per-document time limit."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout after ``seconds`` (Unix main thread only; elsewhere a
    no-op). Interrupts Python-level work; a hang inside C code is interrupted
    when it returns to Python."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _raise(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _file_digest(path: str | os.PathLike) -> str:
    return file_sha256(path) if os.path.isfile(path) else "-"


def file_sha256(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in chunks (bounded memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def _typed_as(source: SourceFile) -> str | None:
    """The path a stored document type was inferred for (None: a manifest gave it)."""
    return None if source.doc_type else _path_in_program(source)


def _path_in_program(source: SourceFile) -> str:
    """The file's path inside its program folder (the program folder's own
    name says nothing about the document type)."""
    parts = PurePosixPath(source.path).parts
    if len(parts) > 1 and parts[0] == source.program_id:
        return PurePosixPath(*parts[1:]).as_posix()
    return source.path


def run_audit(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
              lexicon: str | os.PathLike | None = None, method: str | None = None,
              threshold: float | None = None, settings: AuditSettings | None = None,
              jobs: int = 1, progress=None, scheduler=None,
              group_by: str | None = None) -> tuple[list[ProgramResult], Auditor]:
    """Audit a folder (or one file); return program results and the auditor used.
    A ``group_by`` column is checked against the manifest before anything is read."""
    sources = discover(Path(path), manifest)
    if group_by:
        check_group_column(group_by, {k for s in sources for k, _ in s.metadata})
    auditor = Auditor(load_lexicon(lexicon), method, threshold, settings=settings)
    if scheduler:
        results = list(audit_on_dask(scheduler, (auditor.lexicon, method, threshold, settings), sources, progress))
    else:
        results = list(audit_parallel(auditor, sources, jobs, progress))
    return group_programs(results), auditor


def stream_documents(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
                     lexicon: str | os.PathLike | None = None, method: str | None = None,
                     threshold: float | None = None, settings: AuditSettings | None = None,
                     jobs: int = 1, progress=None) -> Iterator[tuple[str, DocumentResult]]:
    """(program id, document result) in output order, as they are done: memory
    is bounded by the largest program (kept only to mark duplicates), not by
    the corpus (used by ``scan --format jsonl``)."""
    auditor = Auditor(load_lexicon(lexicon), method, threshold, settings=settings)
    sources = discover(Path(path), manifest)
    program, buffer = None, []
    for result in audit_parallel(auditor, sources, jobs, progress):
        if result.source.program_id != program and buffer:
            yield from ((program, d) for d in mark_duplicates(buffer))
            buffer = []
        program = result.source.program_id
        buffer.append(result)
    yield from ((program, d) for d in mark_duplicates(buffer))


_DASK_AUDITORS: dict = {}


def _audit_on_worker(source: SourceFile, config: tuple) -> DocumentResult:
    """Runs on a Dask worker: the pipeline is built once per worker process
    (per configuration) and reused for every document it is sent."""
    key = repr(config)
    if key not in _DASK_AUDITORS:
        lexicon, method, threshold, settings = config
        _DASK_AUDITORS[key] = Auditor(lexicon, method, threshold, settings=settings)
    return _DASK_AUDITORS[key].audit_file(source)


def audit_on_dask(address, config: tuple, sources: list[SourceFile], progress=None) -> Iterator[DocumentResult]:
    """The same per-document work on an existing Dask distributed cluster
    (``address``: a scheduler address, or a ``distributed.Client``); results in
    input order. Needs ``pip install 'syllabus-audit[dask]'``; the files must be
    readable at the same paths on the workers (a shared file system)."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'syllabus-audit[dask]'") from None
    if isinstance(address, Client):
        client = address
    else:
        try:
            client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"--scheduler {address}: cannot connect to a Dask scheduler: {exc}") from None
    try:
        futures = client.map(_audit_on_worker, sources, config=config, pure=False)
        for i, future in enumerate(futures, 1):
            yield future.result()
            if progress:
                progress(i, len(sources))
    finally:
        if client is not address:
            client.close()


_WORKER: Auditor | None = None


def _audit_in_worker(source: SourceFile) -> DocumentResult:
    return _WORKER.audit_file(source)


def audit_parallel(auditor: Auditor, sources: list[SourceFile], jobs: int = 1,
                   progress=None) -> Iterator[DocumentResult]:
    """Audit files with ``jobs`` processes, results in input order (so output is
    identical to ``jobs=1``). Workers are forked from this process and inherit
    its loaded pipeline, so spaCy, the lexicons and the model load once.
    With a cache, this process serves the documents the cache already holds
    (about 0.5 ms each) and sends only the others to the workers, which are
    started at the first such document: a re-scan that misses nothing starts
    no worker. At most ``8 * jobs`` documents are in flight, so memory stays
    bounded. ``progress(n_done, n_total)`` is called after each document."""
    if jobs <= 1 or len(sources) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for i, source in enumerate(sources, 1):
            yield auditor.audit_file(source)
            if progress:
                progress(i, len(sources))
        return
    with _WorkerPool(auditor, jobs) as pool:
        pending: deque = deque()
        done = 0

        def finish(item) -> DocumentResult:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(sources))
            return item.get() if isinstance(item, AsyncResult) else item

        misses = 0  # after many misses in a row (a cold scan) the workers do the checking
        for source in sources:
            hit = auditor.cached_result(source) if misses < 16 else None
            misses = 0 if hit is not None else misses + 1
            pending.append(hit if hit is not None else pool.submit(source))
            while pending and (not isinstance(pending[0], AsyncResult) or pending[0].ready()
                               or len(pending) > 8 * jobs):
                yield finish(pending.popleft())
        while pending:
            yield finish(pending.popleft())


class _WorkerPool:
    """A fork pool started on first use (see ``audit_parallel``)."""

    def __init__(self, auditor: Auditor, jobs: int):
        self.auditor, self.jobs, self.pool = auditor, jobs, None

    def submit(self, source: SourceFile) -> AsyncResult:
        global _WORKER
        if self.pool is None:
            self.auditor.prepare_workers()
            _WORKER = self.auditor
            # The loaded pipelines (lemma tables, vocabularies, model) are a few
            # hundred MB that forked workers share copy-on-write; a garbage-
            # collector pass in a worker would touch every object and copy it
            # all. Freezing moves them out of the collector's reach (gc.freeze,
            # made for exactly this).
            gc.freeze()
            self.pool = multiprocessing.get_context("fork").Pool(self.jobs, maxtasksperchild=500)
        return self.pool.apply_async(_audit_in_worker, (source,))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        global _WORKER
        if self.pool is not None:
            if exc[0] is None:
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()
            _WORKER = None
            gc.unfreeze()
        return False


def audit(path: str | os.PathLike, manifest: str | os.PathLike | None = None,
          lexicon: str | os.PathLike | None = None, method: str | None = None,
          threshold: float | None = None, group_by: str | None = None,
          settings: AuditSettings | None = None, jobs: int = 1, progress=None, scheduler=None) -> dict:
    """Audit a folder of programs; return the same data ``scan --format json`` writes.

    Every argument is checked as the CLI checks it: a bad one raises
    ``ValueError`` (``arguments.ArgumentError``) with the CLI's message.

    Args:
        method: ``lexicon``, ``model`` or ``hybrid``; None uses the measured default.
        threshold: override the model's decision threshold.
        group_by: a manifest metadata column to compare groups by.
        settings: OCR, forced language, the per-document time limit and the cache folder.
        jobs: worker processes (results are identical for any number).
        scheduler: a Dask scheduler address (or ``distributed.Client``) to run on instead.
    """
    from .report.records import audit_record

    check_audit_arguments(path, manifest, lexicon, method, threshold, group_by, settings, jobs, progress, scheduler)
    programs, auditor = run_audit(path, manifest, lexicon, method, threshold, settings, jobs, progress, scheduler,
                                  group_by)
    return audit_record(programs, auditor, group_by)
