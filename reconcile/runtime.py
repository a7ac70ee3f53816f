"""Process-level tuning for batch work: the cyclic garbage collector, and the worker processes of a screen."""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused", "init_worker"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then turn it back on if it was on.

    Projecting or fanning out tens of thousands of names allocates millions of small lists, tuples and
    dicts. Every so many allocations the collector runs, and its full passes walk every object the process
    holds (the normalizer's cache, the rows built so far): a fifth of the projection's time went there,
    and not one cycle was found. Reference counting still frees everything these blocks drop.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def init_worker() -> None:
    """Set up a process of a screen's worker pool (its `initializer`): no cyclic collection, quick exit.

    A worker only projects names, explains rows and scores pairs: plain data without reference cycles, so
    the collector would only cost time (a pass after every chunk over everything the worker caches). At
    exit, tearing the interpreter down frees those caches object by object, a few tenths of a second the
    screen waits for when it joins its workers; the process ends instead once Python's exit handlers
    have run (multiprocessing has already flushed and closed what it uses by then).
    """
    gc.disable()
    atexit.register(_exit_now)


def _exit_now() -> None:
    # Registered after the standard exit handlers, so it runs first and they are skipped: multiprocessing
    # ran its own exit function when the worker's bootstrap returned, and logging has nothing to flush.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
