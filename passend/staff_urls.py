"""The staff workspace (/beheer/): one namespace, the workspace's generic views for every
registered kind and the pages of each app."""
from django.contrib.auth import views as auth_views
from django.urls import include, path

from measures import staff_views as measure_views
from workspace import user_views
from workspace import views as workspace_views

app_name = "staff"

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(template_name="staff/login.html",
                                                  redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(next_page="staff:login"), name="logout"),
    path("", measure_views.home, name="home"),
    path("bij-te-werken/", measure_views.to_update, name="to_update"),
    path("beoordelen/", workspace_views.review_queue, name="review_queue"),
    path("gebruikers/", user_views.user_list, name="user_list"),
    path("gebruikers/nieuw/", user_views.user_create, name="user_create"),
    path("gebruikers/<int:pk>/", user_views.user_edit, name="user_edit"),
    path("rapportages/", include("reports.staff_urls")),
    path("tweede-kamer/", include("motions.staff_urls")),
    path("<slug:kind>/", workspace_views.record_list, name="record_list"),
    path("<slug:kind>/<str:key>/", workspace_views.record_edit, name="record_edit"),
    path("<slug:kind>/<str:key>/status/", workspace_views.record_status, name="record_status"),
    path("<slug:kind>/<str:key>/beoordelen/", workspace_views.record_review, name="record_review"),
    path("<slug:kind>/<str:key>/verwijderen/", workspace_views.record_discard, name="record_discard"),
    path("<slug:kind>/<str:key>/geschiedenis/", workspace_views.record_history, name="record_history"),
]
