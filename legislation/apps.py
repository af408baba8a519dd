from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = _("Wet- en regelgeving")

    def ready(self) -> None:
        import search
        from workspace import site

        from .documents import LAW_KIND
        from .search_documents import LAW_SEARCH

        site.register(LAW_KIND)
        search.site.register(LAW_SEARCH)
