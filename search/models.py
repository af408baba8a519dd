"""The search index: one entry per public page, its stemmed terms, and their vocabulary.

Derived data, rebuilt from the published content (services.py): never edited, never in a
backup.
"""
from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=120)
    label = models.CharField(max_length=200)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    # The page's texts as one plain text, for the snippets.
    body = models.TextField(blank=True)
    position = models.IntegerField(default=0)
    related = models.JSONField(default=list, blank=True)
    related_label = models.CharField(max_length=100, blank=True)
    # Of everything above: an unchanged document is not indexed again.
    checksum = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_entry_unique_key")]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"


class SearchTerm(models.Model):
    """A stem that occurs in the index. On PostgreSQL a trigram index (migration 0001)
    finds the stems like a query word fast."""

    stem = models.CharField(max_length=100, unique=True)

    def __str__(self) -> str:
        return self.stem


class SearchPosting(models.Model):
    """That a term occurs in an entry, and how strongly: the sum of the weights of the
    fields it occurs in, once per occurrence."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="postings")
    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="postings")
    weight = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "entry"], name="search_posting_unique")]

    def __str__(self) -> str:
        return f"{self.term_id} in {self.entry_id}"
