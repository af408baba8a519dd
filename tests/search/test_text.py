"""The Dutch word handling of the site search: stems, matching, trigrams, snippets."""
import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from search import text


@pytest.mark.parametrize(
    ("query", "word", "quality"),
    [
        ("thuiszitters", "thuiszitters", text.EXACT),
        # Dutch stemming leaves these apart; the derived-stem rule joins them.
        ("thuiszitters", "thuiszitten", text.DERIVED),
        ("thuiszitters", "thuiszittende", text.DERIVED),
        ("leraren", "leraar", text.EXACT),
        ("scholen", "school", text.EXACT),
        ("Geëvalueerd", "geevalueerd", text.EXACT),
        # Someone still typing, or the first part of a compound.
        ("thuisz", "thuiszitten", text.PREFIX),
        ("zorg", "zorgplicht", text.PREFIX),
        # A typo.
        ("samenwerkingsvrband", "samenwerkingsverband", text.SIMILAR),
        ("ouders", "onderwijs", 0.0),
        ("leerlingen", "leren", 0.0),
        ("pa", "passend", 0.0),
    ],
)
def test_term_match(query, word, quality):
    [query_stem] = text.terms(query)
    [word_stem] = text.terms(word)
    assert text.term_match(query_stem, word_stem) == quality


def test_codes_and_kamerstuk_numbers_are_words_of_their_own():
    terms = text.terms("Maatregel 8a, motie 31497-373 en T01575")
    assert terms == ["maatregel", "8a", "motie", "31497", "373", "t01575"]


def test_stop_words_are_left_out():
    assert text.query_terms("de het een") == []


def test_a_quoted_phrase_must_occur_word_after_word():
    [phrase] = text.query_phrases('"digitale school" verzuim')
    assert text.contains_phrase(text.terms("Over de digitale school en verzuim"), phrase)
    assert not text.contains_phrase(text.terms("Een school die digitale middelen gebruikt"), phrase)


def test_snippet_marks_the_matches_and_escapes_everything_else():
    hit = "<script>alert(1)</script> kinderen die thuiszitten worden geholpen. "
    body = "Begin. " + "woord " * 40 + hit + "eind " * 40
    snippet = text.snippet(body, {text.stem("thuiszitten")})
    assert "<mark>thuiszitten</mark>" in snippet
    assert "&lt;/script&gt;" in snippet and "</script>" not in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet.split()) < 40


@pytest.mark.django_db
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=30))
def test_trigrams_are_those_of_pg_trgm(word):
    """The Python similarity decides; PostgreSQL's trigram index only narrows down, so
    the two must see the same trigrams."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT show_trgm(%s)", [word])
        [postgres] = cursor.fetchone()
    assert text.trigrams(word) == frozenset(postgres)


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "second"), [("thuiszitter", "thuiszit"), ("samenwerkingsverband", "samenwerk"),
                                               ("ouder", "onder"), ("verzuim", "verzuimbeleid")])
def test_similarity_is_that_of_pg_trgm(first, second):
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity(%s, %s)", [first, second])
        [postgres] = cursor.fetchone()
    assert text.similarity(first, second) == pytest.approx(postgres, abs=1e-6)
