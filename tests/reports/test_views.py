"""Public and staff pages: who may start, follow, download and publish."""
import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.shortcuts import resolve_url
from django.urls import reverse

from programme.models import EditionStatus
from reports.editions import edition_adopt, edition_freeze
from reports.models import GenerationStatus, ReportGeneration
from tests.factories import MeasureFactory, ReportEditionFactory

PDF = b"%PDF-1.7 proef"


@pytest.fixture
def draft(db):
    edition = ReportEditionFactory(title="Concept voortgangsrapportage", key="concept-2026", year=2026)
    MeasureFactory(programme=edition.programme, code="1", title="Een maatregel om te tonen")
    return edition


@pytest.fixture
def published(db):
    edition = ReportEditionFactory(
        title="Gepubliceerde voortgangsrapportage", key="openbaar-2025", status=EditionStatus.ADOPTED
    )
    edition_freeze(edition=edition)
    return edition


def _finished(edition, **extra) -> ReportGeneration:
    generation = ReportGeneration(
        edition=edition, status=GenerationStatus.DONE, reference_date=edition.reference_date, snapshot={},
        snapshot_sha256="0" * 64, size=len(PDF), page_count=1, sha256="1" * 64, **extra,
    )
    generation.file.save(f"{edition.key}.pdf", ContentFile(PDF), save=False)
    generation.save()
    return generation


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL))


# --- Starting a generation -------------------------------------------------------------


def test_starting_needs_login(client, draft):
    response = client.post(reverse("staff:report_generation_start", args=[draft.key]))
    assert _is_login_redirect(response)
    assert not ReportGeneration.objects.exists()


@pytest.mark.parametrize("user", ["reader", "editor"])
def test_starting_needs_the_render_permission(client, draft, user, request):
    client.force_login(request.getfixturevalue(user))
    assert client.post(reverse("staff:report_generation_start", args=[draft.key])).status_code == 403
    assert not ReportGeneration.objects.exists()


def test_a_final_editor_starts_and_follows_a_generation(client, draft, final_editor,
                                                       django_capture_on_commit_callbacks):
    client.force_login(final_editor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("staff:report_generation_start", args=[draft.key]))
    generation = ReportGeneration.objects.get()
    assert response.url == reverse("staff:report_generation", args=[generation.pk])
    page = client.get(response.url).content.decode()
    assert "Status: <strong data-generation-status>In wachtrij</strong>" in page
    assert "Status vernieuwen" in page, "works without JavaScript"
    # Only scripts from files, never inline (the Content-Security-Policy forbids those).
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))
    assert "reports/generation-status.js" in page

    status = client.get(reverse("staff:report_generation_status", args=[generation.pk])).json()
    assert status == {
        "status": "in_wachtrij", "status_label": "In wachtrij", "is_active": True, "error_message": "",
        "page_count": None, "size": None, "finished_at": None, "download_url": None,
    }

    # A second click while it runs shows the running one instead of starting another.
    again = client.post(reverse("staff:report_generation_start", args=[draft.key]), follow=True)
    assert ReportGeneration.objects.count() == 1
    assert "Er loopt al een generatie van deze editie" in again.content.decode()


def test_status_endpoint_needs_the_render_permission(client, draft, reader):
    generation = _finished(draft)
    url = reverse("staff:report_generation_status", args=[generation.pk])
    assert _is_login_redirect(client.get(url))
    client.force_login(reader)
    assert client.get(url).status_code == 403


def test_staff_pages_list_editions_and_generations(client, draft, final_editor):
    generation = _finished(draft)
    client.force_login(final_editor)
    listing = client.get(reverse("staff:report_home")).content.decode()
    assert "Concept voortgangsrapportage" in listing
    detail = client.get(reverse("staff:report_edition", args=[draft.key])).content.decode()
    assert reverse("staff:report_generation_download", args=[generation.pk]) in detail


# --- Downloading -------------------------------------------------------------------------


def test_a_draft_pdf_is_for_staff_with_the_render_permission_only(client, draft, reader, final_editor):
    _finished(draft)
    url = reverse("reports:edition_pdf", args=[draft.key])
    assert client.get(url).status_code == 404
    client.force_login(reader)
    assert client.get(url).status_code == 404
    client.force_login(final_editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_staff_download_of_a_generation_needs_the_render_permission(client, draft, reader, final_editor):
    generation = _finished(draft)
    url = reverse("staff:report_generation_download", args=[generation.pk])
    assert _is_login_redirect(client.get(url))
    client.force_login(reader)
    assert client.get(url).status_code == 403
    client.force_login(final_editor)
    assert client.get(url).status_code == 200


def test_a_published_pdf_is_public(client, published):
    _finished(published, is_frozen=True)
    response = client.get(reverse("reports:edition_pdf", args=[published.key]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_an_edition_without_a_pdf_yet_gives_404(client, published):
    assert client.get(reverse("reports:edition_pdf", args=[published.key])).status_code == 404


# --- Public pages --------------------------------------------------------------------------


def test_public_list_shows_published_editions_only(client, draft, published):
    _finished(published, is_frozen=True)
    page = client.get(reverse("reports:edition_list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Gepubliceerde voortgangsrapportage" in html
    assert reverse("reports:edition_pdf", args=[published.key]) in html
    assert "Concept voortgangsrapportage" not in html


def test_web_version_of_a_published_edition_is_public_and_drafts_are_not(client, draft, published, reader):
    page = client.get(reverse("reports:edition_detail", args=[published.key]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Gepubliceerde voortgangsrapportage" in html and "Samenhang doelen en maatregelen" in html
    draft_url = reverse("reports:edition_detail", args=[draft.key])
    assert client.get(draft_url).status_code == 404
    client.force_login(reader)
    assert client.get(draft_url).status_code == 404


def test_web_version_of_an_adopted_edition_shows_its_frozen_state(client, final_editor):
    edition = ReportEditionFactory(title="Gepubliceerde voortgangsrapportage", key="openbaar-2025")
    MeasureFactory(programme=edition.programme, code="1", title="Titel bij publicatie")
    published = edition_adopt(edition=edition, user=final_editor)
    published.programme.measures.update(title="Titel van later")
    html = client.get(reverse("reports:edition_detail", args=[published.key])).content.decode()
    assert "Titel bij publicatie" in html and "Titel van later" not in html
