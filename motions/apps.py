from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MotionsConfig(AppConfig):
    name = "motions"
    verbose_name = _("Moties en toezeggingen")

    def ready(self) -> None:
        from workspace import site

        from .documents import MOTION_KIND

        site.register(MOTION_KIND)
