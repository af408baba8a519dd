"""Who may call the API: session authentication for staff, read-only access for
everyone else, and throttling of anonymous clients."""

from django.utils.translation import gettext as _
from drf_spectacular.authentication import SessionScheme
from rest_framework import permissions
from rest_framework.authentication import SessionAuthentication
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class StaffSessionAuthentication(SessionAuthentication):
    """Session authentication that answers 401 (with a challenge), not 403, to anonymous clients.

    DRF only answers 401 when the first authenticator names a ``WWW-Authenticate``
    challenge; staff sign in through the workspace (/beheer/).
    """

    def authenticate_header(self, request) -> str:
        return 'Session realm="Passend beheer"'

# Applies until the settings name a rate for the "anon" scope (see the module docstring
# of passend/api_urls.py for the settings the project sets).
DEFAULT_ANON_RATE = "600/hour"


class StaffSessionScheme(SessionScheme):
    """Names the staff session in the OpenAPI document (drf-spectacular finds it by class)."""

    target_class = StaffSessionAuthentication


class PublicReadOnly(permissions.BasePermission):
    """Reading is public; anything else needs a signed-in user with the right to edit.

    The public endpoints have no write operations, so an editor gets 405 from DRF;
    a signed-in user without the right to edit gets 403 first.
    """

    message = _("U heeft geen recht om de gegevens te wijzigen.")

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("workspace.edit_content"))


class AnonymousThrottle(AnonRateThrottle):
    """Counts anonymous callers by address; signed-in staff are not throttled.

    A page rendered to refill the page cache for everyone after a publish
    (``renders_for_everyone``, core.page_cache) costs the caller nothing: otherwise a
    caller over budget would turn the page into a 429 for every reader."""

    def allow_request(self, request, view) -> bool:
        if getattr(request, "renders_for_everyone", False):
            return True
        return super().allow_request(request, view)

    def get_rate(self) -> str:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or DEFAULT_ANON_RATE
