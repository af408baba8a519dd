"""Staff pages of the reports app, under /beheer/rapportages/ in the "staff" namespace."""
from django.urls import path

from . import staff_views

urlpatterns: list = [
    path("", staff_views.StaffEditionListView.as_view(), name="report_home"),
    path("edities/nieuw/", staff_views.EditionStartView.as_view(), name="report_edition_start"),
    path("edities/<slug:key>/", staff_views.StaffEditionView.as_view(), name="report_edition"),
    path("edities/<slug:key>/vaststellen/", staff_views.EditionAdoptView.as_view(), name="report_edition_adopt"),
    path("edities/<slug:key>/genereren/", staff_views.GenerationStartView.as_view(), name="report_generation_start"),
    path("generaties/<int:pk>/", staff_views.GenerationDetailView.as_view(), name="report_generation"),
    path("generaties/<int:pk>/annuleren/", staff_views.GenerationCancelView.as_view(), name="report_generation_cancel"),
    path("generaties/<int:pk>/opnieuw/", staff_views.GenerationRetryView.as_view(), name="report_generation_retry"),
    path("generaties/<int:pk>/status/", staff_views.GenerationStatusView.as_view(), name="report_generation_status"),
    path("generaties/<int:pk>/pdf/", staff_views.GenerationDownloadView.as_view(), name="report_generation_download"),
]
