"""Shape and filters of every endpoint of the open-data API, on the real programme content."""
import csv
import io
import re

import pytest
from django.db.models import Q
from django.utils import timezone

from legislation.models import ExpectedLaw
from measures.models import Measure, MeasureStatus
from motions.models import Commitment, Motion
from programme.models import EditionStatus, Goal, ReportEdition, StakeholderGroup
from tests.factories import ReportEditionFactory

from .conftest import DETAIL_URLS, LIST_URLS

pytestmark = pytest.mark.usefixtures("programme", "generous_throttle")


def _all(client, url, **params):
    """Every item of a list, following the pages."""
    items, page = [], 1
    while True:
        body = client.get(url, {**params, "pagina": page, "paginaGrootte": 200}).json()
        items += body["resultaten"]
        if body["volgende"] is None:
            return items
        page += 1


def _codes(client, **params):
    return [item["code"] for item in _all(client, "/api/v1/maatregelen", **params)]


def _report_order(measures):
    return [measure.code for measure in measures.order_by("number", "suffix")]


@pytest.mark.parametrize("url", LIST_URLS)
def test_lists_are_paginated_with_dutch_names_and_links(client, url):
    response = client.get(url, {"paginaGrootte": 1})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert set(body) == {"aantal", "pagina", "paginaGrootte", "aantalPaginas", "vorige", "volgende", "resultaten"}
    assert len(body["resultaten"]) == 1
    assert body["aantalPaginas"] == body["aantal"]
    assert 'rel="first"' in response["Link"] and 'rel="last"' in response["Link"]
    if body["aantal"] > 1:
        assert "pagina=2" in body["volgende"] and 'rel="next"' in response["Link"]


@pytest.mark.parametrize("url", DETAIL_URLS)
def test_detail_links_to_itself(client, url):
    body = client.get(url).json()
    assert body["url"] == f"http://testserver{url}"


def test_measure_shape(client):
    listed = client.get("/api/v1/maatregelen").json()["resultaten"]
    assert [item["code"] for item in listed] == _report_order(Measure.objects.all())
    sub = next(item for item in listed if item["code"] == "8a")
    measure = Measure.objects.get(code="8a")
    assert sub["titel"] == measure.title
    assert sub["status"] == measure.status
    assert sub["statusOmschrijving"] == measure.get_status_display()
    assert sub["hoofdmaatregel"] == "8"
    # A sub-measure shares its measure's goals (the dashboard's goal filter does the same).
    assert sub["doelen"] == sorted(goal.number for goal in measure.parent.goals.all())
    assert [group["slug"] for group in sub["betrokkenen"]] == [
        link.group.slug for link in measure.measurestakeholder_set.order_by("position")
    ]
    assert "inleiding" not in sub

    detail = client.get("/api/v1/maatregelen/8").json()
    parent = Measure.objects.get(code="8")
    assert detail["submaatregelen"] == ["8a", "8b", "8c", "8d"]
    assert detail["inleiding"] == parent.introduction
    steps = parent.items.filter(kind="step").order_by("position")
    assert detail["stappen"] == [item.text for item in steps]
    assert detail["links"] == [
        {"titel": item.text, "url": item.url} for item in parent.items.filter(kind="link").order_by("position")
    ]
    history = parent.status_changes.order_by("sort_date", "id")
    assert [entry["status"] for entry in detail["statusgeschiedenis"]] == [record.status for record in history]
    assert set(detail["moties"]) == set(parent.motions.values_list("kamerstuk", flat=True))
    assert set(detail["wetgeving"]) == set(parent.expected_laws.values_list("slug", flat=True))


