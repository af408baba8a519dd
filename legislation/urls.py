"""Public pages of the legislation app."""
from django.urls import path

from . import views

app_name = "legislation"

urlpatterns = [
    path("wetgeving/", views.law_list, name="law_list"),
    path("wetgeving/<slug:slug>/", views.law_detail, name="law_detail"),
]
