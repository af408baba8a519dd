"""A page cache for public pages and API responses, keyed by the content version.

``public_page`` marks a view as public and caches its response until content is
published; ``PublicPageCacheMiddleware`` serves those cached responses before the rest
of the middleware stack runs.

After a publish every page misses at once. Each page is rendered once for all
processes, by whoever takes its short lock in the shared cache first:

- The publish itself, before it returns, renders the pages read since the previous
  publish (at most ``_PRERENDER_PAGES``, ``refresh_after_publish``), so whoever
  published, and anyone after, reads the new content.
- A reader whose page is being rendered elsewhere gets the page's previous copy at once
  (stale-while-revalidate), instead of holding up a worker while waiting; it waits only
  when there is no previous copy. A previous copy is served only while the new one
  renders, and never once it is older than ``PUBLIC_CACHE_SECONDS``.

A page that was cached before is rendered for everyone, so that work does not count
against the API budget of the one caller who happened to ask first
(``request.renders_for_everyone``, read by the API's throttle).
"""
import hashlib
import io
import logging
import time
from collections.abc import Callable
from functools import cache as once
from functools import wraps
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from rest_framework.utils.mediatypes import media_type_matches, order_by_precedence

from . import content_version as versions
from .content_version import content_version

logger = logging.getLogger(__name__)

# The pages this process served most recently, so that a popular page costs one cache
# round trip (the content version) instead of two. Bounded in number and, like the
# shared cache, in time (PUBLIC_CACHE_SECONDS); keys carry the version. Dropped whenever
# the shared cache lost the version (at the latest every VERSION_CACHE_SECONDS), since it
# may have lost the pages too, e.g. cleared.
_recent_pages: dict[str, tuple[float, tuple[dict, bytes]]] = {}
_recent_pages_since = 0
_RECENT_PAGES_MAX = 256
# Larger responses (the CSV of a whole list) stay in the shared cache only, so that each
# process holds at most 256 × 128 kB.
_RECENT_PAGE_MAX_BYTES = 128 * 1024
# The media types the site answers by the Accept header (the open-data API's JSON and
# CSV, core.api.renderers); pages are HTML whatever the header says.
_NEGOTIATED_TYPES = ("application/json", "text/csv")
# How long one request may render a missing page for everyone before others stop
# waiting for it, and how often they look whether it is there.
_RENDER_LOCK_SECONDS = 10
_WAIT_SECONDS = 0.01
# How long a page counts as known (rendered before) for the budget rule above. The entry
# holds the content version of the page's latest copy, the one served while it renders.
_KNOWN_PAGE_SECONDS = 24 * 60 * 60
# How many of the pages read since the previous publish a publish renders before it
# returns, and for how long at most; the rest are rendered by their next reader.
_PRERENDER_PAGES = 16
_PRERENDER_SECONDS = 2.0
# Marks a request made by refresh_after_publish, holding (key, content version). A WSGI
# server puts only HTTP_* keys in the environ from what a client sends, so no client can.
_PRERENDER = "passend.prerender"

_now = time.monotonic


def _representation(request) -> str:
    """What the Accept header means for the response, as DRF's negotiation reads it.

    DRF picks the first renderer matched by the most specific Accept entries (it ignores
    q), and passes that entry's parameters (``indent``) to the renderer. So per offered
    media type: the precedence level at which the header first accepts it, with those
    parameters. Browsers' many Accept strings all come down to one value."""
    accepts = [token.strip() for token in request.headers.get("Accept", "*/*").split(",")]
    ranks = []
    for media_type in _NEGOTIATED_TYPES:
        rank = "-"
        for level, tokens in enumerate(order_by_precedence(accepts)):
            matching = sorted(token for token in tokens if media_type_matches(media_type, token))
            if matching:
                rank = f"{level}{matching[0].partition(';')[2].replace(' ', '') if ';' in matching[0] else ''}"
                break
        ranks.append(rank)
    return ",".join(ranks)


