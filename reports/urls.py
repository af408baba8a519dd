"""Public pages of the reports app."""
from django.urls import path

from . import views

app_name = "reports"

urlpatterns: list = [
    path("rapportages/", views.EditionListView.as_view(), name="edition_list"),
    path("rapportages/vergelijken/", views.EditionCompareView.as_view(), name="edition_compare"),
    path("rapportages/<slug:key>/", views.EditionDetailView.as_view(), name="edition_detail"),
    path("rapportages/<slug:key>/pdf/", views.EditionPdfView.as_view(), name="edition_pdf"),
    path("rapportages/<slug:key>/wijzigingen/", views.EditionChangesView.as_view(), name="edition_changes"),
]
