"""Public pages of the measures app."""
from django.urls import path

app_name = "measures"

urlpatterns: list = []
