"""The site search: which pages match a query, best first, with highlighted snippets.

A query word matches the content's stems as ``text.term_match`` decides, in Python, so
PostgreSQL and SQLite find the same. The database only narrows the vocabulary down: on
PostgreSQL with the trigram index on the stems (pg_trgm, a superset of what
``term_match`` accepts: see ``text.SIMILARITY_THRESHOLD``), on SQLite by reading the
vocabulary (a few thousand stems).

Every query word must match (AND); a "quoted phrase" must occur as written, word after
word (with the same stems). An entry's score is, per query word, the best of its
matching terms' match quality times the logarithm of the term's weight in the entry
(titles weigh more, repetition less and less), summed over the query words.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.utils.safestring import SafeString

from . import text
from .models import SearchEntry, SearchPosting, SearchTerm
from .registry import site

# Longer queries are cut: each word costs a lookup.
MAX_QUERY_TERMS = 12


@dataclass(frozen=True)
class SearchResult:
    kind: str
    kind_label: str
    key: str
    label: str
    title: SafeString
    url: str
    snippet: SafeString
    related: list
    related_label: str
    score: float


def _candidates(query_term: str) -> list[tuple[int, str]]:
    """(id, stem) of the vocabulary that may match the query term (a superset)."""
    if connection.vendor != "postgresql":
        return list(SearchTerm.objects.values_list("id", "stem"))
    # Stems hold letters and digits only, so the term needs no escaping in LIKE. The
    # LIKE and the % operator of pg_trgm use the trigram index (migration 0001).
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, stem FROM {SearchTerm._meta.db_table} WHERE stem = %s OR stem = ANY(%s)"
            " OR (length(%s) >= 3 AND stem LIKE %s) OR (length(%s) >= 5 AND stem %% %s)",
            [query_term, text.derived_candidates(query_term), query_term, f"{query_term}%", query_term, query_term],
        )
        return cursor.fetchall()


def _matching_terms(query_terms: list[str]) -> list[dict[int, tuple[str, float]]]:
    """Per query term: {term id: (stem, match quality)} of the matching stems."""
    vocabulary = None
    matches = []
    for query_term in query_terms:
        if connection.vendor == "postgresql":
            candidates = _candidates(query_term)
        else:
            vocabulary = vocabulary if vocabulary is not None else _candidates(query_term)
            candidates = vocabulary
        found = {}
        for term_id, stem in candidates:
            quality = text.term_match(query_term, stem)
            if quality:
                found[term_id] = (stem, quality)
        matches.append(found)
    return matches


def _scores(matches: list[dict[int, tuple[str, float]]], kind: str | None) -> dict[int, tuple[float, set[str]]]:
    """{entry id: (score, matched stems)} of the entries every query term matches."""
    term_ids = {term_id for found in matches for term_id in found}
    postings = SearchPosting.objects.filter(term_id__in=term_ids)
    if kind:
        postings = postings.filter(entry__kind=kind)
    weights: dict[int, dict[int, float]] = defaultdict(dict)
    for entry_id, term_id, weight in postings.values_list("entry_id", "term_id", "weight"):
        weights[entry_id][term_id] = weight
    scores = {}
    for entry_id, entry_weights in weights.items():
        total, stems = 0.0, set()
        for found in matches:
            best = 0.0
            for term_id, (stem, quality) in found.items():
                if term_id in entry_weights:
                    best = max(best, quality * (1 + math.log(entry_weights[term_id])))
                    stems.add(stem)
            if not best:
                break
            total += best
        else:
            scores[entry_id] = (round(total, 6), stems)
    return scores


def _found(query: str, kind: str | None) -> list[tuple[SearchEntry, float, set[str]]]:
    """(entry, score, matched stems) of the entries matching the query, best first;
    equals in the kinds' and lists' order."""
    query_terms = text.query_terms(query)[:MAX_QUERY_TERMS]
    if not query_terms:
        return []
    scores = _scores(_matching_terms(query_terms), kind)
    positions = {registered.slug: registered.position for registered in site}
    entries = [entry for entry in SearchEntry.objects.filter(pk__in=scores) if entry.kind in positions]
    phrases = text.query_phrases(query)
    if phrases:
        entries = [
            entry for entry in entries
            if all(text.contains_phrase(text.terms(f"{entry.label} {entry.title} {entry.body}"), phrase)
                   for phrase in phrases)
        ]
    entries.sort(key=lambda entry: (-scores[entry.pk][0], positions[entry.kind], entry.position, entry.key))
    return [(entry, *scores[entry.pk]) for entry in entries]


def search_results(*, query: str, kind: str | None = None) -> list[SearchResult]:
    """The pages matching the query, best first, with their snippets."""
    labels = {registered.slug: registered.label for registered in site}
    return [
        SearchResult(
            kind=entry.kind, kind_label=labels[entry.kind], key=entry.key, label=entry.label,
            title=text.highlight(entry.title, stems), url=entry.url, snippet=text.snippet(entry.body, stems),
            related=entry.related, related_label=entry.related_label, score=score,
        )
        for entry, score, stems in _found(query, kind)
    ]


def search_keys(*, query: str, kind: str) -> list[str]:
    """The keys of one kind's pages matching the query, best first (a list's ``?q=``)."""
    return [entry.key for entry, _, _ in _found(query, kind)]
