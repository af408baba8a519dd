from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Rapportages en bronnen")

    def ready(self) -> None:
        from programme.signals import programme_loaded

        # Register the tasks: services.py sends them by name and never imports tasks.py.
        from . import tasks  # noqa: F401
        programme_loaded.connect(_freeze_from_fixtures, dispatch_uid="reports.editions_freeze_from_fixtures")


def _freeze_from_fixtures(sender, **kwargs) -> None:
    from .editions import editions_freeze_from_fixtures

    editions_freeze_from_fixtures(**kwargs)
