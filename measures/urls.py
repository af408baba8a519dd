"""Public pages of the measures app: goals, measures, the matrix and stakeholders."""
from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("doelen/", views.goal_list, name="goal_list"),
    path("doelen/<int:number>/", views.goal_detail, name="goal_detail"),
    path("maatregelen/", views.measure_list, name="measure_list"),
    path("maatregelen/<str:code>/", views.measure_detail, name="measure_detail"),
    path("kerncijfers/", views.figure_list, name="figure_list"),
    path("samenhang/", views.matrix, name="matrix"),
    path("betrokkenen/", views.stakeholder_list, name="stakeholder_list"),
    path("betrokkenen/<slug:slug>/", views.stakeholder_detail, name="stakeholder_detail"),
]
