from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Maatregelen en doelen")

    def ready(self) -> None:
        import search
        from workspace import site

        from . import checks  # noqa: F401  (registers the system checks)
        from .documents import MEASURE_KIND
        from .search_documents import FIGURE_SEARCH, MEASURE_SEARCH, STAKEHOLDER_SEARCH

        site.register(MEASURE_KIND)
        search.site.register(MEASURE_SEARCH)
        search.site.register(STAKEHOLDER_SEARCH)
        search.site.register(FIGURE_SEARCH)
