"""Many documents at once: a fork pool of workers that inherit the loaded
pipeline, or the workers of a Dask cluster; results in input order."""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterator
from multiprocessing.pool import AsyncResult

from ..errors import InputError
from ..types import DocumentResult, SourceFile
from .auditor import Auditor


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