def _address(request, layer: str) -> str | None:
    """What identifies this request's page apart from the content version, or None when
    it must not come from the cache.

    Signed-in staff (who have a session, or send an API token) always get a fresh page.
    The scheme is part of it because pages and API responses hold absolute links (https
    behind the proxy)."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if "Authorization" in request.headers:
        return None
    if not settings.PUBLIC_CACHE_SECONDS:
        return None
    return "|".join([layer, request.scheme, request.get_host(), request.get_full_path(), _representation(request)])


def _key(address: str, version: str) -> str:
    return "public-page:" + hashlib.sha256(f"{version}|{address}".encode()).hexdigest()


def _cache_key(request, layer: str) -> str | None:
    """The key of this request's page for the current content version, which every
    publish bumps, so a change shows at once."""
    address = _address(request, layer)
    return None if address is None else _key(address, content_version())


def _known_key(address: str) -> str:
    return "public-page-known:" + hashlib.sha256(address.encode()).hexdigest()


def _cached_response(key: str, request, *, read: tuple[str, str] | None = None) -> HttpResponse | None:
    """The cached page, from this process's copies or the shared cache. ``read``, as
    (address, version), notes a page taken from the shared cache among the pages read
    since the last publish."""
    global _recent_pages_since
    if _recent_pages_since != versions.database_reads:
        _recent_pages.clear()
        _recent_pages_since = versions.database_reads
    recent = _recent_pages.get(key)
    if recent is not None and recent[0] <= _now():
        del _recent_pages[key]
        recent = None
    page = recent[1] if recent is not None else cache.get(key)
    if page is None:
        return None
    if recent is None and read is not None:
        _note_read(*read, request)
    _remember(key, page)
    return _response(page, request)


def _stale_response(address: str, version: str, request) -> HttpResponse | None:
    """The page's copy from before the last publish, while another process renders it for
    this one. From the shared cache only, so never older than PUBLIC_CACHE_SECONDS."""
    latest = cache.get(_known_key(address))
    if latest is None or latest == version:
        return None
    page = cache.get(_key(address, latest))
    if page is None:
        return None
    response = _response(page, request)
    # Already outdated: browsers and proxies must ask again next time.
    response["Cache-Control"] = "no-cache"
    return response


def _response(page: tuple[dict, bytes], request) -> HttpResponse:
    headers, content = page
    # API responses carry an ETag and Last-Modified: a client that sends them back gets
    # 304 Not Modified from the cache as it would from the API itself. Pages carry
    # neither, and without validators Django would refuse an If-Unmodified-Since (412).
    not_modified = None
    if "ETag" in headers:
        last_modified = parse_http_date_safe(headers.get("Last-Modified", ""))
        not_modified = get_conditional_response(request, etag=headers["ETag"], last_modified=last_modified)
    if not_modified is None:
        return HttpResponse(content, headers=headers)
    for header, value in headers.items():
        if header.lower() not in ("content-type", "content-length", "content-disposition"):
            not_modified[header] = value
    return not_modified


def _store(key: str, request, response, headers: dict, *, remember: bool = True) -> bool:
    """Keep a complete, anonymous 200 response; PUBLIC_CACHE_SECONDS bounds how long."""
    if (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and settings.PUBLIC_CACHE_SECONDS
    ):
        page = (headers, response.content)
        cache.set(key, page, settings.PUBLIC_CACHE_SECONDS)
        if remember:
            _remember(key, page)
        return True
    return False


def _remember(key: str, page: tuple[dict, bytes]) -> None:
    if key not in _recent_pages and len(page[1]) <= _RECENT_PAGE_MAX_BYTES:
        if len(_recent_pages) >= _RECENT_PAGES_MAX:
            _recent_pages.clear()
        _recent_pages[key] = (_now() + settings.PUBLIC_CACHE_SECONDS, page)


def _note_read(address: str, version: str, request) -> None:
    """Count the page among those read under this content version (once), keeping how to
    ask for it again, so that the next publish can render it before it returns."""
    digest = hashlib.sha256(address.encode()).hexdigest()
    if not cache.add(f"public-page-read:{version}:{digest}", 1, _KNOWN_PAGE_SECONDS):
        return
    counter = f"public-pages-read:{version}"
    cache.add(counter, 0, _KNOWN_PAGE_SECONDS)
    try:
        number = cache.incr(counter)
    except ValueError:  # the counter expired or the cache is unavailable: not counted
        return
    if number <= _PRERENDER_PAGES:
        recipe = {"scheme": request.scheme, "host": request.get_host(), "path": request.get_full_path(),
                  "accept": request.headers.get("Accept")}
        cache.set(f"{counter}:{number}", recipe, _KNOWN_PAGE_SECONDS)


def _pages_read(version: str) -> list[WSGIRequest]:
    """Requests for the pages read under this content version, first read first."""
    counter = f"public-pages-read:{version}"
    count = min(cache.get(counter) or 0, _PRERENDER_PAGES)
    recipes = cache.get_many([f"{counter}:{number}" for number in range(1, count + 1)])
    return [_request(recipe) for recipe in recipes.values()]


def _request(recipe: dict) -> WSGIRequest:
    path, _, query = recipe["path"].partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        # WSGI gives the path decoded, as bytes in a latin-1 string.
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": query,
        "HTTP_HOST": recipe["host"],
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": recipe["scheme"],
        "wsgi.input": io.BytesIO(),
    }
    if recipe["accept"] is not None:
        environ["HTTP_ACCEPT"] = recipe["accept"]
    return WSGIRequest(environ)


@once
def _handler() -> BaseHandler:
    """The site's whole middleware stack, for rendering pages outside a reader's request."""
    handler = BaseHandler()
    handler.load_middleware()
    return handler


def refresh_after_publish(*, version: str, previous: str | None, show: Callable[[], None]) -> None:
    """Make a committed publish visible (``show``) and render the pages read since the
    previous publish for it, before the publish returns.

    Their locks are taken before the new version shows, so readers get their previous
    copies meanwhile and no worker renders them a second time. A failed render costs
    the publish nothing: the page's next reader renders it."""
    locked = []
    try:
        if settings.PUBLIC_CACHE_SECONDS and previous is not None and previous != version:
            for request in _pages_read(previous):
                address = _address(request, "response")
                key = None if address is None else _key(address, version)
                if key and cache.add(key + ":rendering", 1, _RENDER_LOCK_SECONDS):
                    locked.append((request, key))
    except Exception:
        logger.exception("Could not plan the pages to render after a publish.")
    show()
    deadline = _now() + _PRERENDER_SECONDS
    for request, key in locked:
        try:
            if _now() < deadline:
                request.META[_PRERENDER] = (key, version)
                _handler().get_response(request)
        except Exception:
            logger.exception("Could not render %s after a publish.", request.get_full_path())
        finally:
            cache.delete(key + ":rendering")


