"""Pause Python's cyclic garbage collector while a dataset or a search index is made.

Loading or indexing 100,000 services makes millions of objects (services, texts, postings) that form no reference
cycles. The collector runs every few hundred new objects and each full pass visits every object made so far, so
while they are being made it only costs time: loading the cached 100,000-service dataset took 12.8 s with it and
8.1 s without. Objects are still freed as soon as nothing refers to them; cycles made meanwhile are collected
later, when the collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Turn the cyclic collector off for the ``with`` block, and back on after it (only if it was on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
