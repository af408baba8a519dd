"""Public pages of the motions app."""
from django.urls import path

from . import views

app_name = "motions"

urlpatterns = [
    path("moties/", views.motion_list, name="motion_list"),
    path("moties/<str:kamerstuk>/", views.motion_detail, name="motion_detail"),
    path("toezeggingen/", views.commitment_list, name="commitment_list"),
    path("toezeggingen/<slug:slug>/", views.commitment_detail, name="commitment_detail"),
]
