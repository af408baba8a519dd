"""Root URL configuration.

Public pages use readable Dutch paths (/maatregelen/8a/, /moties/31497-373/); the staff
workspace lives under /beheer/, the open-data API under /api/v1/.
"""
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from passend import health
from passend.api_urls import api_root

# Plain-Dutch error pages (404 is the template of that name; 500 and 503 come from
# passend.errors.server_error).
handler400 = "passend.errors.bad_request"
handler500 = "passend.errors.server_error"

urlpatterns = [
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("beheer/", include("passend.staff_urls")),
    # The API's root without the slash its other addresses never end in.
    path("api/v1", api_root, name="api_index"),
    path("api/v1/", include("passend.api_urls")),
    path("", include("reports.urls")),
    path("", include("motions.urls")),
    path("", include("legislation.urls")),
    path("", include("measures.urls")),
    path("", include("dashboard.urls")),
]
