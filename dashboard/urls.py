"""The dashboard's pages across every kind: overview, changes and their feeds, about."""
from django.urls import path

from core.page_cache import public_page

from . import feeds, views

app_name = "dashboard"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("zoeken/", views.search, name="search"),
    path("begrippen/", views.glossary, name="glossary"),
    path("wijzigingen/", views.change_list, name="change_list"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("over/", views.about, name="about"),
    path("feeds/wijzigingen/", public_page(feeds.ChangesFeed()), name="feed_changes"),
    path("feeds/doelen/<int:number>/", public_page(feeds.GoalChangesFeed()), name="feed_goal"),
    path("feeds/maatregelen/<str:code>/", public_page(feeds.MeasureChangesFeed()), name="feed_measure"),
]
