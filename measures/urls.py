"""Public pages of the measures app: the dashboard's overview, goals, measures and feeds."""
from django.urls import path

from . import feeds, views

app_name = "measures"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("doelen/", views.goal_list, name="goal_list"),
    path("doelen/<int:number>/", views.goal_detail, name="goal_detail"),
    path("maatregelen/", views.measure_list, name="measure_list"),
    path("maatregelen/<str:code>/", views.measure_detail, name="measure_detail"),
    path("samenhang/", views.matrix, name="matrix"),
    path("betrokkenen/", views.stakeholder_list, name="stakeholder_list"),
    path("betrokkenen/<slug:slug>/", views.stakeholder_detail, name="stakeholder_detail"),
    path("wijzigingen/", views.change_list, name="change_list"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("over/", views.about, name="about"),
    path("feeds/wijzigingen/", views.public_page(feeds.ChangesFeed()), name="feed_changes"),
    path("feeds/doelen/<int:number>/", views.public_page(feeds.GoalChangesFeed()), name="feed_goal"),
    path("feeds/maatregelen/<str:code>/", views.public_page(feeds.MeasureChangesFeed()), name="feed_measure"),
]
