"""The Dask engine: the same per-share functions as the local engine, on a Dask cluster.

Install with ``pip install '.[dask]'``. Without a scheduler address a ``LocalCluster`` is
started for the run. Only share descriptions (paths, byte ranges, row groups) go to the
workers and only counters come back: each worker reads its own input and writes its own
part files, so input and output paths must be on storage every worker reaches.

A Dask worker runs tasks in a thread, where no alarm signal can cut a document that runs past
``--doc-timeout``: :func:`extract.runner.process_with_timeout` uses a watchdog thread there.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .runner import Options


LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,  # a stack sample of every thread each 10 ms
    "distributed.admin.system-monitor.interval": "5s",  # psutil readings for the dashboard's plots
    "distributed.admin.system-monitor.gil.enabled": False,  # with gilknocker installed: a GIL probe each 1 ms
}


class DaskEngine:
    documents_done = None  # workers on other machines share no counter: progress moves a share at a time

    def __init__(self, opts: Options) -> None:
        import dask
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if opts.scheduler:
            self.client = Client(opts.scheduler)
        else:
            # The cluster lives for one run and nobody watches it: no dashboard, and none of the
            # samplers that feed one, which take the GIL from the extraction many times a second.
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                self.cluster = LocalCluster(n_workers=max(1, opts.workers), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
            self.client = Client(self.cluster)
        self.limit = 2 * max(1, len(self.client.scheduler_info().get("workers", {})) or opts.workers)
        self.in_flight: deque = deque()

    def map(self, fn: Callable, tasks: Iterable[tuple]) -> Iterator:
        """Results in task order, with a bounded number of tasks in flight."""
        for args in tasks:
            self.in_flight.append(self.client.submit(fn, *args, pure=False))
            if len(self.in_flight) >= self.limit:
                yield self.in_flight.popleft().result()
        while self.in_flight:
            yield self.in_flight.popleft().result()

    def call(self, fn: Callable, *args):
        return self.client.submit(fn, *args, pure=False).result()

    def everywhere(self, fn: Callable) -> None:
        """``fn()`` once on every worker, all at once: each loads the model in parallel here,
        not one after the other at its first document."""
        workers = list(self.client.scheduler_info().get("workers", {}))
        self.client.gather([self.client.submit(fn, pure=False, workers=[w]) for w in workers] or
                           [self.client.submit(fn, pure=False)])

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
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
