"""A page cache for public pages and API responses, keyed by the content version.

``public_page`` marks a view as public and caches its response until content is
published; ``PublicPageCacheMiddleware`` serves those cached responses before the rest
of the middleware stack runs.
"""
import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from .content_version import content_version

# The pages this process served most recently, so that a popular page costs one cache
# round trip (the content version) instead of two. Bounded; keys carry the version.
_recent_pages: dict[str, tuple[dict, bytes]] = {}
_RECENT_PAGES_MAX = 256
# Larger responses (the CSV of a whole list) stay in the shared cache only, so that each
# process holds at most 256 × 128 kB.
_RECENT_PAGE_MAX_BYTES = 128 * 1024


def _cache_key(request, layer: str) -> str | None:
    """The cache key of this request's page, or None when it must not come from the cache.

    The key holds ``content_version()``, which every publish bumps, so a change shows at
    once. Signed-in staff (who have a session) always get a fresh page. The Accept header
    is part of the key because the open-data API answers JSON or CSV by it.
    """
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    address = "|".join(
        [layer, content_version(), request.get_host(), request.get_full_path(), request.headers.get("Accept", "")]
    )
    return "public-page:" + hashlib.sha256(address.encode()).hexdigest()


def _cached_response(key: str, request) -> HttpResponse | None:
    page = _recent_pages.get(key) or cache.get(key)
    if page is None:
        return None
    _remember(key, page)
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


def _store(key: str, request, response, headers: dict) -> None:
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
        _remember(key, page)


def _remember(key: str, page: tuple[dict, bytes]) -> None:
    if key not in _recent_pages and len(page[1]) <= _RECENT_PAGE_MAX_BYTES:
        if len(_recent_pages) >= _RECENT_PAGES_MAX:
            _recent_pages.clear()
        _recent_pages[key] = page


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
    and the open-data API (passend/api.py) do. Served from here, a cached API response
    skips the API's throttle: it costs no more than a static file, and the throttle is
    there to protect the work of rendering.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _cache_key(request, "response")
        if key is None:
            return self.get_response(request)
        if (cached := _cached_response(key, request)) is not None:
            return cached
        request.page_cache_middleware = True
        response = self.get_response(request)
        if getattr(response, "is_public_page", False):
            _store(key, request, response, dict(response.items()))
        return response
