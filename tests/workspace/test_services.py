"""The draft → review → publish workflow, shared by the workspace and the API."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.content_version import content_version
from legislation.models import ExpectedLaw
from measures.models import Measure, MeasureStatusChange
from motions.models import Motion, MotionStatusChange
from tests.helpers import current_token
from workspace import site
from workspace.audit import record_versions
from workspace.models import ChangeAction, ChangeRecord, Draft, DraftState
from workspace.services import (
    EditConflict,
    draft_discard,
    draft_for,
    draft_publish,
    draft_save,
    draft_submit,
    record_restore,
    status_quick_update,
)

pytestmark = pytest.mark.django_db

YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()


def _document(record, **changes):
    return dict(site.for_record(record).document(record), **changes)


@pytest.fixture
def measure5(programme):
    """Measure 5, just started: the state these tests need, whatever the content says today."""
    Measure.objects.filter(code="5").update(status="in_opstartfase")
    return Measure.objects.get(code="5")


def test_a_saved_draft_does_not_change_the_published_measure(measure5, editor):
    published_intro = measure5.introduction
    draft_save(record=measure5, user=editor, document=_document(measure5, introduction="Nieuwe aanpak."),
               expected_token=current_token(measure5))

    measure5.refresh_from_db()
    assert measure5.introduction == published_intro
    assert draft_for(record=measure5).document["introduction"] == "Nieuwe aanpak."


def test_publishing_applies_the_draft_with_history_audit_and_cache_bump(
    measure5, editor, final_editor, django_capture_on_commit_callbacks
):
    steps = measure5.items.filter(kind="step").count()
    document = _document(
        measure5,
        status="in_uitvoering",
        steps=_document(measure5)["steps"] + ["Gesprekken met scholen gevoerd."],
        status_change={"date": YESTERDAY, "explanation": "De verkenning is gestart.",
                       "source_title": "Kamerbrief", "source_url": "https://www.rijksoverheid.nl/brief"},
    )
    draft_save(record=measure5, user=editor, document=document, expected_token=current_token(measure5))
    draft_submit(record=measure5, user=editor, expected_token=current_token(measure5))
    assert draft_for(record=measure5).state == DraftState.IN_REVIEW
    version_before = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))

    measure5.refresh_from_db()
    assert measure5.status == "in_uitvoering"
    assert measure5.version == 2
    assert measure5.items.filter(kind="step").count() == steps + 1
    assert draft_for(record=measure5) is None
    change = MeasureStatusChange.objects.filter(measure=measure5).latest("sort_date", "id")
    assert (change.status, change.effective_date.isoformat(), change.source_url) == (
        "in_uitvoering", YESTERDAY, "https://www.rijksoverheid.nl/brief")
    published = ChangeRecord.objects.get(object_id=measure5.pk, action=ChangeAction.PUBLISHED)
    assert published.user == final_editor
    assert published.before["status"] == "in_opstartfase" and published.after["status"] == "in_uitvoering"
    assert content_version() != version_before


def test_a_status_change_needs_a_date_and_an_explanation(measure5, editor):
    with pytest.raises(ValidationError) as raised:
        draft_save(record=measure5, user=editor, document=_document(measure5, status="afgerond"),
                   expected_token=current_token(measure5))
    assert set(raised.value.message_dict) >= {"status_change.date", "status_change.explanation"}
    assert draft_for(record=measure5) is None


def test_a_status_change_date_in_the_future_is_refused(measure5, editor):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as raised:
        draft_save(record=measure5, user=editor, expected_token=current_token(measure5), document=_document(
            measure5, status="afgerond", status_change={"date": tomorrow, "explanation": "Klaar."}))
    assert "toekomst" in raised.value.message_dict["status_change.date"][0]


def test_the_second_of_two_concurrent_saves_is_refused_and_the_first_is_kept(measure5, editor, second_editor):
    token_both_loaded = current_token(measure5)
    draft_save(record=measure5, user=editor, document=_document(measure5, introduction="Tekst van de eerste."),
               expected_token=token_both_loaded)

    with pytest.raises(EditConflict) as raised:
        draft_save(record=measure5, user=second_editor, expected_token=token_both_loaded,
                   document=_document(measure5, introduction="Tekst van de tweede."))

    assert raised.value.current_document["introduction"] == "Tekst van de eerste."
    assert "redacteur" in raised.value.changed_by
    assert draft_for(record=measure5).document["introduction"] == "Tekst van de eerste."


def test_a_save_based_on_an_older_published_version_is_refused(measure5, editor, final_editor):
    stale = current_token(measure5)
    draft_save(record=measure5, user=editor, document=_document(measure5, summary="Nieuw."), expected_token=stale)
    draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))
    with pytest.raises(EditConflict):
        draft_save(record=measure5, user=editor, document=_document(measure5, summary="Oud."), expected_token=stale)


def test_redacteur_cannot_publish_and_reader_cannot_edit(measure5, editor, reader):
    draft_save(record=measure5, user=editor, document=_document(measure5, summary="X."),
               expected_token=current_token(measure5))
    with pytest.raises(PermissionDenied):
        draft_publish(record=measure5, user=editor, expected_token=current_token(measure5))
    with pytest.raises(PermissionDenied):
        draft_save(record=measure5, user=reader, document=_document(measure5), expected_token=current_token(measure5))


def test_with_assignment_only_a_redacteur_edits_just_their_measures(measure5, editor, final_editor, settings):
    settings.PASSEND_EDITORS_MAY_EDIT_ALL = False
    with pytest.raises(PermissionDenied):
        draft_save(record=measure5, user=editor, document=_document(measure5), expected_token=current_token(measure5))
    measure5.editors.add(editor)
    draft_save(record=measure5, user=editor, document=_document(measure5, summary="Mag nu."),
               expected_token=current_token(measure5))
    draft_save(record=measure5, user=final_editor, document=_document(measure5, summary="Eindredactie."),
               expected_token=current_token(measure5))


def test_unknown_stakeholders_and_bad_links_are_explained_per_field(measure5, editor):
    with pytest.raises(ValidationError) as raised:
        draft_save(record=measure5, user=editor, expected_token=current_token(measure5), document=_document(
            measure5, stakeholders=["Ouders", "Niemand"], links=[{"title": "x", "url": "javascript:alert(1)"}]))
    assert "Niemand" in raised.value.message_dict["stakeholders"][0]
    assert "links.1" in raised.value.message_dict


def test_oversized_text_is_refused_with_a_clear_message(measure5, editor):
    with pytest.raises(ValidationError) as raised:
        draft_save(record=measure5, user=editor, expected_token=current_token(measure5),
                   document=_document(measure5, introduction="x" * 20_000))
    assert "Maximaal" in raised.value.message_dict["introduction"][0]


def test_an_earlier_published_version_can_be_restored_through_a_draft(measure5, editor, final_editor):
    original_summary = measure5.summary
    draft_save(record=measure5, user=editor, document=_document(measure5, summary="Tweede versie."),
               expected_token=current_token(measure5))
    draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))
    assert [version.number for version in record_versions(record=measure5)] == [1, 2]

    draft = record_restore(record=measure5, version=1, user=editor)

    assert draft.document["summary"] == original_summary
    assert ChangeRecord.objects.filter(object_id=measure5.pk, action=ChangeAction.RESTORED).exists()


def test_discarding_a_draft_keeps_the_published_record(measure5, editor):
    draft_save(record=measure5, user=editor, document=_document(measure5, summary="Weg."),
               expected_token=current_token(measure5))
    draft_discard(record=measure5, user=editor, expected_token=current_token(measure5))
    assert not Draft.objects.exists()
    measure5.refresh_from_db()
    assert measure5.summary != "Weg."


def test_quick_status_update_goes_into_the_draft(measure5, editor):
    status_quick_update(record=measure5, user=editor, status="afgerond", date=YESTERDAY,
                        explanation="Afgerond volgens plan.", expected_token=current_token(measure5))
    draft = draft_for(record=measure5)
    assert draft.document["status"] == "afgerond"
    assert draft.document["status_change"]["explanation"] == "Afgerond volgens plan."
    measure5.refresh_from_db()
    assert measure5.status == "in_opstartfase"


def test_publishing_a_motion_status_records_its_history(programme, editor, final_editor):
    motion = Motion.objects.get(kamerstuk="31497-460")
    draft_save(record=motion, user=editor, expected_token=current_token(motion), document=_document(
        motion, status="in_uitvoering", status_change={"date": YESTERDAY, "explanation": "Contouren in bespreking."}))
    draft_publish(record=motion, user=final_editor, expected_token=current_token(motion))
    motion.refresh_from_db()
    assert motion.status == "in_uitvoering"
    assert MotionStatusChange.objects.filter(motion=motion, status="in_uitvoering", effective_date=YESTERDAY).exists()


def test_a_moved_law_planning_keeps_the_old_planning_as_history(programme, editor, final_editor):
    law = ExpectedLaw.objects.get(number="1")
    entry = law.milestones.get(phase="inwerkingtreding")
    assert entry.planned_text == "1 januari 2026"
    document = _document(law)
    for item in document["milestones"]:
        if item["id"] == entry.pk:
            item.update(planned_text="1 augustus 2026", planned_start="", planned_end="")
    draft_save(record=law, user=editor, document=document, expected_token=current_token(law))
    draft_publish(record=law, user=final_editor, expected_token=current_token(law))

    entry.refresh_from_db()
    assert entry.planned_text == "1 augustus 2026"
    assert entry.planned_start == datetime.date(2026, 8, 1)
    sources = [plan.source.key for plan in entry.planning_history.all()]
    # The plans of 2023 and 2024 stay; the 2025 report's plan joins them.
    assert sources == ["webinar-2023", "kamerbrief-2024", "vgr-2025"]
    assert entry.planning_history.last().planned_text == "1 januari 2026"


def test_submitting_without_a_draft_is_a_conflict_with_a_clear_message(measure5, editor):
    with pytest.raises(EditConflict) as raised:
        draft_submit(record=measure5, user=editor, expected_token=current_token(measure5))
    assert raised.value.message == "Er is geen concept om aan te bieden."
    assert not ChangeRecord.objects.filter(action=ChangeAction.SUBMITTED).exists()


def test_discarding_without_a_draft_changes_nothing(measure5, editor):
    assert draft_discard(record=measure5, user=editor, expected_token=current_token(measure5)) is False
    assert not ChangeRecord.objects.exists() and not Draft.objects.exists()


def test_publishing_without_a_draft_is_a_conflict(measure5, final_editor):
    with pytest.raises(EditConflict) as raised:
        draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))
    assert raised.value.message == "Dit concept is al gepubliceerd of verwijderd."
    measure5.refresh_from_db()
    assert measure5.version == 1


def test_restoring_a_version_that_was_never_published_is_refused(measure5, editor):
    with pytest.raises(ValueError, match="never published"):
        record_restore(record=measure5, version=7, user=editor)
    assert not Draft.objects.exists()


def test_restoring_across_a_status_change_records_why(measure5, editor, final_editor):
    before = measure5.status
    draft_save(record=measure5, user=editor, expected_token=current_token(measure5), document=_document(
        measure5, status="afgerond", status_change={"date": YESTERDAY, "explanation": "Klaar."}))
    draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))
    draft = record_restore(record=measure5, version=1, user=editor)
    assert draft.document["status"] == before
    assert draft.document["status_change"]["explanation"] == "Teruggezet naar versie 1."


def test_publishing_validates_the_draft_again(measure5, editor, final_editor):
    """A draft that was valid when saved, but no longer is when published (a stakeholder
    group it names was removed meanwhile), is refused with the field's message."""
    from programme.models import StakeholderGroup

    group = StakeholderGroup.objects.create(name="Tijdelijke groep", slug="tijdelijk")
    draft_save(record=measure5, user=editor, expected_token=current_token(measure5),
               document=_document(measure5, stakeholders=["Tijdelijke groep"]))
    group.delete()
    with pytest.raises(ValidationError) as raised:
        draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))
    assert "Onbekende groep" in raised.value.message_dict["stakeholders"][0]
    assert draft_for(record=measure5) is not None


