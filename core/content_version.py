"""One version number for all published content, used in the keys of cached pages.

Whenever published content changes (a publish, a load of the fixtures), the version is
bumped after the transaction commits, so every cached public page and API response
becomes stale at once; old entries simply expire. Cheaper and safer than tracking
which page shows which record.
"""
import time

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

_KEY = "passend:content-version"

# Sent by content_changed, inside the writing transaction, for what must change with the
# content itself (the site search's index).
published_content_changed = Signal()


def content_version() -> str:
    version = cache.get(_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(_KEY, version, timeout=None)
        version = cache.get(_KEY, version)
    return version


def content_changed() -> None:
    """Call inside the writing transaction, after the writes; takes effect when it commits."""
    published_content_changed.send(sender=content_changed)
    transaction.on_commit(lambda: cache.set(_KEY, str(time.time_ns()), timeout=None))