def test_goal_stakeholder_motion_commitment_law_and_edition_shapes(client):
    goal = client.get("/api/v1/doelen/3").json()
    assert goal["titel"] == Goal.objects.get(number=3).title
    assert set(goal["maatregelen"]) == set(Goal.objects.get(number=3).measures.values_list("code", flat=True))

    group = StakeholderGroup.objects.filter(organisations__isnull=False).first()
    body = client.get(f"/api/v1/betrokkenen/{group.slug}").json()
    assert body["naam"] == group.name
    assert [item["naam"] for item in body["organisaties"]] == list(
        group.organisations.order_by("position").values_list("name", flat=True)
    )

    motion = Motion.objects.get(kamerstuk="31497-373")
    body = client.get("/api/v1/moties/31497-373").json()
    assert body["titel"] == motion.title
    assert body["toelichting"] == motion.explanation
    assert (body["dossier"], body["ondernummer"]) == ("31497", 373)
    for field in ["ingediendOp", "besluitKamer", "kabinetsappreciatie", "officieleTekst", "bijgewerktUitTweedeKamer"]:
        assert field in body

    commitment = Commitment.objects.get(code="T01575")
    body = client.get(f"/api/v1/toezeggingen/{commitment.slug}").json()
    assert (body["code"], body["status"]) == ("T01575", commitment.status)
    assert body["bron"]["sleutel"] == commitment.source.key

    law = ExpectedLaw.objects.order_by("position").first()
    body = client.get(f"/api/v1/wetgeving/{law.slug}").json()
    assert body["inhoud"] == list(law.content_items.order_by("position").values_list("text", flat=True))
    assert [milestone["fase"] for milestone in body["mijlpalen"]] == list(
        law.milestones.order_by("position", "id").values_list("phase", flat=True)
    )
    assert all("eerderePlanning" in milestone for milestone in body["mijlpalen"])

    edition = ReportEdition.objects.get(key="vgr-2025")
    body = client.get("/api/v1/rapportages/vgr-2025").json()
    assert (body["volgnummer"], body["jaar"], body["inleiding"]) == (edition.number, edition.year, edition.introduction)


def test_only_published_editions_are_public(client):
    concept = ReportEditionFactory(programme=ReportEdition.objects.first().programme, status=EditionStatus.OPEN)
    keys = [item["sleutel"] for item in client.get("/api/v1/rapportages").json()["resultaten"]]
    assert concept.key not in keys
    # Newest first, the reconstructed 2024 edition included.
    assert keys == list(
        ReportEdition.objects.filter(status=EditionStatus.ADOPTED).order_by("-number").values_list("key", flat=True)
    )
    assert keys == ["vgr-2025", "vgr-2024"]
    assert client.get(f"/api/v1/rapportages/{concept.key}").status_code == 404


@pytest.mark.parametrize("status", MeasureStatus.values)
def test_measures_filter_on_status(client, status):
    # Every status has at least one measure here, so the comparison is never of empty lists.
    if not Measure.objects.filter(status=status).exists():
        Measure.objects.filter(code="14").update(status=status)
    expected = _report_order(Measure.objects.filter(status=status))
    assert expected and _codes(client, status=status) == expected


def test_measures_filter_on_goal_includes_sub_measures(client):
    goal = Goal.objects.get(number=5)
    expected = Measure.objects.filter(goals=goal) | Measure.objects.filter(parent__goals=goal)
    assert _codes(client, doel=5) == _report_order(expected.distinct())
    assert "8a" in _codes(client, doel=5)


def test_measures_filter_on_stakeholder(client):
    # The group's own name or a label of the boxes that counts under it.
    expected = Measure.objects.filter(
        Q(measurestakeholder__group__slug="ouders") | Q(measurestakeholder__group__counted_in__slug="ouders")
    ).distinct()
    assert _codes(client, betrokkene="ouders") == _report_order(expected)
    assert _codes(client, betrokkene="bestaat-niet") == []


@pytest.mark.parametrize("value, prioritised", [("ja", True), ("true", True), ("nee", False), ("false", False)])
def test_measures_filter_on_prioritised(client, value, prioritised):
    assert _codes(client, geprioriteerd=value) == _report_order(Measure.objects.filter(is_prioritised=prioritised))


def test_measures_full_text_search_and_combined_filters(client):
    found = _codes(client, q="verzuim")
    assert "8a" in found
    assert set(found) < set(_report_order(Measure.objects.all()))
    both = _codes(client, q="verzuim", geprioriteerd="ja")
    assert both == [code for code in found if Measure.objects.get(code=code).is_prioritised]


def test_measures_sorting(client):
    titles = [item["titel"] for item in _all(client, "/api/v1/maatregelen", sorteer="titel")]
    assert titles == sorted(titles)
    assert _codes(client, sorteer="-code")[:3] == ["25", "24", "23"]


