"""Keeping the search index current with the published content.

``search_index_sync`` asks every registered kind for its documents and rewrites the
entries whose content changed (a checksum per entry), so a publish re-stems one page,
not the site. It runs inside the transaction that changed the content (on the signal
``core.content_version.published_content_changed``), so the index commits, or rolls
back, with the change itself.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, transaction

from . import text
from .models import SearchEntry, SearchPosting, SearchTerm
from .registry import SearchDocument, site

# A word in the label or title counts this many times a word of the texts.
TITLE_WEIGHT = 8.0
TEXT_WEIGHT = 1.0


@dataclass(frozen=True)
class SyncReport:
    added: int
    changed: int
    removed: int


def _checksum(document: SearchDocument) -> str:
    payload = [document.label, document.title, document.url, list(document.texts), document.position,
               [list(pair) for pair in document.related], document.related_label]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def _weights(document: SearchDocument) -> Counter:
    weights: Counter = Counter()
    for term in text.terms(f"{document.label} {document.title}"):
        weights[term] += TITLE_WEIGHT
    for piece in document.texts:
        for term in text.terms(text.plain_text(piece)):
            weights[term] += TEXT_WEIGHT
    return weights


def _term_ids(stems: set[str]) -> dict[str, int]:
    # The whole vocabulary (a few thousand short rows): an IN list of that many stems
    # lets PostgreSQL pick the trigram index, which costs seconds.
    known = dict(SearchTerm.objects.values_list("stem", "id"))
    missing = stems - known.keys()
    if missing:
        SearchTerm.objects.bulk_create([SearchTerm(stem=stem) for stem in sorted(missing)], ignore_conflicts=True)
        known = dict(SearchTerm.objects.values_list("stem", "id"))
    return known


def _fill(entry: SearchEntry, document: SearchDocument) -> SearchEntry:
    entry.label, entry.title, entry.url = document.label, document.title, document.url
    entry.body = "\n".join(text.plain_text(piece) for piece in document.texts)
    entry.position = document.position
    entry.related = [list(pair) for pair in document.related]
    entry.related_label = document.related_label
    entry.checksum = _checksum(document)
    return entry


def _write(changed: list[tuple[SearchEntry, SearchDocument]]) -> None:
    """Store the changed entries and their terms: a few queries however many there are."""
    new = [entry for entry, _ in changed if entry.pk is None]
    old = [entry for entry, _ in changed if entry.pk is not None]
    # Both databases return the new primary keys (SQLite from 3.35 on).
    SearchEntry.objects.bulk_create(new)
    SearchEntry.objects.bulk_update(old, ["label", "title", "url", "body", "position", "related", "related_label",
                                          "checksum"])
    SearchPosting.objects.filter(entry__in=[entry.pk for entry in old]).delete()
    weights = {id(entry): _weights(document) for entry, document in changed}
    ids = _term_ids({term for counter in weights.values() for term in counter})
    SearchPosting.objects.bulk_create(
        [SearchPosting(entry=entry, term_id=ids[term], weight=weight)
         for entry, _ in changed for term, weight in sorted(weights[id(entry)].items())]
    )


def search_index_sync() -> SyncReport:
    """Bring the index in line with every registered kind's documents."""
    with transaction.atomic():
        existing = {(entry.kind, entry.key): entry for entry in SearchEntry.objects.defer("body", "related")}
        seen, changed, added = set(), [], 0
        for kind in site:
            for document in kind.documents():
                identity = (kind.slug, document.key)
                seen.add(identity)
                entry = existing.get(identity)
                if entry is None:
                    changed.append((_fill(SearchEntry(kind=kind.slug, key=document.key), document), document))
                    added += 1
                elif entry.checksum != _checksum(document):
                    changed.append((_fill(entry, document), document))
        gone = [entry.pk for identity, entry in existing.items() if identity not in seen]
        SearchEntry.objects.filter(pk__in=gone).delete()
        if changed:
            _write(changed)
        if changed or gone:
            SearchTerm.objects.filter(postings__isnull=True).delete()
    return SyncReport(added=added, changed=len(changed) - added, removed=len(gone))


def search_index_rebuild() -> SyncReport:
    """Empty the index and build it anew (after a change of the stemming or weights)."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        return search_index_sync()


def on_content_changed(sender, **kwargs) -> None:
    search_index_sync()


def on_migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if using == DEFAULT_DB_ALIAS:
        search_index_sync()
