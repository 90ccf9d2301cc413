"""Worker processes, decided in one place: how many to start for a batch of work, and the pool that runs them.

Starting a worker costs about as much as loading a few hundred files or making a few hundred pages, so cheap work
(loading, HTML pages) goes to workers only from CHEAP_BATCH items; printing a PDF costs more than a start, so
from two documents. `jobs` is the user's --jobs (None: one worker per core).
"""
from __future__ import annotations

import os

CHEAP_BATCH = 400  # below this many cheap items, starting workers costs more than they save


def worker_count(items: int, jobs: int | None, *, cheap: bool) -> int:
    """How many worker processes a batch of `items` should use; 1 means: do the work in this process."""
    wanted = jobs if jobs is not None else (os.cpu_count() or 1)
    if items < (CHEAP_BATCH if cheap else 2):
        return 1
    return max(1, min(wanted, items))


def process_pool(workers: int, *, fork: bool = False):
    """A pool of `workers` processes; with `fork`, workers share this process's memory as it is now (the loaded
    catalogue), which only fork gives: None where fork does not exist (the caller then works here)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only here: a small run never imports it

    if not fork:
        return ProcessPoolExecutor(max_workers=workers)
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
