from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "workspace"
    verbose_name = _("Werkomgeving")

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_migrate

        # The roles use permissions of several apps; those exist once the last app
        # with models has had its post_migrate (apps without models get none).
        last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(_sync_roles, sender=last_app, dispatch_uid="workspace.roles_sync")


def _sync_roles(sender, **kwargs) -> None:
    from .roles import roles_sync

    roles_sync()
