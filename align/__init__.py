"""idlib-read's alignment engine: pure Python, no terminal code.

Public surface::

    from align import build, bundled_seeds, Alignment, InputError
    alignment = build([bundled_seeds()])

The stages, in the order data flows (as in the README's "How it works"):
ingest, clean, segment, figures, grouping, ledger, facts, compare (with
wording), export; ``pipeline.build`` runs them. See ``align.model`` for the
data they hand on.
"""

import os

# Before numpy loads OpenBLAS: the engine's matrix products are small (one
# article's sentences at a time), and OpenBLAS's worker threads cost more than
# they save (100 x 50 export on 2 cores: about 5.5 s -> 3.6 s). A value the
# user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .ingest import bundled_seeds, is_url, load_inputs, load_sources
from .model import (
    Alignment,
    Article,
    Claim,
    Cleaned,
    Divergence,
    Dropped,
    Group,
    InputError,
    Member,
    Quantity,
    Sentence,
    Source,
)
from .pipeline import build, build_from_sources

__all__ = [
    "Alignment",
    "Article",
    "Claim",
    "Cleaned",
    "Divergence",
    "Dropped",
    "Group",
    "InputError",
    "Member",
    "Quantity",
    "Sentence",
    "Source",
    "build",
    "build_from_sources",
    "bundled_seeds",
    "is_url",
    "load_inputs",
    "load_sources",
]
