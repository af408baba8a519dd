import datetime

import pytest
from django.core import mail
from django.utils.formats import date_format

from measures.models import Measure
from measures.reminders import stale_measure_reminders_send
from measures.tasks import send_stale_measure_reminders
from programme.models import EditionStatus, ReportEdition

pytestmark = pytest.mark.django_db

# Upcoming editions are those whose peildatum is still ahead.
PEILDATUM = datetime.date.today() + datetime.timedelta(days=60)


@pytest.fixture
def upcoming(programme):
    previous = ReportEdition.objects.get(key="vgr-2025")
    return ReportEdition.objects.create(
        programme=previous.programme, key="vgr-2026", number=5, title="Vijfde voortgangsrapportage",
        year=PEILDATUM.year, reference_date=PEILDATUM, status=EditionStatus.OPEN,
    )


def test_editors_get_their_stale_measures_on_the_reminder_days(upcoming, editor, second_editor, settings):
    settings.PASSEND_REMINDER_DAYS = [14]
    Measure.objects.get(code="5").editors.add(editor)
    Measure.objects.get(code="7").editors.add(editor)
    updated = Measure.objects.get(code="9")
    updated.editors.add(second_editor)
    updated.last_published_at = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)
    updated.save()

    assert stale_measure_reminders_send(today=PEILDATUM - datetime.timedelta(days=13)) == 0
    assert stale_measure_reminders_send(today=PEILDATUM - datetime.timedelta(days=14)) == 1

    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert "Maatregel 5" in message.body and "Maatregel 7" in message.body
    assert "Maatregel 9" not in message.body


def test_the_workspace_lists_the_same_measures(upcoming, client, editor):
    Measure.objects.get(code="5").editors.add(editor)
    client.force_login(editor)
    html = client.get("/beheer/bij-te-werken/").content.decode()
    assert "Maatregel 5" in html
    assert date_format(PEILDATUM, "j F Y") in html


def test_the_task_runs_without_an_upcoming_edition(programme):
    assert send_stale_measure_reminders.apply().get() == 0
