"""The glossary (/begrippen/) from fixtures/glossary.yaml, and the marking of the first
use of each abbreviation on a public page.

The glossary is text the content team keeps with the fixtures: each term as a source
spells it out, with that source's own explanation where it gives one. It is read from the
file (and kept in memory), not loaded into the database: nothing in it is edited in the
workspace.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils.html import escape
from django.utils.text import slugify

# Elements whose text is never marked: links and controls (an <abbr> inside them would be
# a second thing to point at), existing abbreviations, and what is not page text.
_SKIP = {"a", "abbr", "button", "option", "select", "textarea", "script", "style", "title", "code", "label"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "track"}


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    abbreviation: str
    expansion: str
    source: str
    explanation: str
    explanation_source: str
    variants: tuple[str, ...]
    on_pages: bool

    @property
    def anchor(self) -> str:
        return slugify(self.abbreviation or self.term)


@lru_cache(maxsize=1)
def glossary_terms() -> tuple[GlossaryTerm, ...]:
    """The terms in alphabetical order (of the abbreviation, else the term)."""
    path = Path(settings.PROGRAMME_FIXTURES_DIR) / "glossary.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    terms = [
        GlossaryTerm(
            term=entry["term"], abbreviation=entry.get("abbreviation", ""), expansion=entry.get("expansion", ""),
            source=entry["source"], explanation=" ".join(entry.get("explanation", "").split()),
            explanation_source=entry.get("explanation_source", ""), variants=tuple(entry.get("variants", ())),
            on_pages=entry.get("pages", True),
        )
        for entry in entries
    ]
    return tuple(sorted(terms, key=lambda term: (term.abbreviation or term.term).casefold()))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern | None, dict[str, GlossaryTerm]]:
    by_written = {}
    for term in glossary_terms():
        if term.abbreviation and term.on_pages:
            for written in (term.abbreviation, *term.variants):
                by_written[written] = term
    if not by_written:
        return None, {}
    # Longest first, so that "LBVSO" is not read as "vso"; case as written ("vo", not "VO-raad").
    alternatives = "|".join(re.escape(written) for written in sorted(by_written, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w])"), by_written


def mark_first_uses(html: str) -> str:
    """The HTML with the first use of each abbreviation of the glossary in an <abbr> with
    its expansion as title; text inside links, controls and existing <abbr> is left alone."""
    pattern, by_written = _abbreviations()
    if pattern is None:
        return html
    seen: set[str] = set()
    skipping: dict[str, int] = {}
    parts = _TAG.split(html)
    for index, part in enumerate(parts):
        if index % 2:
            match = _TAG_NAME.match(part)
            if match and match.group(2).lower() in _SKIP and match.group(2).lower() not in _VOID:
                name = match.group(2).lower()
                skipping[name] = max(0, skipping.get(name, 0) + (-1 if match.group(1) else 1))
            continue
        if any(skipping.values()) or not part.strip():
            continue

        def mark(found: re.Match) -> str:
            term = by_written[found.group(1)]
            if term.term in seen:
                return found.group(0)
            seen.add(term.term)
            return f'<abbr title="{escape(term.expansion)}">{found.group(1)}</abbr>'

        parts[index] = pattern.sub(mark, part)
    return "".join(parts)
