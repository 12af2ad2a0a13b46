"""Redaction of many texts at once, spread over worker processes: imports and ``bedside redact`` runs.

A message takes a few milliseconds to redact and shares nothing with the next one, so a batch splits cleanly
across processes; on a machine with several cores an import redacts several times as many messages a second as one
process can (``benchmarks/redaction_speed.py`` prints both rates). Each worker builds its own :class:`Redactor`
with the same staff and site names, and results come back in input order, exactly what one Redactor gives.

Workers start with ``forkserver`` (clean processes: no threads, locks or database connections are inherited) and
each loads the name lists and models, which takes a few seconds and about 200 MB. So a pool starts only for a batch
of at least :data:`START_AT` texts and then serves the rest of the run; smaller batches, and every text when
``workers`` is 1, are redacted in this process. As with any ``forkserver`` or ``spawn`` pool, a script that uses one
must start its work under ``if __name__ == "__main__":`` (the workers import the main module); the ``bedside`` command
does.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from bedside.text.redaction.redactor import Redactor
from bedside.text.redaction.spans import RedactionResult

# A batch this big pays back the seconds a pool takes to start (each worker loads the redactor's lists and models).
START_AT = 1000
# The most workers "auto" gives: each holds its own redactor (about 200 MB).
MAX_AUTO_WORKERS = 4
# Chunks handed out per worker and batch: small enough to even out long and short messages, big enough that the
# hand-over costs little next to the redaction.
_CHUNKS_PER_WORKER = 8


def usable_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(setting: int) -> int:
    """Processes for ``setting``: itself when positive; 0 means one per usable core, at most :data:`MAX_AUTO_WORKERS`."""
    if setting < 0:
        raise ValueError(f"redaction workers must be 0 (one per core) or more, not {setting}")
    return setting or min(usable_cores(), MAX_AUTO_WORKERS)


class RedactionPool:
    """A :class:`Redactor` that can redact a batch of texts over ``workers`` processes (see the module docstring).

    Use it as a context manager, or call :meth:`close`, so the workers end with the run.
    """

    def __init__(self, staff_names: Iterable[str] = (), *, site_names: Iterable[str] = (), workers: int = 1) -> None:
        self.staff_names = tuple(staff_names)
        self.site_names = tuple(site_names)
        self.workers = worker_count(workers)
        self._local: Redactor | None = None
        self._executor: ProcessPoolExecutor | None = None

    def redact(self, text: str) -> RedactionResult:
        """One text, redacted in this process."""
        return self._redactor().redact(text)

    def redact_many(self, texts: Sequence[str]) -> list[RedactionResult]:
        """Each text redacted, in order: over the workers when there are several and the batch is big enough."""
        if not texts:
            return []
        if self._executor is None and (self.workers < 2 or len(texts) < START_AT):
            redactor = self._redactor()
            return [redactor.redact(text) for text in texts]
        size = max(1, math.ceil(len(texts) / (self.workers * _CHUNKS_PER_WORKER)))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        try:
            return [result for chunk in self._pool().map(_redact_chunk, chunks) for result in chunk]
        except BrokenProcessPool as exc:
            self.close()
            raise RuntimeError(
                "a redaction worker process ended unexpectedly (out of memory?); "
                "set BEDSIDE_REDACTION_WORKERS=1 to redact in one process"
            ) from exc

    def close(self) -> None:
        """End the worker processes (the pool starts again if more texts come)."""
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None

    def __enter__(self) -> RedactionPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _redactor(self) -> Redactor:
        if self._local is None:
            self._local = Redactor(self.staff_names, site_names=self.site_names)
        return self._local

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([__name__])  # the package is imported once, in the fork server
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(self.staff_names, self.site_names)
            )
        return self._executor


_worker_redactor: Redactor | None = None


def _start_worker(staff_names: tuple[str, ...], site_names: tuple[str, ...]) -> None:
    global _worker_redactor
    _worker_redactor = Redactor(staff_names, site_names=site_names)


def _redact_chunk(texts: Sequence[str]) -> list[RedactionResult]:
    assert _worker_redactor is not None, "the worker was not started with _start_worker"
    return [_worker_redactor.redact(text) for text in texts]
