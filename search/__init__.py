"""The site search: one index of every kind of public page, with Dutch stemming."""
from .registry import SearchDocument, SearchKind, site

__all__ = ["SearchDocument", "SearchKind", "site"]
