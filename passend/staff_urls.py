"""The staff workspace (/beheer/): one namespace, views from each app."""
from django.urls import path

app_name = "staff"

urlpatterns: list = []
