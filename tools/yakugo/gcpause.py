"""Pausing Python's cyclic garbage collector while big acyclic structures are built."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def gc_paused():
    """Catalogs, documents and glossaries are large trees without cycles; while they are
    built, the cyclic collector walks them again and again for nothing (a quarter of the
    time of reading a big glossary, and what made update grow faster than linearly).
    Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
