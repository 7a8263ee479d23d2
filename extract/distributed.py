"""The Dask engine: the same per-share functions as the local engine, on a Dask cluster.

Install with ``pip install '.[dask]'``. Without a scheduler address a ``LocalCluster`` is
started for the run. Only share descriptions (paths, byte ranges, row groups) go to the
workers and only counters come back: each worker reads its own input and writes its own
part files, so input and output paths must be on storage every worker reaches.

A Dask worker runs tasks in threads, where the per-document alarm cannot fire; each worker
therefore extracts in one child process of its own, whose main thread the alarm interrupts.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .runner import Options


class DaskEngine:
    documents_done = None  # workers on other machines share no counter: progress moves a share at a time

    def __init__(self, opts: Options) -> None:
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if opts.scheduler:
            self.client = Client(opts.scheduler)
        else:
            self.cluster = LocalCluster(n_workers=max(1, opts.workers), threads_per_worker=1, processes=True,
                                        dashboard_address=":0")
            self.client = Client(self.cluster)
        self.limit = 2 * max(1, len(self.client.scheduler_info().get("workers", {})) or opts.workers)
        self.in_flight: deque = deque()

    def map(self, fn: Callable, tasks: Iterable[tuple]) -> Iterator:
        """Results in task order, with a bounded number of tasks in flight."""
        from .runner import extract_share

        if fn is extract_share:
            fn = extract_in_child
        for args in tasks:
            self.in_flight.append(self.client.submit(fn, *args, pure=False))
            if len(self.in_flight) >= self.limit:
                yield self.in_flight.popleft().result()
        while self.in_flight:
            yield self.in_flight.popleft().result()

    def call(self, fn: Callable, *args):
        return self.client.submit(fn, *args, pure=False).result()

    def commit(self, out: Path, keep_previous: bool) -> None:
        from . import write

        # Renames and hard links only: every row stays where its worker wrote it.
        write.commit(out, keep_previous=keep_previous, partitioned=True)

    def stop(self) -> None:
        for future in self.in_flight:
            future.cancel()
        self.in_flight.clear()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.client.run(stop_child)  # the workers' children end with the run
        except Exception:  # noqa: BLE001 - a worker already gone has no child left either
            pass
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


_CHILD: ProcessPoolExecutor | None = None
_CHILD_LOCK = threading.Lock()


def extract_in_child(share, ctx, duplicates=None):
    """:func:`extract.runner.extract_share` in this Dask worker's child process, where
    ``--doc-timeout`` works as in the local engine."""
    from .runner import extract_share

    global _CHILD
    if not ctx.doc_timeout:
        return extract_share(share, ctx, duplicates)
    with _CHILD_LOCK:
        if _CHILD is None:
            _CHILD = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_child_start)
        # Dask's worker processes are daemons, which multiprocessing forbids to have children; the
        # child is ours to manage (it exits when its pipe to this process closes).
        config = multiprocessing.current_process()._config
        daemon = config.get("daemon")
        config["daemon"] = False
        try:
            future = _CHILD.submit(extract_share, share, ctx, duplicates)
        finally:
            config["daemon"] = daemon
    try:
        return future.result()
    except BrokenProcessPool:
        with _CHILD_LOCK:
            _CHILD = None
        raise


def _child_start() -> None:
    """In the child: die with the Dask worker (a killed worker must not leave it running), then warm up."""
    from .runner import _warm_up, die_with_parent

    die_with_parent()
    _warm_up()


def stop_child() -> None:
    """Shut this Dask worker's child process down (run on every worker at the end of a run)."""
    global _CHILD
    with _CHILD_LOCK:
        child, _CHILD = _CHILD, None
    if child is not None:
        child.shutdown(wait=True, cancel_futures=True)
