from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MotionsConfig(AppConfig):
    name = "motions"
    verbose_name = _("Moties en toezeggingen")

    def ready(self) -> None:
        import search
        from workspace import site

        # Register the tasks: services.py sends them by name and never imports tasks.py.
        from . import tasks  # noqa: F401
        from .documents import MOTION_KIND
        from .search_documents import COMMITMENT_SEARCH, MOTION_SEARCH

        site.register(MOTION_KIND)
        search.site.register(MOTION_SEARCH)
        search.site.register(COMMITMENT_SEARCH)
