"""One version number for all published content, used in the keys of cached pages.

Whenever published content changes (a publish, a load of the fixtures), the version is
bumped in the writing transaction, in the database, so every cached public page and API
response becomes stale at once; old entries simply expire. Cheaper and safer than
tracking which page shows which record.

The shared cache keeps a copy of the version for ``VERSION_CACHE_SECONDS`` so that a
cached page costs no query. A publish writes the new version there when it commits; if
that write fails (Redis briefly unwritable), readers see the new content once the copy
expires, not only after the next publish.
"""
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.dispatch import Signal

_KEY = "passend:content-version"
VERSION_CACHE_SECONDS = 10
_ROW = 1
# How often this process found the shared cache without its copy of the version (expired,
# cleared, Redis restarted) and read it from the database. Pages the process keeps
# itself are dropped then (core.page_cache), so they never outlive the shared cache's.
database_reads = 0
_STARTED = time.time_ns()

# Sent by content_changed, inside the writing transaction, for what must change with the
# content itself (the site search's index).
published_content_changed = Signal()


def content_version() -> str:
    global database_reads
    version = cache.get(_KEY)
    if version is None:
        version = str(_stored_version())
        database_reads += 1
        cache.add(_KEY, version, timeout=VERSION_CACHE_SECONDS)
    return version


def content_changed() -> None:
    """Call inside the writing transaction, after the writes; the cache copy follows when
    it commits."""
    from .models import ContentVersion

    published_content_changed.send(sender=content_changed)

    # Monotonic even when the clock steps back; the row lock orders concurrent publishes.
    bumped = Greatest(F("value") + 1, Value(time.time_ns()))
    if not ContentVersion.objects.filter(pk=_ROW).update(value=bumped):
        ContentVersion.objects.get_or_create(pk=_ROW, defaults={"value": time.time_ns()})
    version = str(ContentVersion.objects.values_list("value", flat=True).get(pk=_ROW))
    transaction.on_commit(lambda: _show(version))


def _show(version: str) -> None:
    """Once committed: readers see the new version, and the pages they read most
    recently are rendered for it before the publish returns."""
    from .page_cache import refresh_after_publish  # it reads the version through this module

    refresh_after_publish(version=version, previous=cache.get(_KEY),
                          show=lambda: cache.set(_KEY, version, timeout=VERSION_CACHE_SECONDS))


def _stored_version() -> int:
    """The database's version; the row is made by the migration and by the first publish.
    Without it (a flushed table), this process's start: reading never writes."""
    from .models import ContentVersion

    stored = ContentVersion.objects.filter(pk=_ROW).values_list("value", flat=True).first()
    return _STARTED if stored is None else stored