def test_sorting_on_several_fields_as_a_list_or_repeated(client):
    by_status = Measure.objects.order_by("status", "-number", "-suffix")
    expected = [measure.code for measure in by_status]
    assert _codes(client, sorteer="status,-code") == expected
    # Repeated, as forms and most HTTP clients send a list: every value counts, in order.
    assert _codes(client, sorteer=["status", "-code"]) == expected
    assert _codes(client, sorteer="status , -code") == expected


def test_the_old_ordering_parameter_still_sorts(client):
    assert _codes(client, ordering="-code") == _codes(client, sorteer="-code")
    assert _codes(client, ordering=["status", "-code"]) == _codes(client, sorteer="status,-code")
    # The new name wins when a client sends both.
    assert _codes(client, sorteer="code", ordering="-code") == _codes(client, sorteer="code")


@pytest.mark.parametrize("code", ["16", "16a", "21"])
def test_motions_and_commitments_filter_on_measure(client, code):
    measure = Measure.objects.get(code=code)
    family = [measure, *measure.sub_measures.all()]
    motions = [item["kamerstuk"] for item in _all(client, "/api/v1/moties", maatregel=code)]
    assert set(motions) == set(Motion.objects.filter(measures__in=family).values_list("kamerstuk", flat=True))
    commitments = [item["slug"] for item in _all(client, "/api/v1/toezeggingen", maatregel=code)]
    assert set(commitments) == set(Commitment.objects.filter(measures__in=family).values_list("slug", flat=True))
    laws = [item["slug"] for item in _all(client, "/api/v1/wetgeving", maatregel=code)]
    assert set(laws) == set(ExpectedLaw.objects.filter(measures__in=family).values_list("slug", flat=True))


def test_motion_and_commitment_status_filters(client):
    motions = _all(client, "/api/v1/moties", status="uitgevoerd")
    assert {item["kamerstuk"] for item in motions} == set(
        Motion.objects.filter(status="uitgevoerd").values_list("kamerstuk", flat=True)
    )
    assert motions and all(item["status"] == "uitgevoerd" for item in motions)
    open_commitments = _all(client, "/api/v1/toezeggingen", status="open")
    assert len(open_commitments) == Commitment.objects.filter(status="open").count()


def test_measure_code_filter_accepts_written_forms(client):
    assert _all(client, "/api/v1/moties", maatregel="M16A") == _all(client, "/api/v1/moties", maatregel="16a")


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.match(r'attachment; filename="[a-z]+\.csv"', response["Content-Disposition"])
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("url", LIST_URLS)
def test_every_list_is_available_as_csv_with_all_rows(client, url):
    rows = _csv(client.get(url, {"format": "csv", "paginaGrootte": 1}))
    assert len(rows) - 1 == client.get(url).json()["aantal"]
    header = rows[0]
    assert all(cell and cell[0].isupper() for cell in header), header
    assert all(len(row) == len(header) for row in rows)


def test_measures_csv_has_dutch_headers_and_follows_filters(client):
    rows = _csv(client.get("/api/v1/maatregelen", {"format": "csv", "doel": 5, "geprioriteerd": "ja"}))
    assert rows[0][:5] == ["Code", "Titel", "Status", "Toelichting op de status", "Geprioriteerd"]
    expected = _codes(client, doel=5, geprioriteerd="ja")
    assert [row[0] for row in rows[1:]] == expected
    first = Measure.objects.get(code=expected[0])
    assert rows[1][2] == first.get_status_display()
    assert rows[1][4] == "ja"


@pytest.mark.parametrize("url", LIST_URLS)
def test_every_list_has_a_csv_download_of_its_own(client, url):
    download = url.replace("/api/v1/", "/api/v1/downloads/") + ".csv"
    rows = _csv(client.get(download))
    assert rows == _csv(client.get(url, {"format": "csv"}))
    assert len(rows) - 1 == client.get(url).json()["aantal"]
    # Asking it for JSON is not a way around the media type.
    assert client.get(download, HTTP_ACCEPT="application/json").status_code == 406


def test_csv_download_follows_the_filters_and_sorting(client):
    rows = _csv(client.get("/api/v1/downloads/maatregelen.csv", {"doel": 5, "sorteer": "-code"}))
    assert [row[0] for row in rows[1:]] == _codes(client, doel=5, sorteer="-code")