def test_a_law_milestone_that_ends_before_it_starts_is_refused(programme, editor):
    law = ExpectedLaw.objects.get(number="1")
    entry = law.milestones.get(phase="inwerkingtreding")
    document = _document(law)
    for item in document["milestones"]:
        if item["id"] == entry.pk:
            item.update(planned_text="eind 2026", planned_start="2026-12-01", planned_end="2026-06-01")
    with pytest.raises(ValidationError) as raised:
        draft_save(record=law, user=editor, document=document, expected_token=current_token(law))
    assert any("einddatum ligt voor de begindatum" in message
               for messages in raised.value.message_dict.values() for message in messages)
    assert not Draft.objects.exists()


def test_publishing_only_the_internal_note_changes_nothing_readers_see(
    measure5, editor, final_editor, django_capture_on_commit_callbacks
):
    published_at = measure5.last_published_at
    version_before = content_version()
    draft_save(record=measure5, user=editor, expected_token=current_token(measure5),
               document=_document(measure5, internal_note="Nagekeken met de gedrukte rapportage."))
    with django_capture_on_commit_callbacks(execute=True):
        draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))

    measure5.refresh_from_db()
    assert measure5.internal_note == "Nagekeken met de gedrukte rapportage."
    assert measure5.last_published_at == published_at
    assert content_version() == version_before

    draft_save(record=measure5, user=editor, expected_token=current_token(measure5),
               document=_document(measure5, summary="Nieuwe stand."))
    with django_capture_on_commit_callbacks(execute=True):
        draft_publish(record=measure5, user=final_editor, expected_token=current_token(measure5))
    measure5.refresh_from_db()
    assert measure5.last_published_at != published_at
    assert content_version() != version_before
