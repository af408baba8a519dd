import io

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture
def programme_loaded(db):
    """The real programme content, loaded from fixtures/ as load_programme does."""
    call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, stdout=io.StringIO())
