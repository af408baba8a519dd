"""The one table core keeps: the content version (core.content_version)."""
from django.db import models


class ContentVersion(models.Model):
    """One row: the version of all published content, the time of the last publish in ns.

    The shared cache holds a copy for a few seconds; this row is the truth, so a publish
    whose cache write failed still reaches every reader once that copy expires."""

    value = models.BigIntegerField()

    class Meta:
        verbose_name = "inhoudsversie"

    def __str__(self) -> str:
        return str(self.value)
