from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from core.content_version import published_content_changed

        from . import services

        # Every publish, fixture load and sync of open data announces itself; the index
        # follows in the same transaction.
        published_content_changed.connect(services.on_content_changed, dispatch_uid="search_index")
        # After migrating (a new database, or a new version of the index's tables).
        post_migrate.connect(services.on_migrated, sender=self, dispatch_uid="search_index_migrate")
