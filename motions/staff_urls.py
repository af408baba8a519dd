"""Workspace pages of the motions app, under /beheer/tweede-kamer/ in the "staff" namespace."""
from django.urls import path

from . import staff_views

urlpatterns: list = [
    path("", staff_views.tweede_kamer_sync, name="tweede_kamer_sync"),
    path("<int:pk>/", staff_views.tweede_kamer_sync_detail, name="tweede_kamer_sync_detail"),
]
