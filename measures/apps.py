from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Maatregelen en doelen")

    def ready(self) -> None:
        from workspace import site

        from . import checks  # noqa: F401  (registers the system checks)
        from .documents import MEASURE_KIND

        site.register(MEASURE_KIND)
