"""The staff workspace (/beheer/): one namespace, views from each app."""
from django.urls import include, path

app_name = "staff"

urlpatterns: list = [
    path("rapportages/", include("reports.staff_urls")),
]