def test_csv_dates_and_several_values_are_what_spreadsheets_read(client):
    rows = _csv(client.get("/api/v1/downloads/maatregelen.csv"))
    header, measure_8 = rows[0], next(row for row in rows[1:] if row[0] == "8")
    changed = measure_8[header.index("Laatst gewijzigd")]
    # A timestamp without offset or fraction, in Dutch time: Excel and LibreOffice read it as one.
    expected = timezone.localtime(Measure.objects.get(code="8").updated_at).strftime("%Y-%m-%d %H:%M:%S")
    assert changed == expected
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", changed)
    subs = measure_8[header.index("Submaatregelen")]
    assert subs == "8a | 8b | 8c | 8d"
    motions = _csv(client.get("/api/v1/downloads/moties.csv"))
    submitted = motions[0].index("Ingediend op")
    assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", row[submitted]) for row in motions[1:])


def test_csv_keeps_formula_like_text_as_text(client):
    Measure.objects.filter(code="1").update(status_note="=HYPERLINK(\"https://example.org\")")
    rows = _csv(client.get("/api/v1/maatregelen", {"format": "csv", "q": "1"}))
    note = next(row[3] for row in rows[1:] if row[0] == "1")
    assert note == "'=HYPERLINK(\"https://example.org\")"


def test_programme_document_holds_everything(client):
    response = client.get("/api/v1/programma")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="passend-onderwijs.json"'
    body = response.json()
    assert body["programma"]["naam"] == "Verbeteraanpak passend onderwijs"
    assert body["programma"]["voorganger"]["beginjaar"] == 2014
    assert len(body["doelen"]) == Goal.objects.filter(programme__successors__isnull=True).count()
    assert [item["code"] for item in body["maatregelen"]] == _report_order(Measure.objects.all())
    assert body["maatregelen"][0]["statusgeschiedenis"] is not None
    assert len(body["moties"]) == Motion.objects.count()
    assert len(body["toezeggingen"]) == Commitment.objects.count()
    assert len(body["wetgeving"]) == ExpectedLaw.objects.count()
    assert len(body["betrokkenen"]) == StakeholderGroup.objects.count()
    assert [item["sleutel"] for item in body["rapportages"]] == ["vgr-2025", "vgr-2024"]
    assert body["prioriteiten"]


@pytest.mark.parametrize("url", ["/api/v1", "/api/v1/"])
def test_the_api_root_links_to_everything(client, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.json()
    assert body["versie"] == "1.0.0"
    assert body["licentie"] == {"naam": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
    links = body["links"]
    assert {"documentatie", "openapi", "dataset", "programma"} <= set(links)
    for list_url in LIST_URLS:
        assert links[list_url.rsplit("/", 1)[1]] == f"http://testserver{list_url}"
    for link in links.values():
        assert client.get(link.removeprefix("http://testserver")).status_code == 200


def test_the_dataset_description_lists_every_distribution(client):
    response = client.get("/api/v1/dataset")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    dataset = response.json()
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["@id"] == "http://testserver/api/v1/dataset"
    assert dataset["dct:license"] == {"@id": "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
    assert dataset["dct:publisher"]["foaf:name"] == "Ministerie van Onderwijs, Cultuur en Wetenschap"
    assert dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"].startswith("mailto:")
    distributions = {item["dcat:accessURL"]["@id"]: item for item in dataset["dcat:distribution"]}
    expected = ["/api/v1", "/api/v1/programma", *(
        url.replace("/api/v1/", "/api/v1/downloads/") + ".csv" for url in LIST_URLS)]
    assert set(distributions) == {f"http://testserver{url}" for url in expected}
    for url, item in distributions.items():
        assert item["dct:license"] == dataset["dct:license"]
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
    api = distributions["http://testserver/api/v1"]["dcat:accessService"]
    assert api["dcat:endpointDescription"] == {"@id": "http://testserver/api/v1/openapi.json"}
    csv_download = distributions["http://testserver/api/v1/downloads/maatregelen.csv"]
    assert csv_download["dct:format"] == {"@id": "http://publications.europa.eu/resource/authority/file-type/CSV"}
    assert csv_download["dcat:downloadURL"] == csv_download["dcat:accessURL"]
    # Plain JSON for clients that ask for it.
    assert client.get("/api/v1/dataset", HTTP_ACCEPT="application/json")["Content-Type"] == "application/json"