def public_page(view):
    """Mark a view as a public page and serve it from the cache until content is published.

    With PublicPageCacheMiddleware installed, the middleware caches the whole response;
    without it, this decorator caches the page's content itself.
    """

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        # A public page is read, never written: other methods are refused (405), not
        # answered with the page as if they had done something.
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        key = None if getattr(request, "page_cache_middleware", False) else _cache_key(request, "view")
        if key and (cached := _cached_response(key, request)) is not None:
            return cached
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        if key:
            _store(key, request, response, {"Content-Type": response["Content-Type"]})
        return response

    return cached_view


class PublicPageCacheMiddleware:
    """Serve cached public pages and API responses before the rest of the stack runs.

    Installed right after WhiteNoise, a cached page costs little more than a static file.
    The entry keeps the headers the later middleware added (the Content-Security-Policy
    among them), so a cached page is sent exactly as it was rendered. A view marks a
    response as cacheable with ``response.is_public_page``: the ``public_page`` decorator
    and the open-data API (core.api.views) do. Served from here, a cached API response
    skips the API's throttle: it costs no more than a static file, and the throttle is
    there to protect the work of rendering.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = _address(request, "response")
        if address is None:
            return self.get_response(request)
        if (prerender := request.META.get(_PRERENDER)) is not None:
            # refresh_after_publish renders this page for everyone, holding its lock.
            key, version = prerender
            return self._render(request, address, key, version, prerender=True)
        try:
            version = content_version()
        except DatabaseError:
            # The database is down: whatever this is (a health check, a page that will
            # say so with a 503), it goes on without the cache.
            return self.get_response(request)
        key = _key(address, version)
        if (cached := _cached_response(key, request, read=(address, version))) is not None:
            return cached
        lock = key + ":rendering"
        deadline = _now() + _RENDER_LOCK_SECONDS
        waited = False
        while not (locked := cache.add(lock, 1, _RENDER_LOCK_SECONDS)):
            # Another process renders this page. Without a lock to see (released, or the
            # cache is down) or after waiting long enough, render it here as well.
            if cache.get(lock) is None or _now() >= deadline:
                break
            if (cached := _cached_response(key, request, read=(address, version))) is not None:
                return cached
            if not waited and (stale := _stale_response(address, version, request)) is not None:
                return stale
            waited = True
            time.sleep(_WAIT_SECONDS)
        try:
            return self._render(request, address, key, version)
        finally:
            if locked:
                cache.delete(lock)

    def _render(self, request, address: str, key: str, version: str, *, prerender: bool = False):
        request.page_cache_middleware = True
        known = _known_key(address)
        request.renders_for_everyone = prerender or cache.get(known) is not None
        response = self.get_response(request)
        # Pages a publish renders stay out of this process's copies, so that the first
        # read of each in every process counts it as read (_note_read).
        if getattr(response, "is_public_page", False) and _store(
            key, request, response, dict(response.items()), remember=not prerender
        ):
            cache.set(known, version, _KNOWN_PAGE_SECONDS)
            if not prerender:
                _note_read(address, version, request)
        return response
