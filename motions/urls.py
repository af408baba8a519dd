"""Public pages of the motions app."""
from django.urls import path

app_name = "motions"

urlpatterns: list = []
