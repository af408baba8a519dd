"""Dutch words for the site search: folding, stemming, term matching and snippets.

Everything that decides whether a query word matches a word of the content is here, in
Python, so that the search finds the same on PostgreSQL and on SQLite: the database only
stores the pre-stemmed terms (and, on PostgreSQL, narrows the vocabulary down with a
trigram index before these functions decide; see selectors.py).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Letters and digits; a hyphen, slash or apostrophe separates words ("VT-melding" is
# "vt" and "melding", "31497-373" is "31497" and "373").
_WORD = re.compile(r"[^\W_]+")
# The small rich-text format of the narratives (core/richtext.py): links keep their text.
_MARKUP_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")
_MARKUP_BOLD = re.compile(r"\*\*")

# The Snowball project's Dutch stop word list: words too common to find anything by.
_STOP_WORDS = """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er
    maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der
    daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets
    worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja
    eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets
    uw iemand geweest andere"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

# How well a word of the content matches a query word (see term_match).
EXACT, DERIVED, PREFIX, SIMILAR = 1.0, 0.8, 0.6, 0.5
# Trigram similarity at or above which two stems of five or more letters match (a typo,
# an inflection the stemmer leaves apart). PostgreSQL's pg_trgm narrows down with its
# own default threshold, 0.3, which is lower: it never leaves out a match of this one.
SIMILARITY_THRESHOLD = 0.6

# The length of SearchTerm.stem: longer "words" (a pasted address) are cut.
MAX_STEM_LENGTH = 100

_stemmer = snowballstemmer.stemmer("dutch")


def fold(word: str) -> str:
    """Lower case without diacritics: "Geëvalueerd" and "geevalueerd" are one word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain_text(text: str) -> str:
    """Rich text without its markup (link addresses and ** left out)."""
    return _MARKUP_BOLD.sub("", _MARKUP_LINK.sub(r"\1", text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Dutch stem of a folded word; numbers and codes (8a, t01575) stay as they are."""
    if any(char.isdigit() for char in word):
        return word[:MAX_STEM_LENGTH]
    return _stemmer.stemWord(word)[:MAX_STEM_LENGTH]


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of the text."""
    return [(match.start(), match.end(), fold(match.group())) for match in _WORD.finditer(text)]


def terms(text: str) -> list[str]:
    """The stems of the text's words, stop words left out, in order."""
    return [stem(word) for _, _, word in words(text) if word not in STOP_WORDS]


_PHRASE = re.compile(r'"([^"]*)"')


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query, in the order typed."""
    return list(dict.fromkeys(terms(query)))


def query_phrases(query: str) -> list[list[str]]:
    """The stems of each "quoted phrase" of two or more words in the query."""
    return [stems for stems in (terms(phrase) for phrase in _PHRASE.findall(query)) if len(stems) > 1]


def contains_phrase(haystack: list[str], phrase: list[str]) -> bool:
    """Whether the stems of the phrase occur one after the other (stop words aside)."""
    width = len(phrase)
    return any(haystack[index:index + width] == phrase for index in range(len(haystack) - width + 1))


def trigrams(value: str) -> frozenset[str]:
    """The trigrams of one word as PostgreSQL's pg_trgm makes them (two spaces before,
    one after), so that similarity() here and there agree."""
    padded = f"  {value} "
    return frozenset(padded[index:index + 3] for index in range(len(padded) - 2))


def similarity(first: str, second: str) -> float:
    a, b = trigrams(first), trigrams(second)
    return len(a & b) / len(a | b)


def term_match(query: str, term: str) -> float:
    """How well a stem of the content matches a stem of the query, 0 for not at all.

    * the same stem;
    * the content's stem is the query's minus a short ending: Dutch stemming leaves
      "thuiszitter" (thuiszitters) and "thuiszit" (thuiszitten, thuiszittende) apart;
    * the content's stem begins with the query (someone still typing, or the first
      part of a compound: "zorg" finds "zorgplicht");
    * a similar stem of five or more letters (a typo).
    """
    if term == query:
        return EXACT
    if len(term) >= 5 and query.startswith(term) and len(query) - len(term) <= 3:
        return DERIVED
    if len(query) >= 3 and term.startswith(query):
        return PREFIX
    if len(query) >= 5 and len(term) >= 5 and similarity(query, term) >= SIMILARITY_THRESHOLD:
        return SIMILAR
    return 0.0


def derived_candidates(query: str) -> list[str]:
    """The stems term_match counts as DERIVED from the query: the query minus 1–3 letters."""
    return [query[:length] for length in range(max(5, len(query) - 3), len(query))]


def highlight(text: str, matched: set[str]) -> SafeString:
    """The text, escaped, with the words whose stem is in ``matched`` in <mark>."""
    parts, last = [], 0
    for start, end, word in words(text):
        if word not in STOP_WORDS and stem(word) in matched:
            parts += [escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>"]
            last = end
    parts.append(escape(text[last:]))
    # Every part is escaped above.
    return mark_safe("".join(parts))


def snippet(text: str, matched: set[str], *, length: int = 30) -> SafeString:
    """About ``length`` words of the text around the most matches, highlighted.

    The window holding the most different matched stems wins (the earliest of equals);
    "…" marks text left out before or after it.
    """
    text = " ".join(text.split())
    found = words(text)
    if not found:
        return mark_safe("")
    hits = [
        stem(word) if word not in STOP_WORDS and stem(word) in matched else None for _, _, word in found
    ]
    best_start, best_score = 0, -1
    for start in range(max(1, len(found) - length + 1)):
        score = len({hit for hit in hits[start:start + length] if hit})
        if score > best_score:
            best_start, best_score = start, score
    # Start a little before the first hit, so that it is read in context.
    window = hits[best_start:best_start + length]
    first_hit = next((index for index, hit in enumerate(window) if hit), 0)
    begin = max(0, min(best_start + first_hit - 5, len(found) - length))
    end = min(len(found), begin + length)
    piece = text[found[begin][0]:found[end - 1][1]]
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(found) else ""
    return mark_safe(escape(prefix) + highlight(piece, matched) + escape(suffix))
