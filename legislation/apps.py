from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = _("Wet- en regelgeving")

    def ready(self) -> None:
        from workspace import site

        from .documents import LAW_KIND

        site.register(LAW_KIND)
