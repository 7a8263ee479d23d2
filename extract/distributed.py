"""The Dask engine: the same per-batch function as the local engine, on a Dask cluster.

Install with ``pip install '.[dask]'``. Without a scheduler address a ``LocalCluster`` is
started for the run. Results come back in input order, with a bounded number of
batches in flight, so the driver's memory stays bounded however large the input.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analyse import DocResult
    from .ingest import Source
    from .runner import Options


def run_dask(batches: Iterable[list[Source]], opts: Options) -> Iterator[list[DocResult]]:
    from dask.distributed import Client, LocalCluster

    from .runner import process_batch

    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, opts.workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        in_flight: deque = deque()
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or opts.workers)
        for batch in batches:
            # Batches are shipped whole: a document's bytes travel once, its rows come back once.
            in_flight.append(client.submit(process_batch, batch, opts.doc_timeout, pure=False))
            if len(in_flight) >= limit:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
