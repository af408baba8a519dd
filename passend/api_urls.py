"""The open-data API (/api/v1/)."""
urlpatterns: list = []
