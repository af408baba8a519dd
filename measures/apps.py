from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Maatregelen en doelen")

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        # The roles use permissions of several apps; those exist once the last app
        # of INSTALLED_APPS has had its post_migrate, so sync after that one.
        last_app = list(apps.get_app_configs())[-1]
        post_migrate.connect(_sync_roles, sender=last_app, dispatch_uid="measures.roles_sync")


def _sync_roles(sender, **kwargs) -> None:
    from .roles import roles_sync

    roles_sync()
