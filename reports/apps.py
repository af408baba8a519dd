from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Rapportages en bronnen")

    def ready(self) -> None:
        # Register the tasks: services.py sends them by name and never imports tasks.py.
        from . import tasks  # noqa: F401
