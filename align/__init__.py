"""idlib-read's alignment engine: pure Python, no terminal code.

Public surface::

    from align import build, bundled_seeds, Alignment, InputError
    alignment = build([bundled_seeds()])

The stages, in reading order: ingest, clean, segment, grouping, numbers,
compare, pipeline, export. See ``align.model`` for the data they hand on.
"""

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
