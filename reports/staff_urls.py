"""Staff pages of the reports app, under /beheer/rapportages/."""
from django.urls import path

urlpatterns: list = []
