"""The loaded programme content checked against the sources, read independently.

Every expected value below was taken from the source documents in ../shared/seeds/, not
from fixtures/: the 2025 report (000, "vgr-2025"), the 2023 webinar (001) and the 2024
Kamerbrief (002). Where the extracted text is garbled, the OCR'd source line is quoted so
a reviewer can see how the expected value was read.

The content is loaded once for this module (the ``programme`` fixture) inside a
transaction that is rolled back afterwards: loading takes about two seconds and the
checks below are a few hundred.
"""
import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command

from legislation.models import ExpectedLaw
from measures.models import Measure, MeasureItemKind, MeasureStakeholder, MeasureStatusChange, Priority
from motions.models import Commitment, Motion, MotionStatusChange
from programme.models import Goal, ReportEdition, StakeholderGroup

pytestmark = pytest.mark.usefixtures("programme")


def test_module_data_is_what_programme_loaded_gives():
    # The shared fixture loads the same files with the same command; loading again on top
    # of this module's data must find nothing to do.
    out = io.StringIO()
    call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, stdout=out)
    assert out.getvalue().startswith("Nieuw: 0, bijgewerkt: 0,")


# --- Helpers -----------------------------------------------------------------------------

KIND = {
    "dilemmas": MeasureItemKind.DILEMMA,
    "steps": MeasureItemKind.STEP,
    "next_steps": MeasureItemKind.NEXT_STEP,
    "school_actions": MeasureItemKind.SCHOOL_ACTION,
    "links": MeasureItemKind.LINK,
}


def _measure(code: str) -> Measure:
    return Measure.objects.get(code=code)


def _items(code: str, key: str) -> list[str]:
    return list(
        _measure(code).items.filter(kind=KIND[key]).order_by("position").values_list("text", flat=True)
    )


def _stakeholders(code: str) -> list[str]:
    return list(
        MeasureStakeholder.objects.filter(measure__code=code).order_by("position").values_list("group__name", flat=True)
    )


def _matches(actual: str, expected: str) -> bool:
    """Exact, or a prefix when the expected text ends in "…"."""
    if expected.endswith("…"):
        return actual.startswith(expected[:-1])
    return actual == expected


# --- Counts ------------------------------------------------------------------------------


def test_counts():
    # "De zeven doelen van passend onderwijs"; "25 maatregelen"; sub-measures 8a–8d
    # ("uitgesplitst in 4 submaatregelen") and 16a–16b have their own chapters;
    # "Overzicht Moties" lists 28 numbers; "Verwachte wet- en regelgeving" lists 1–7 and 4a.
    assert Goal.objects.count() == 7
    assert Measure.objects.count() == 31
    assert Measure.objects.filter(parent__isnull=True).count() == 25
    assert sorted(Measure.objects.filter(parent__isnull=False).values_list("code", flat=True)) == [
        "16a", "16b", "8a", "8b", "8c", "8d",
    ]
    assert Motion.objects.count() == 28
    assert list(ExpectedLaw.objects.order_by("position").values_list("number", flat=True)) == [
        "1", "2", "3", "4", "4a", "5", "6", "7",
    ]


def test_sub_measures_belong_to_their_measure():
    for code in ["8a", "8b", "8c", "8d"]:
        assert _measure(code).parent.code == "8"
    for code in ["16a", "16b"]:
        assert _measure(code).parent.code == "16"


# --- Goals and the matrix ----------------------------------------------------------------

GOALS = {
    # "1. De ondersteuningsbehoefte is leidend." … "7. Erisacceptabele administratieve belasting."
    1: "De ondersteuningsbehoefte is leidend.",
    2: "De leerling wordt gehoord.",
    3: "De leraar wordt ondersteund en toegerust.",  # OCR "Deleraar"
    4: "De ouder is gelijkwaardig partner.",
    5: "Er is een dekkend netwerk van voorzieningen.",  # OCR "Eriseen"
    6: "Er is transparantie en verantwoording over de ondersteuningsmiddelen.",
    7: "Er is acceptabele administratieve belasting.",
}

# "Samenhang doelen en maatregelen": the code column and the title column are printed apart
# (and codes garbled: "Ma4", "Meé.", "Mé6", "m7", "Mo.", "Ma2", "Mo9"); each code below is
# the one whose title stands in the same row.
MATRIX = {
    1: ["1", "2", "3", "4", "6", "8", "9", "13", "17", "22", "25"],
    2: ["1", "4", "5", "7", "13"],
    3: ["2", "6", "13", "14", "15", "17", "18", "19", "24", "25"],
    # goal number printed "q."; "Mo." has the title "Betere en snellere besluiten: doorbraakaanpak"
    4: ["2", "3", "6", "7", "9", "10", "11", "12", "13"],
    5: ["1", "2", "3", "7", "8", "9", "10", "13", "14", "16", "19", "20"],
    6: ["13", "14", "15", "19", "20", "21", "22", "23", "24", "25"],
    # goal number printed "s"
    7: ["6", "13", "18", "19", "22", "24", "25"],
}


@pytest.mark.parametrize("number", sorted(GOALS))
def test_goal_title(number):
    assert Goal.objects.get(number=number).title == GOALS[number]


@pytest.mark.parametrize("number", sorted(MATRIX))
def test_matrix_row(number):
    codes = sorted(Goal.objects.get(number=number).measures.values_list("number", flat=True))
    assert codes == sorted(int(code) for code in MATRIX[number])


def test_every_measure_is_in_the_matrix_except_the_sub_measures():
    in_matrix = set(Measure.objects.filter(goals__isnull=False).values_list("code", flat=True))
    assert in_matrix == {str(number) for number in range(1, 26)}


# --- Status table ------------------------------------------------------------------------

# (code, title as in the status table, status, the OCR'd line it is read from)
STATUS_TABLE = [
    ("1", "Leerrecht verankeren", "in_uitvoering", "1. Leerrecht verankeren In uitvoering"),
    ("2", "Een landelijke norm voor basisondersteuning", "in_uitvoering", "… In uitvoering"),
    ("3", "Strakkere zorgplicht", "in_uitvoering", "3. Strakkere zorgplicht In uitvoering"),
    ("4", "Hoorrecht", "afgerond", "a. Hoorrecht V Afgerond"),
    ("5", "Een aanspreekpunt voor elke VO-leerling", "in_opstartfase", "… In opstartfase"),
    ("6", "Betere informatie in de schoolgids over passend onderwijs", "afgerond", "… passen V Afgerond"),
    ("7", "In elk samenwerkingsverband een steunpunt", "afgerond", "… V Afgerond"),
    ("8", "Meer mogelijk maken om verzuim en schooluitval te voorkomen", "in_uitvoering", "In uitvoering"),
    ("8a", "Digitale school en het wetsvoorstel verzuim", "onbekend", "not in the status table"),
    ("8b", "Experiment onderwijszorgarrangementen", "onbekend", "not in the status table"),
    ("8c", "(Hoog)begaafdheid", "onbekend", "not in the status table"),
    ("8d", "Meer ruimte voor thuiszittende jongeren", "onbekend", "not in the status table"),
    ("9", "Betere en snellere besluiten: doorbraakaanpak", "in_uitvoering", "… In uitvoering"),
    ("10", "Heldere stappen wanneer ouders en school (en zorg) er niet uitkomen (escalatieladder)",
     "in_uitvoering", "10. Heldere s'tapp‘en wanneer oudgrs en school (en In uitvoering"),
    ("11", "Uitspraken van de geschillencommissie bindend", "afgerond", "… bindend V Afgerond"),
    ("12", "Geen VT-melding bij puur een geschil over passend onderwijs", "in_uitvoering", "… In witvoering"),
    ("13", "Meer en beter toezicht op passend onderwijs", "afgerond", "… V Afgerond"),
    # No check mark; "I Wisveeting" is "In uitvoering" letter by letter (see fixtures/measures/14.yaml).
    ("14", "Heldere verwachtingen van leraren en schoolleiders in het regulier onderwijs", "in_uitvoering",
     "… ?_n I Wisveeting"),
    ("15", "Meer betrokkenheid en inspraak van leraren; middelen transparanter", "in_opstartfase",
     "15. Mger betrokkenheid en inspraak van leraren; In opstartfase"),
    ("16", "Verbeteren samenwerking Jeugdhulp en school", "in_uitvoering", "… In uitvoering"),
    ("16a", "Zorg in onderwijstijd", "onbekend", "not in the status table"),
    ("16b", "Brugfunctie: de schakel tussen ouders, leerlingen en school", "onbekend", "not in the status table"),
    ("17", "Leraren beter voorbereiden", "in_uitvoering", "17. Leraren beter voorbereiden In uitvoering"),
    ("18", "Minder administratie voor leraren en school", "in_uitvoering", "… In uitvoering"),
    # The check mark ("V") stands only before "Afgerond" in this table.
    ("19", "Heldere eisen aan besturen en samenwerkingsverbanden", "afgerond", "samenwerkingsverbanden V ARG"),
    ("20", "Samenwerkingsverbanden: meer dialoog en beter benutten ondersteuningsplan", "in_opstartfase",
     "; In opstartfase"),
    ("21", "Scheiden van bestuur en toezicht alsmede onafhankelijker toezicht", "in_uitvoering", "In uitvoerin g"),
    ("22", "Onnodige kosten voorkomen", "in_opstartfase", "22. Onnodige kosten voorkomen In opstartfase"),
    ("23", "Aanpakken van onnodige reserves", "in_uitvoering", "23. Aanpakkenvan onnodige reserves In uitvoering"),
    ("24", "Voortzetting Steunpunt Passend Onderwijs", "afgerond", "… V Afgerond"),
    ("25", "Verkennen directe bekostiging van het praktijkonderwijs", "afgerond", "25. Verkefmen dlreste … V Afgerond"),
]


def test_status_table_covers_every_measure():
    assert sorted(code for code, *_ in STATUS_TABLE) == sorted(Measure.objects.values_list("code", flat=True))


@pytest.mark.parametrize(("code", "title", "status", "source_line"), STATUS_TABLE, ids=[row[0] for row in STATUS_TABLE])
def test_measure_title_and_status(code, title, status, source_line):
    measure = _measure(code)
    assert (measure.title, measure.status) == (title, status)
    # How a garbled cell was read is an editorial remark: the internal note, never public text.
    assert measure.status_note == ""


@pytest.mark.parametrize(("code", "reading"), [("14", "I Wisveeting"), ("19", "V ARG")])
def test_how_a_garbled_status_was_read_is_the_measures_internal_note(code, reading):
    assert reading in _measure(code).internal_note


def test_chapter_headings_that_differ_from_the_table():
    # Chapter headings: "Maatregel 8a © Wetsvoorstel verzuim & Digitale school",
    # "Maatregel 10 © Heldere stappen wanneer ouders en school en zorg er niet uitkomen",
    # "Maatregel 16 © Verbeteren samenwerking jeugdhulp en school".
    assert _measure("8a").heading == "Wetsvoorstel verzuim & Digitale school"
    assert _measure("10").heading == "Heldere stappen wanneer ouders en school en zorg er niet uitkomen"
    assert _measure("16").heading == "Verbeteren samenwerking jeugdhulp en school"
    assert _measure("2").heading == "Een landelijke norm voor basisondersteuning"


# --- Chapters and "Stand van zaken overige maatregelen" ------------------------------------

CHAPTERS = [
    "2", "4", "6", "7", "8", "8a", "8b", "8c", "8d", "10", "12", "16", "16a", "16b", "17", "18", "19", "21", "23",
]

# "Stand van zaken overige maatregelen": the rows are printed 1, 3, 5, 9, 11, 14, 13 with
# their texts in the same order, so 14 is the brochure text and 13 "eerder afgerond".
SUMMARIES = {
    "1": "Het leerrecht, waarmee we erkenning geven aan het recht dat ieder kind heeft om te leren, wordt "
    "bereikt wanneer er voor elk kind een passend aanbod is. Daarmee is leerrecht inherent aan de bedoeling "
    "van passend onderwijs. We verankeren dit onder meer door een landelijke norm van basisondersteuning, "
    "de zorgplicht van de scholen en de verantwoordelijkheid voor samenwerkingsverbanden om te zorgen voor "
    "een regionaal dekkend aanbod.",
    # "deze ervaringen knelpunten" as printed
    "3": "De ervaringen en knelpunten rondom zorgplicht zijn geïnventariseerd. Momenteel worden deze ervaringen "
    "knelpunten geanalyseerd en wordt er gekeken of en welke aanvullende acties nodig zijn.",
    "5": "Over deze maatregel worden gesprekken gevoerd met verschillende betrokken partijen. Doel is te "
    "onderzoeken wat naast alle ondersteuning die er al op scholen is (de mentor, de vaste groepsleerkracht, "
    "de intern begeleider, zorgcoördinator, teamleider, orthopedagoog of schoolmaatschappelijk werker) nog "
    "een behulpzame aanvulling kan vormen.",
    "9": "Begin 2025 zijn verkennende sessies georganiseerd met diverse belanghebbenden en partijen, met als doel "
    "te bezien op welke manier doorzettingsmacht het beste geregeld zou kunnen worden.",
    "11": "Deze maatregel is eerder afgerond.",
    "13": "Deze maatregel is eerder afgerond.",
    "14": "De brochure Helderheid rond passend onderwijs, die in het voorjaar van 2022 is gepubliceerd, kan "
    "worden benut om meer duidelijkheid te verkrijgen over het beleid en de afspraken rondom passend "
    "onderwijs. Daarnaast wordt er gewerkt aan de landelijke norm voor basisondersteuning: deze moet leiden "
    "tot meer duidelijkheid voor leraren (zie maatregel 2). Verder wordt gewerkt aan een betere "
    "ondersteuning en toerusting van leraren (zie maatregel 17).",
    "15": "Op dit moment wordt gekeken naar de precieze uitwerking van deze maatregel.",
    "20": "De Inspectie van het Onderwijs controleert elk jaar of de ondersteuningsplannen zijn ingediend en of "
    "deze aan de wettelijke eisen voldoen. Verder wordt op dit moment gekeken naar de precieze uitwerking "
    "van deze maatregel.",
    "22": "Op dit moment wordt gekeken naar de precieze uitwerking van deze maatregel.",
    "24": "Deze maatregel is eerder afgerond.",
    "25": "Deze maatregel is eerder afgerond.",
}


def test_which_measures_have_a_chapter():
    assert sorted(Measure.objects.filter(has_chapter=True).values_list("code", flat=True)) == sorted(CHAPTERS)
    assert sorted(Measure.objects.filter(has_chapter=False).values_list("code", flat=True)) == sorted(SUMMARIES)


@pytest.mark.parametrize("code", sorted(SUMMARIES, key=int))
def test_stand_van_zaken(code):
    measure = _measure(code)
    assert measure.summary == SUMMARIES[code]
    assert measure.introduction == ""
    assert not measure.items.exists()


@pytest.mark.parametrize("code", CHAPTERS)
def test_chapter_measures_have_no_summary_but_an_introduction(code):
    measure = _measure(code)
    assert measure.summary == ""
    assert measure.introduction


# Items per section, counted in the source (bullets "®"/"B", or separate paragraphs where the
# extraction lost the bullets): (dilemmas, steps, next_steps, school_actions, links).
ITEM_COUNTS = {
    "2": (2, 2, 2, 2, 0),
    "4": (3, 7, 4, 4, 0),
    "6": (1, 5, 2, 2, 1),
    "7": (2, 10, 1, 2, 3),
    "8": (0, 0, 0, 0, 0),
    "8a": (3, 8, 6, 2, 1),  # the same URL is printed twice as a footnote; kept once
    "8b": (2, 9, 4, 1, 0),
    "8c": (2, 7, 6, 2, 2),
    "8d": (2, 6, 1, 1, 0),
    "10": (2, 2, 1, 3, 0),
    "12": (3, 1, 1, 2, 0),
    "16": (3, 7, 2, 1, 0),
    "16a": (4, 5, 3, 1, 0),
    "16b": (3, 7, 1, 1, 0),
    "17": (3, 5, 1, 2, 0),
    "18": (3, 6, 2, 2, 0),
    "19": (2, 4, 0, 1, 0),  # the chapter has no "Vervolgstappen"
    "21": (2, 1, 2, 2, 0),
    "23": (1, 5, 2, 1, 0),
}


@pytest.mark.parametrize("code", CHAPTERS)
def test_item_counts(code):
    counts = tuple(len(_items(code, key)) for key in ["dilemmas", "steps", "next_steps", "school_actions", "links"])
    assert counts == ITEM_COUNTS[code]


# (code, section, index, text as untangled from the source; "…" = prefix only)
SPOT_CHECKS = [
    ("2", "dilemmas", 1, "Het is moeilijk om met een landelijke norm recht te doen aan regionale diversiteit."),
    (
        "2",
        "steps",
        0,
        "Een oproep van voormalig minister Wiersma aan de vertegenwoordiging van leraren en ouders om "
        "een voorstel voor een landelijke norm te ontwikkelen voor de eerste drie ondersteuningsgebieden.",
    ),
    (
        "2",
        "steps",
        -1,
        "Het opleveren van een advies door leraren en ouders voor de invulling van een landelijke norm "
        "voor die eerste drie ondersteuningsgebieden, en een advies over het vervolg.",
    ),
    ("2", "next_steps", 0, "De landelijke norm voor basisondersteuning wordt vastgelegd in wet- en regelgeving."),
    # OCR "hEt.aI bestaande.stappenplan"
    (
        "2",
        "school_actions",
        0,
        "Leraren, ondersteunend personeel en schoolleiders kunnen aan de slag met het al "
        "bestaande stappenplan basisondersteuning.",
    ),
    (
        "4",
        "dilemmas",
        0,
        "De manier waarop hoorrecht goed ingevuld kan worden, verschilt per kind. Dit vergt dus "
        "maatwerk, wat tijd kost.",
    ),
    (
        "4",
        "steps",
        0,
        "Het wetsvoorstel versterking positie ouders en leerlingen in passend onderwijs, dat hoorrecht "
        "over het OPP verplicht stelt, is aangenomen door de Tweede Kamer.",
    ),
    (
        "4",
        "steps",
        -1,
        "In samenwerking met het Steunpunt Passend Onderwijs wordt gecommuniceerd over de implementatie van de wet.",
    ),
    (
        "4",
        "next_steps",
        2,
        "In 2025 treedt de Wet versterking positie ouders en leerlingen in passend onderwijs in "
        "werking. Deze wet regelt onder andere dat leerlingen per 1 augustus 2025 hoorrecht krijgen "
        "over het ontwikkelingsperspectief.",
    ),
    ("4", "school_actions", 0, "Scholen kunnen het hoorrecht toepassen."),
    (
        "6",
        "dilemmas",
        0,
        "Het is de bedoeling dat scholen de informatie in de schoolgids in begrijpelijke taal "
        "opschrijven, zonder afbreuk te doen aan de inhoud en waarde van de informatie.",
    ),
    (
        "6",
        "steps",
        0,
        "Het wetsvoorstel versterking positie ouders en leerlingen in passend onderwijs, waarin is "
        "opgenomen dat het SOP in de schoolgids verplicht stelt, is aangenomen door de Tweede Kamer.",
    ),
    ("6", "steps", 3, "Middels een visual is het veld geïnformeerd over de wijzigingen die de wet met zich meebrengt."),
    (
        "6",
        "school_actions",
        -1,
        "Scholen kunnen nu alvast intern het gesprek voeren over de vaststelling van de "
        "schoolgids voor het schooljaar 2025-2026.",
    ),
    (
        "7",
        "dilemmas",
        1,
        "Het goed bereiken van leerlingen in het primair onderwijs zal zich nog verder moeten ontwikkelen.",
    ),
    (
        "7",
        "steps",
        0,
        "Het wetsvoorstel versterking positie ouders en leerlingen in passend onderwijs, dat ouder- en "
        "jeugdsteunpunten verplicht stelt, is aangenomen door de Tweede Kamer.",
    ),
    (
        "7",
        "steps",
        4,
        "In 2025 treedt de Wet versterking positie ouders en leerlingen in passend onderwijs in werking. "
        "Deze wet regelt onder andere dat per 1 januari 2025 elk samenwerkingsverband verplicht is een "
        "ouder- en jeugdsteunpunt te hebben.",
    ),
    (
        "7",
        "steps",
        -1,
        "Sinds 1 januari 2025 houdt de inspectie toezicht op de naleving van de wettelijke eisen t.a.v. "
        "de ouder- en jeugdsteunpunten.",
    ),
    # OCR "[ ] Poorontwikkeling"
    (
        "7",
        "next_steps",
        0,
        "Doorontwikkeling van de ouder- en jeugdsteunpunten met behulp van het Ondersteuningsplein "
        "ouder- en jeugdsteunpunten.",
    ),
    (
        "7",
        "school_actions",
        1,
        "Scholen kunnen de gegevens van de steunpunten opnemen in de schoolgids en/of "
        "informatie over de ouder- en jeugdsteunpunten verspreiden onder ouders en leerlingen.",
    ),
    (
        "8a",
        "dilemmas",
        0,
        "Het is belangrijk dat ondersteunende organisaties toegang tot gegevens krijgen om hun taken "
        "beter uit te voeren, maar hierbij mag de privacy van leerlingen niet in het geding komen.",
    ),
    # The right-hand column ("Digitaal afstandsonderwijs") interleaves with the left one.
    (
        "8a",
        "dilemmas",
        2,
        "Het is belangrijk om de doelgroep die hier gebruik van kan maken af te bakenen. Enerzijds "
        "willen we dat digitaal afstandsonderwijs mogelijk wordt voor ieder kind of jongere voor wie "
        "digitaal afstandsonderwijs noodzakelijk is om diens ontwikkeldoelen te bereiken. Anderzijds "
        "moeten we waarborgen dat de norm blijft dat onderwijs zoveel mogelijk fysiek op school "
        "plaatsvindt, omdat dit uiteindelijk het beste is.",
    ),
    ("8a", "steps", 0, "Aanpassen van maatregelen uit het wetsvoorstel naar aanleiding van consultatie en toetsing."),
    ("8a", "steps", 4, "Indienen wetsvoorstel bij de Tweede Kamer."),
    (
        "8a",
        "steps",
        -1,
        "Verkennen wetsvoorstel om meer maatwerk mogelijk te maken, waaronder digitaal afstandsonderwijs.",
    ),
    ("8a", "next_steps", 0, "Plenaire behandeling van het wetsvoorstel bij de Tweede en Eerste Kamer."),
    (
        "8a",
        "next_steps",
        3,
        "Zestien coalities van scholen en samenwerkingsverbanden leveren in april 2025 een plan "
        "van aanpak op voor een digitale schoolvoorziening en geven hieraan uitvoering.",
    ),
    (
        "8a",
        "school_actions",
        0,
        "Scholen, schoolbesturen en samenwerkingsverbanden kunnen zelf al goed verzuimbeleid "
        "voeren door onderwijs, gemeente en zorg meer met elkaar te verbinden …",
    ),
    (
        "8b",
        "dilemmas",
        1,
        "Onderwijszorgarrangementen maken het mogelijk om onderwijs te bieden op een andere locatie "
        "dan school. Dit kan op gespannen voet staan met de uitwerking van de werkagenda inclusief "
        "onderwijs.",
    ),
    (
        "8b",
        "steps",
        0,
        "Begeleiden van 15 proeftuinen en eindevaluatie Proeftuinen onderwijszorgarrangementen met "
        "daarin ervaren knelpunten in wet- en regelgeving.",
    ),
    ("8b", "steps", -1, "Start ontwikkeling extern toezicht op onderwijszorgarrangementen."),
    ("8b", "next_steps", -1, "Vaststellen extern toezicht op onderwijzorgarrangementen."),  # sic
    (
        "8b",
        "school_actions",
        0,
        "Scholen, schoolbesturen en samenwerkingsverbanden kunnen samen met gemeenten en "
        "zorgaanbieders binnen de bestaande wet- en regelgeving de samenwerking rondom "
        "onderwijs en zorg steviger met elkaar verbinden en de samenwerking opzoeken.",
    ),
    (
        "8c",
        "dilemmas",
        0,
        "Er zijn verschillende opvattingen over wat de definitie van hoogbegaafdheid omvat en om "
        "welke leerlingen dit gaat. De definitie van hoogbegaafdheid moet ondersteunend zijn en niet "
        "leidend.",
    ),
    # Three columns interleaved line by line; OCR "® \Veldsessies".
    (
        "8c",
        "steps",
        0,
        "Veldsessies Oberon over de actuele situatie, mate van kennisdeling, waarin een gedeelde visie "
        "Optimale ontwikkelingskansen, ook voor (hoog)begaafde leerlingen is ontwikkeld en vastgelegd.",
    ),
    (
        "8c",
        "steps",
        -1,
        "De opbrengsten en impact van de 7 van de 10 reeds uitgevoerd maatregelen uit het plan van "
        "aanpak zijn door Oberon in het voorjaar van 2025 kaart gebracht.",
    ),
    (
        "8c",
        "next_steps",
        0,
        "In 2025 zal besloten worden hoe de structurele middelen voor (hoog)begaafde leerlingen "
        "worden ingezet na afloop van de subsidieregeling (begaafde leerlingen po vo 2023-2025) en "
        "hoe de opbrengsten kunnen worden geborgd.",
    ),
    (
        "8c",
        "next_steps",
        -1,
        "Eind 2025 zullen de resultaten van het monitoronderzoek door Oberon naar de opbrengsten "
        "van de subsidieregeling begaafde leerlingen po en vo 2023-2025 bekend worden.",
    ),
    (
        "8c",
        "school_actions",
        1,
        "Ook kunnen ze verder werken aan de samenwerking in de regio (o.a. met zorg) of "
        "bijvoorbeeld door het inrichten van peergroep onderwijs. Daarbij kunnen ze gebruik "
        "maken van de informatie en bijeenkomsten van het KCHB.",
    ),
    (
        "8d",
        "dilemmas",
        1,
        "Hoe we bij WEL in Ontwikkeling iets kunnen betekenen voor jongeren die wel een "
        "schoolinschrijving hebben, maar voor wie tegelijkertijd de mogelijkheden niet passend zijn.",
    ),
    (
        "8d",
        "steps",
        0,
        "Subsidieregeling WEL in Ontwikkeling voor 116 samenwerkingsverbanden ter bevordering van "
        "onderwijs aan niet-ingeschreven kinderen en jongeren.",
    ),
    (
        "8d",
        "steps",
        1,
        "Projectsubsidie voor ondersteunende partijen Gedragswerk, Ingrado en Ondersteuningsteam Zorg "
        "voor Jeugd (OZJ).",
    ),
    (
        "8d",
        "next_steps",
        0,
        "Het onderzoeken van mogelijkheden om de uitgangspunten en geleerde lessen van WEL in "
        "Ontwikkeling in wetgeving op te nemen.",
    ),
    (
        "8d",
        "school_actions",
        0,
        "Samenwerkingsverbanden voeren met hun partners hun plannen binnen de regeling WEL in "
        "Ontwikkeling momenteel uit en worden hierin ondersteund door Gedragswerk, Ingrado en "
        "OZJ. De regeling loopt tot medio 2025. …",
    ),
    (
        "10",
        "dilemmas",
        0,
        "Het is belangrijk dat ouders en school zoveel mogelijk het goede gesprek met elkaar blijven "
        "voeren; ook als ze het met elkaar oneens zijn.",
    ),
    (
        "10",
        "steps",
        0,
        "Tijdens een sessie met alle bovengenoemde partijen is input opgehaald om tot een "
        "overzichtsplaat te komen die vijf situaties beschrijft die te maken hebben met passend "
        "onderwijs. Eén van die situaties is die waarin ouders en school of samenwerkingsverband het "
        "met elkaar oneens zijn over passend onderwijs.",
    ),
    # OCR "Eriseeninteractieve"
    (
        "10",
        "steps",
        -1,
        "Er is een interactieve overzichtsplaat “Wegwijs in passend onderwijs” ontwikkeld, om ouders "
        "toegankelijke informatie te bieden over passend onderwijs.",
    ),
    (
        "10",
        "next_steps",
        0,
        "De overzichtsplaat “Wegwijs in passend onderwijs” wordt naar verwachting in april 2025 "
        "gepubliceerd en gedeeld met alle stakeholders.",
    ),
    (
        "10",
        "school_actions",
        1,
        "Op gelijkwaardige wijze samenwerken met ouders en leerlingen om tot passend onderwijs te komen.",
    ),
    (
        "12",
        "dilemmas",
        2,
        "Het is voor school en ouders niet altijd duidelijk welke stappen zij kunnen nemen bij een "
        "impasse over of het onderwijsaanbod voor een leerling passend is.",
    ),
    (
        "12",
        "steps",
        0,
        "Oudervereniging Balans Digitaal heeft, met financiering van en in samenwerking met OCW, "
        "Landelijk Netwerk Veilig Thuis en Ouders & Onderwijs, een brochure ontwikkeld om ouders en "
        "onderwijsprofessionals te informeren over een VT-melding bij onenigheid over passend "
        "onderwijs.",
    ),
    (
        "12",
        "next_steps",
        0,
        "De brochure wordt afgerond en maakt onderdeel uit van de overzichtsplaat passend "
        "onderwijs, maar is ook als los document beschikbaar. De brochure wordt gepubliceerd in "
        "april 2025.",
    ),
    (
        "12",
        "school_actions",
        0,
        "Scholen, schoolbesturen en samenwerkingsverbanden dienen het juiste gebruik van de "
        "meldcode Huiselijk geweld en Kindermishandeling te bevorderen in het onderwijs.",
    ),
    (
        "16",
        "dilemmas",
        1,
        "Er bestaat discussie over welke taken onder zorg of onder onderwijs vallen (zie ook maatregel 16a).",
    ),
    ("16", "steps", 0, "Het inrichten van een onderwijs-kinderopvang-zorgtafel, …"),
    ("16", "steps", 4, "De inzet van Met Andere Ogen wordt de komende drie jaar (2025, 2026 en 2027) gecontinueerd."),
    (
        "16",
        "steps",
        -1,
        "Met de voortzetting van de subsidie aan de Onderwijsconsulenten, die primair gericht is op "
        "casuïstiek, wordt tevens bijgedragen aan de verbinding tussen onderwijs en zorg.",
    ),
    (
        "16",
        "next_steps",
        0,
        "Implementeren van het advies van de kwartiermaker over de lerende aanpak van "
        "verbindingsroute en concreet aan de slag met oplossen van knelpunten.",
    ),
    (
        "16a",
        "dilemmas",
        0,
        "Onderwijs en zorg vallen onder drie verschillende stelsels, namelijk Jeugdwet, Wet "
        "langdurige zorg en onderwijs, …",
    ),
    # Middle column text ("en collectieve inzet van Zorg in Onderwijstijd. Ook") is interleaved here.
    (
        "16a",
        "steps",
        1,
        "Er is extra geld beschikbaar voor leerlingen met een ernstig meervoudige beperking, vanuit "
        "een verlengde tijdelijke EMB-regeling.",
    ),
    (
        "16a",
        "steps",
        3,
        "Tot september 2025 kunnen zorgkantoren en zorgaanbieders deelnemen aan het NZA-experiment "
        "Wlz-zorg in onderwijstijd.",
    ),
    (
        "16a",
        "next_steps",
        -1,
        "De verbeteraanpak voor Zorg in Onderwijstijd zal in 2025 in afstemming met het veld "
        "concrete invulling krijgen.",
    ),
    (
        "16b",
        "dilemmas",
        0,
        "Met het budget voor de regeling Brugfunctionaris kon 15% van de scholen in elke sector een "
        "subsidie aanvragen. Er zijn veel meer aanvragen ingediend dan we konden toekennen. Er zijn "
        "dus meer scholen die baat hebben bij een brugfunctie.",
    ),
    (
        "16b",
        "steps",
        0,
        "Pilot brugfunctionaris van Gelijke Kansen Alliantie uitgevoerd op 20 po-scholen en "
        "netwerkbijeenkomsten door Gelijke Kansen Alliantie en Jeugdeducatiefonds voor "
        "brugfunctionarissen en schoolleiders.",
    ),
    (
        "16b",
        "steps",
        1,
        "Beschikbaar stellen van € 51,8 miljoen via een driejarige subsidieregeling om initiatieven "
        "uit te breiden en te versterken.",
    ),
    (
        "16b",
        "next_steps",
        0,
        "Duurzame vormgeving van de beschikbare middelen na afloop van de driejarige subsidieregeling.",
    ),
    (
        "17",
        "dilemmas",
        2,
        "De groepsgrootte in combinatie met het aantal leerlingen met een ondersteuningsbehoefte, "
        "kan ook impact hebben op wat een leraar in de klas kan bieden.",
    ),
    (
        "17",
        "steps",
        0,
        "Gesprekken gevoerd met lerarenopleidingen en de beroepsgroep over hoe leraren (in de "
        "opleiding) op passend onderwijs worden voorbereid.",
    ),
    (
        "17",
        "next_steps",
        0,
        "Dit voorjaar ontvangt de Tweede Kamer een brief met betrekking tot de "
        "onderzoeksrapporten om tot passende ondersteuning van leerlingen en studenten in de klas "
        "te komen.",
    ),
    (
        "17",
        "school_actions",
        1,
        "Schoolleiders kunnen op hun school het gesprek aangaan over wat er nodig is qua "
        "ondersteuning om goed passend en inclusief onderwijs te bieden.",
    ),
    (
        "18",
        "dilemmas",
        1,
        "Scholen hebben soms te maken met heel veel verschillende formats en systemen die allemaal net anders zijn.",
    ),
    (
        "18",
        "steps",
        0,
        "Verkenning wat nodig is om het landelijk TLV-format te implementeren in bestaande beveiligde "
        "overdrachtssystemen tussen scholen en samenwerkingsverbanden.",
    ),
    (
        "18",
        "steps",
        -1,
        "Ex-ante evaluatieonderzoek NijkampConsult naar beleidsopties voor fundamentele herziening "
        "TLV-systematiek, met weging van gevolgen van ontkoppeling en verplaatsing van bekostigings- "
        "en poortwachtersfunctie naar verschillende actoren in het stelsel.",
    ),
    (
        "18",
        "next_steps",
        0,
        "In april wordt een brief aan de Tweede Kamer gestuurd, waarin onder andere wordt "
        "ingegaan op bovengenoemde onderzoeken.",
    ),
    ("19", "dilemmas", 1, "Een programma van eisen kan worden ervaren als iets wat van bovenaf wordt opgelegd, …"),
    ("19", "steps", 0, "Het organiseren van twee dialoogdagen (in mei 2022) over de governance van passend onderwijs."),
    ("19", "steps", -1, "Het verspreiden van het herijkte programma van eisen in het onderwijsveld."),
    (
        "19",
        "school_actions",
        0,
        "Schoolbesturen en samenwerkingsverbanden kunnen zelf aan de slag gaan met het "
        "programma van eisen en aan de hand hiervan reflecteren: wat doe je al wel en wat doe "
        "je nog niet? …",
    ),
    (
        "21",
        "steps",
        0,
        "Voorbereiding van een wetsvoorstel om onafhankelijk intern toezicht bij "
        "samenwerkingsverbanden te verplichten.",
    ),
    ("21", "next_steps", 0, "Internetconsultatie van het wetsvoorstel."),
    ("21", "next_steps", 1, "Aanbieding aan de Tweede en Eerste Kamer voor behandeling."),
    (
        "21",
        "school_actions",
        0,
        "Samenwerkingsverbanden kunnen voor het interne toezicht consequent onafhankelijke nieuwe leden kiezen.",
    ),
    (
        "23",
        "dilemmas",
        0,
        "Het is juridisch niet mogelijk om samenwerkingsverbanden op individuele basis te korten, "
        "waardoor het op dit moment alleen mogelijk is om een generieke korting toe te passen.",
    ),
    (
        "23",
        "steps",
        1,
        "Korting van samenwerkingsverbanden van € 31,5 miljoen in 2023, op basis van de jaarverslaggegevens van 2022.",
    ),
    ("23", "steps", -1, "Begin 2025 is, n.a.v. de motie Van Zanten, de oproep gedaan …"),
    ("23", "next_steps", 0, "Er volgt een uitspraak van de rechtbank over het bezwaar van de samenwerkingsverbanden."),
]


@pytest.mark.parametrize(
    ("code", "section", "index", "text"), SPOT_CHECKS, ids=[f"{c}-{s}-{i}" for c, s, i, _ in SPOT_CHECKS]
)
def test_narrative_item(code, section, index, text):
    items = _items(code, section)
    assert _matches(items[index], text), items[index]


# (code, first words of the introduction, last words of it)
INTRODUCTIONS = [
    (
        "2",
        "Vertegenwoordigers van leraren en ouders werken samen met het onderwijsveld",
        "Verder zorgt een norm voor minder verschillen tussen regio’s.",
    ),
    (
        "4",
        "Hoorrecht kan ervoor zorgen dat leerlingen die extra ondersteuning nodig hebben",
        "Het vastleggen van hoorrecht in wetgeving voorkomt vrijblijvendheid en willekeur.",
    ),
    (
        "6",
        "Door het ondersteuningsaanbod verplicht op te laten nemen in de schoolgids",
        "Het schoolondersteuningsprofiel (SOP) vervalt daarmee per 1 augustus 2025.",
    ),
    (
        "7",
        "Ouders en leerlingen hebben behoefte aan duidelijke informatie en steun",
        "draagt zo bij aan beleidsvorming ter verbetering van passend onderwijs in de regio.",
    ),
    ("8", "Het tegengaan van verzuim is essentieel", "Maatregel 8d — Meer ruimte voor thuiszittende jongeren"),
    (
        "8a",
        "De verzuimaanpak levert een bijdrage aan het voorkomen van zorgelijk verzuim",
        "Eventuele knelpunten in de wet willen we wegnemen.",
    ),
    (
        "8b",
        "Het Experiment Onderwijszorgarrangementen geeft deelnemende onderwijszorginitiatieven",
        "Eind dit jaar verwachten we de eerste onderzoeksresultaten.",
    ),
    ("8c", "Er is een passende plek binnen het onderwijs", "De middelen blijven structureel beschikbaar."),
    (
        "8d",
        "Kinderen en jongeren die (dreigen) thuis te zitten",
        "Dit stimuleert de ontwikkeling van thuiszittende jongeren.",
    ),
    (
        "10",
        "Ouders moeten over goede informatie en (onafhankelijke) ondersteuning beschikken",
        "Scholen moeten hier helder over communiceren.",
    ),
    (
        "12",
        "Het is erg belangrijk dat scholen een melding maken bij Veilig Thuis (VT)",
        "Met deze maatregel wordt ingezet op het voorkomen dat deze meldingen bij Veilig Thuis terecht komen.",
    ),
    ("16", "De aanwezigheid van jeugdhulpexpertise op school", "is de verbinding tussen ouders-onderwijs-opvang-zorg."),
    # The intro's last word "schooluitval." is extracted above the chapter text.
    (
        "16a",
        "Met de verbeteraanpak voor Zorg in Onderwijstijd wordt gerealiseerd",
        "het terugdringen van administratieve lasten, verzuim en schooluitval.",
    ),
    (
        "16b",
        "Moeilijke omstandigheden thuis, bijvoorbeeld op het gebied van financiën",
        "en komen leerlingen beter aan leren toe.",
    ),
    ("17", "Leraren spelen een cruciale rol", "(initieel en post-initieel)."),
    (
        "18",
        "Scholen en leraren moeten geen tijd verliezen aan onnodig papier- en regelwerk.",
        "komt meer centraal te staan.",
    ),
    (
        "19",
        "Schoolbesturen en samenwerkingsverbanden hebben beide wettelijke taken",
        "voor alle leerlingen met een ondersteuningsbehoefte.",
    ),
    (
        "21",
        "Samenwerkingsverbanden spelen een belangrijke rol in het stelsel van passend onderwijs.",
        "Hiervoor is een wetstraject gestart.",
    ),
    (
        "23",
        "Het doel is dat samenwerkingsverbanden hun middelen doelmatig besteden",
        "ten goede komt aan extra ondersteuning voor leerlingen.",
    ),
]


@pytest.mark.parametrize(("code", "start", "end"), INTRODUCTIONS, ids=[row[0] for row in INTRODUCTIONS])
def test_introduction(code, start, end):
    introduction = _measure(code).introduction
    assert introduction.startswith(start)
    assert introduction.endswith(end)


def test_measure_8_lists_its_four_sub_measures():
    # "De maatregel om onnodig verzuim en schooluitval te voorkomen is uitgesplitst in 4 submaatregelen:"
    introduction = _measure("8").introduction
    for line in [
        "Maatregel 8a - Digitale school en het wetsvoorstel verzuim",
        "Maatregel 8b - Experiment onderwijszorgarrangementen",
        "Maatregel 8c - Hoogbegaafdheid",
    ]:
        assert line in introduction


def test_links():
    visual = "https://www.steunpuntpassendonderwijs-povo.nl/wp-content/uploads/2024/11/OCW_Wet-versterking-positie-ouders-en-leerlingen_visual.pdf"
    def urls(code):
        return list(
            _measure(code).items.filter(kind=MeasureItemKind.LINK).order_by("position").values_list("url", flat=True)
        )
    assert urls("6") == [visual]
    assert urls("7") == [
        visual,
        "https://www.ondersteuningspleinojs.nl/",
        "https://www.ouderenjeugdsteunpuntenopdekaart.nl/",
    ]
    assert urls("8a") == ["https://open.overheid.nl/documenten/79c4abb0-2ed8-43a3-bc4b-63ca23beee12/file"]
    assert urls("8c") == [
        "https://www.oberon.eu/media/gf0liki1/eindrapport-monitor-hoog-begaafdheid-2019-2024.pdf",
        "https://kenniscentrumhb.nl/sociale-kaart/",
    ]


# --- Betrokkenen boxes -------------------------------------------------------------------

# Boxes that are fully legible in the extraction.
LEGIBLE_BOXES = {
    "4": [
        "Leerlingen",
        "Ouders",
        "Samenwerkingsverbanden",
        "Scholen",
        "Overige partijen",
    ],  # "B [eerlingen", "B OQuders"
    # measure 8's box is printed twice; the second copy is legible
    "8": ["Leerlingen", "Ouders", "Schoolbesturen", "Samenwerkingsverbanden", "Gemeenten", "Overige partijen"],
    "8c": [
        "Leerlingen",
        "Ouders",
        "Scholen en besturen",
        "Samenwerkingsverbanden",
        "Kenniscentrum Hoogbegaafdheid (KCHB)",
        "Experts (hoog)begaafdheid en onderwijs",
        "Overige (zorg)partijen",
    ],
    "10": [
        "Ouders",
        "Leerlingen",
        "Samenwerkingsverbanden",
        "Ouder- en jeugdsteunpunten",
        "Onderwijsconsulenten",
        "Leerplichtambtenaren",
        "Scholen",
        "Onderwijsondersteuners",
        "Overige partijen",
    ],
    "12": ["Ouders", "Schoolbesturen", "Samenwerkingsverbanden", "Landelijk Netwerk Veilig Thuis", "Overige partijen"],
    "16b": [
        "Schoolleiders en brugfunctionarissen",
        "Schoolbesturen",
        "Samenwerkingsverbanden",
        "Gemeenten",
        "Ministeries van VWS en SZW",
        "Gelijke Kansen Alliantie",
        "Jeugdeducatiefonds",
        "Onderzoeksbureaus Oberon en Kohnstamm Instituut",
        "Overige partijen",
    ],
    "19": ["Schoolbesturen", "Samenwerkingsverbanden", "Inspectie van het Onderwijs", "Overige partijen"],
    "21": ["Schoolbesturen", "Samenwerkingsverbanden", "Inspectie van het Onderwijs", "Overige partijen"],
    "23": ["Schoolbesturen", "Samenwerkingsverbanden", "Overige partijen"],
}

# Boxes with garbled lines: the legible entries, in order (garbled ones may sit between).
PARTLY_LEGIBLE_BOXES = {
    "2": [
        "Leerlingen",
        "Leraren",
        "Ondersteunend personeel",
        "Samenwerkingsverbanden",
        "Inspectie van het Onderwijs",
        "Overige partijen",
    ],
    "6": ["Schoolleiders", "Schoolbesturen", "Overige partijen"],
    "7": ["Leerlingen", "Samenwerkingsverbanden", "Overige partijen"],
    "8a": ["Leerlingen", "Schoolbesturen", "Leerplichtambtenaren (gemeenten)", "Overige partijen"],
    "8b": [
        "Leerlingen en jongeren",
        "Samenwerkingsverbanden",
        "Gemeenten",
        "Jeugdhulpaanbieders",
        "Inspectie Gezondheidszorg en Jeugd",
        "Overige partijen",
    ],
    "8d": ["Schoolbesturen", "Leerplichtambtenaren (gemeenten)", "Overige partijen"],
    "16": [
        "Schoolbesturen",
        "Samenwerkingsverbanden",
        "Jeugdorganisaties",
        "Nederlands Jeugdinstituut (NJi)",
        "Overige partijen",
    ],
    "16a": [
        "Schoolbesturen",
        "Samenwerkingsverbanden",
        "Gemeenten",
        "Zorgorganisaties",
        "Zorgkantoren",
        "Overige partijen",
    ],
    "17": ["Lerarenopleidingen", "Overige partijen"],
    "18": ["Schoolbesturen", "Samenwerkingsverbanden", "Sectorraden", "Overige partijen"],
}


def test_every_chapter_has_a_betrokkenen_box():
    assert set(LEGIBLE_BOXES) | set(PARTLY_LEGIBLE_BOXES) == set(CHAPTERS)


@pytest.mark.parametrize("code", sorted(LEGIBLE_BOXES))
def test_legible_betrokkenen_box(code):
    assert _stakeholders(code) == LEGIBLE_BOXES[code]


@pytest.mark.parametrize("code", sorted(PARTLY_LEGIBLE_BOXES))
def test_partly_legible_betrokkenen_box(code):
    actual = _stakeholders(code)
    positions = [actual.index(name) for name in PARTLY_LEGIBLE_BOXES[code]]
    assert positions == sorted(positions)


def test_only_chapters_have_a_betrokkenen_box():
    for code in CHAPTERS:
        assert _stakeholders(code)
    for code in SUMMARIES:
        assert _stakeholders(code) == []


# --- Samenwerking met veldpartijen -------------------------------------------------------

# The table's two columns are extracted apart: 10 group names, then 10 organisation cells.
STAKEHOLDER_TABLE = [
    ("Jongeren/leerlingen", ["LAKS", "JongPIT", "LBVSO"]),
    (
        "Jeugdhulp",
        [
            "Nederlands Jeugdinstituut",
            "Met Andere Ogen",
            "AJN Jeugdartsen Nederland",
            "Stichting Nederlands Centrum Jeugdgezondheid",
        ],
    ),
    ("Professionals - leraren", ["AOb", "CNV"]),
    ("Professionals - schoolleiders", ["AVS"]),
    ("Professionals - intern begeleiders en ondersteuningscoördinatoren", ["LBBO/FVOV", "BIOND"]),
    (
        "Schoolbesturen",
        [
            "PO-Raad",
            "VO-raad",
            "Sectorraad Gespecialiseerd Onderwijs",
            "Sectorraad Praktijkonderwijs",
            "Vivis",
            "Siméa",
        ],
    ),
    ("Samenwerkingsverbanden", ["ONSwv"]),
    ("Ouders", ["Ouders&Onderwijs", "Balans", "Iederin"]),  # OCR "Ouders&O0Onderwijs, Balans, lederin"
    ("Ondersteuners in het veld", ["Onderwijsconsulenten", "Steunpunt Passend Onderwijs", "Gedragswerk", "Ingrado"]),
    ("Overheid", ["VNG", "Inspectie van het Onderwijs", "VWS"]),
]


def test_stakeholder_table():
    groups = StakeholderGroup.objects.filter(table_position__isnull=False).order_by("table_position")
    table = [(group.name, [org.name for org in group.organisations.order_by("position")]) for group in groups]
    assert table == STAKEHOLDER_TABLE


def test_stakeholder_table_footnote_on_aob_and_cnv():
    # "5 De AOb en CNV zijn in 2022 uit de overlegtafel passend onderwijs gestapt en zijn niet
    # betrokken bij alle maatregelen, maar wel bij individuele maatregelen zoals: Een landelijke
    # norm basisondersteuning (maatregel 2) en Leraren beter voorbereiden (maatregel 17)."
    note = StakeholderGroup.objects.get(name="Professionals - leraren").note
    assert note.startswith("De AOb en CNV zijn in 2022 uit de overlegtafel passend onderwijs gestapt")
    assert note.endswith(
        "Een landelijke norm basisondersteuning (maatregel 2) en Leraren beter voorbereiden (maatregel 17)."
    )
    assert StakeholderGroup.objects.exclude(name="Professionals - leraren").filter(note__gt="").count() == 0


# --- Motions -----------------------------------------------------------------------------

# (number as printed without the list's full stop, normalised number, status, linked measures)
# in the report's order.
# Status marks: "V Uitgevoerd", "In uitvoering" (also "In uitvoerin g", "In itvoering"), "In opstartfase".
MOTIONS = [
    ("31293-752", "31293-752", "in_opstartfase", []),
    ("31521-128", "31521-128", "in_uitvoering", []),
    ("31497-267", "31497-267", "uitgevoerd", ["6"]),
    ("31497-305", "31497-305", "uitgevoerd", ["7"]),
    ("31497-354", "31497-354", "in_uitvoering", ["9"]),
    ("31497-373", "31497-373", "in_uitvoering", ["21"]),
    ("31497-376", "31497-376", "uitgevoerd", []),
    ("31497-377", "31497-377", "in_uitvoering", []),
    ("31497-378", "31497-378", "in_uitvoering", ["2"]),
    ("31497-379", "31497-379", "in_uitvoering", ["2"]),
    ("31497-380", "31497-380", "uitgevoerd", ["2"]),
    ("31497-381", "31497-381", "in_uitvoering", ["18"]),
    ("31497-383", "31497-383", "in_uitvoering", ["12"]),
    ("31497-409", "31497-409", "in_uitvoering", ["16a"]),
    ("31497-452", "31497-452", "in_uitvoering", ["9"]),
    ("31497-456", "31497-456", "in_uitvoering", []),
    # "maatregel 16b: Zorg in onderwijstijd" — the name (and the title "financiering ZIO") is 16a.
    ("31497-458", "31497-458", "in_uitvoering", ["16a"]),
    ("31497-460", "31497-460", "in_opstartfase", []),
    ("31497-462", "31497-462", "in_opstartfase", []),
    ("31497-481", "31497-481", "in_opstartfase", []),
    ("31497-487", "31497-487", "in_uitvoering", []),
    ("31497-484", "31497-484", "in_uitvoering", []),
    # status printed "V Ureread": the check mark stands only before "Uitgevoerd"
    ("36200-93", "36200-93", "uitgevoerd", ["16b"]),
    ("36410-021", "36410-21", "in_uitvoering", []),
    ("36443-009", "36443-9", "in_uitvoering", ["7"]),
    ("36443-011", "36443-11", "in_uitvoering", ["7"]),
    ("36443-12", "36443-12", "uitgevoerd", ["7"]),
    ("36600-99", "36600-99", "in_uitvoering", []),
]


def test_motions_in_the_report_order():
    assert list(Motion.objects.order_by("position").values_list("kamerstuk", flat=True)) == [row[1] for row in MOTIONS]


@pytest.mark.parametrize(("written", "number", "status", "measures"), MOTIONS, ids=[row[1] for row in MOTIONS])
def test_motion(written, number, status, measures):
    motion = Motion.objects.get(kamerstuk=number)
    assert motion.number_as_written == written
    assert motion.status == status
    assert sorted(motion.measures.values_list("code", flat=True)) == sorted(measures)
    assert motion.get_absolute_url() == f"/moties/{number}/"


def test_motion_number_normalisation():
    # Leading zeros dropped: "36410-021." → 36410-21, "36443-009." → 36443-9.
    motion = Motion.objects.get(kamerstuk="36410-21")
    assert (motion.dossier, motion.number) == ("36410", 21)
    assert Motion.objects.get(kamerstuk="36443-9").number == 9


def test_motion_titles_and_explanations():
    motion = Motion.objects.get(kamerstuk="31497-373")
    assert motion.title == "Onafhankelijk toezicht swv’en"
    assert motion.explanation == (
        "Deze motie is gekoppeld aan en wordt uitgevoerd binnen maatregel 21: Scheiden van "
        "bestuur en toezicht alsmede onafhankelijker toezicht."
    )
    # OCR "Eris overleg"
    assert Motion.objects.get(kamerstuk="31293-752").explanation == (
        "Er is overleg met een onderzoeksbureau om te verkennen of het mogelijk is om de tlv-systematiek voor het "
        "pro af te schaffen."
    )
    assert Motion.objects.get(kamerstuk="31497-376").explanation == (
        "Motie verzocht zo snel mogelijk te starten met experiment OZA, experiment is gestart op 1 januari 2023."
    )
    # OCR "Financiéle"; "wizen"
    assert Motion.objects.get(kamerstuk="31497-462").title.startswith("Financiële middelen in kaart brengen")
    assert (
        Motion.objects.get(kamerstuk="31497-481").title
        == "Onderwijsinstellingen wijzen op het belang van maatwerkoplossingen"
    )
    # Status as printed ("In uitvoering"), although the explanation says "is uitgevoerd".
    motion = Motion.objects.get(kamerstuk="36600-99")
    assert motion.explanation == "Deze motie is uitgevoerd met een brief aan de samenwerkingsverbanden door ONSwv."
    assert motion.status == "in_uitvoering"


def test_motion_scopes():
    # "… binnen de verbeteraanpak passend onderwijs" / "… binnen het programma Inclusief onderwijs"
    assert set(Motion.objects.filter(scope="programme").values_list("kamerstuk", flat=True)) == {
        "31497-456",
        "31497-484",
    }
    assert set(Motion.objects.filter(scope="inclusive_education").values_list("kamerstuk", flat=True)) == {
        "31497-460",
        "31497-462",
    }
    linked = {row[1] for row in MOTIONS if row[3]}
    assert set(Motion.objects.filter(scope="measure").values_list("kamerstuk", flat=True)) == linked


# The 2024 letter names submitters with a footnote giving the Kamerstuk:
SUBMITTERS = {
    # "conform de motie van de leden Kwint (SP) en Westerveld (GroenLinks-PvdA)" — nr. 456
    "31497-456": [("Kwint", "SP"), ("Westerveld", "GroenLinks-PvdA")],
    # "Het lid De Hoop (GroenLinks-PvdA) heeft in zijn motie" — nr. 458
    "31497-458": [("De Hoop", "GroenLinks-PvdA")],
    # "moties van het lid Van Meenen (D66) (over de contouren van de wetgeving)" — nr. 460
    "31497-460": [("Van Meenen", "D66")],
    # "van de leden Westerveld en De Hoop (GroenLinks-PvdA) (over de financiën)" — nr. 462
    "31497-462": [("Westerveld", "GroenLinks-PvdA"), ("De Hoop", "GroenLinks-PvdA")],
    # "motie van het lid Hagen (D66)" — "Kamerstukken II 2023/24, 36410-VIII, nr. 21"
    "36410-21": [("Hagen", "D66")],
}


@pytest.mark.parametrize("number", sorted(SUBMITTERS))
def test_motion_submitters_from_the_2024_letter(number):
    motion = Motion.objects.get(kamerstuk=number)
    assert [(person.name, person.party) for person in motion.submitters.order_by("position")] == SUBMITTERS[number]
    assert motion.submitters_source.key == "kamerbrief-2024"


def test_van_der_hul_and_westerveld_are_not_tied_to_one_number():
    # "conform de motie van de leden Van der Hul en Westerveld (GroenLinks-PvdA)" with the single
    # footnote "Kamerstukken II 2020/21, 31497, nr. 373 en Kamerstukken II, 2022/23, 31497,
    # nr. 452": one motion, two numbers; the letter does not say which one is theirs.
    for number in ["31497-373", "31497-452"]:
        motion = Motion.objects.get(kamerstuk=number)
        assert not motion.submitters.exists()
        history = motion.status_changes.get(source__key="kamerbrief-2024")
        assert "Van der Hul en Westerveld" in history.explanation


def test_only_motions_named_in_the_letter_have_submitters():
    with_submitters = set(Motion.objects.filter(submitters__isnull=False).values_list("kamerstuk", flat=True))
    assert with_submitters == set(SUBMITTERS)


def test_motion_history():
    # Every motion has its 2025 status as of the peildatum …
    for motion in Motion.objects.all():
        record = motion.status_changes.get(source__key="vgr-2025")
        assert (record.status, record.effective_date) == (motion.status, datetime.date(2025, 2, 1))
    # … and the 2024 letter's statement where it reports the work: nr. 456 "wordt op dit moment onderzocht".
    record = MotionStatusChange.objects.get(motion__kamerstuk="31497-456", source__key="kamerbrief-2024")
    assert record.status == "in_uitvoering"
    assert record.effective_date is None
    assert record.when == "mei 2024"


# --- Verwachte wet- en regelgeving -------------------------------------------------------

LAWS = {
    "1": ("wetsvoorstel", "Wetsvoorstel terugdringen verzuim", ["8"], 6),
    "2": (
        "wetsvoorstel",
        "Wetsvoorstel Versterking positie ouders en leerlingen in passend onderwijs",
        ["4", "6", "7"],
        3,
    ),
    "3": ("wetsvoorstel", "Governance passend onderwijs", ["21"], 1),
    "4": ("wetsvoorstel", "Wetsvoorstel Landelijke norm basisondersteuning", ["2"], 3),
    "4a": ("besluit", "Besluit landelijke norm basisondersteuning", ["2"], 3),  # OCR "da."
    "5": ("wetsvoorstel", "Wetsvoorstel centralisatie ondersteuning bij onderwijs aan zieke leerlingen", [], 2),
    "6": ("wetsvoorstel", "Wetsvoorstel nieuwe bekostigingssystematiek lwoo en pro", ["25"], 3),
    "7": ("wetsvoorstel", "Wetsvoorstel Maatwerk", ["8"], 2),
}

# Current planning (the report's right-hand column): (phase, label, planned as written).
LAW_PLANNING = {
    "1": [("parlementaire_behandeling", "", "Q1/Q2 2025"), ("inwerkingtreding", "", "1 januari 2026")],
    "2": [
        ("inwerkingtreding", "In elk samenwerkingsverband een ouder- en jeugdsteunpunt.", "1 januari 2025"),
        ("inwerkingtreding", "Hoorrecht voor leerlingen", "1 augustus 2025"),
        ("inwerkingtreding", "Informatie over het extra ondersteuningsaanbod in de schoolgids", "1 augustus 2025"),
    ],
    "3": [
        ("internetconsultatie", "", "Q2/Q3 2025"),
        ("parlementaire_behandeling", "", "Q2/Q3 2026"),
        ("inwerkingtreding", "", "nog nader te bepalen"),
    ],
    "4": [
        ("internetconsultatie", "", "Q1 2026"),
        ("parlementaire_behandeling", "", "2026"),
        ("inwerkingtreding", "", "nog nader te bepalen"),
    ],
    "4a": [
        ("internetconsultatie", "", "Q1 2026"),
        ("parlementaire_behandeling", "", "2026"),
        ("inwerkingtreding", "", "nog nader te bepalen"),
    ],
    "5": [("parlementaire_behandeling", "", "Q2 2025"), ("inwerkingtreding", "", "2026")],
    "6": [],
    "7": [],
}


@pytest.mark.parametrize("number", sorted(LAWS))
def test_law(number):
    kind, title, measures, bullets = LAWS[number]
    law = ExpectedLaw.objects.get(number=number)
    assert (law.kind, law.title) == (kind, title)
    assert sorted(law.measures.values_list("code", flat=True)) == sorted(measures)
    assert law.content_items.count() == bullets
    planned = [(m.phase, m.label, m.planned_text) for m in law.milestones.order_by("position") if m.planned_text]
    assert planned == LAW_PLANNING[number]


def test_law_content_bullets():
    def bullets(number):
        return list(
            ExpectedLaw.objects.get(number=number).content_items.order_by("position").values_list("text", flat=True)
        )

    assert bullets("1") == [
        "Het verzuimbeleid van scholen wordt aangescherpt via richtinggevende elementen",
        "De wijze van het registreren van verzuim wordt eenduidig",
        "De mogelijkheid wordt voor scholen geëxpliciteerd voor het geven van een signaal zorgelijk verzuim",
        "Leerplichtambtenaren en samenwerkingsverbanden passend onderwijs worden beter toegerust om verzuim "
        "tegen te gaan",
        "Het onderwijskundig perspectief wordt verplicht betrokken bij de vrijstelling op grond van artikel 5 onder a "
        "van de Leerplichtwet",
        "De vrijstelling wordt variabel in duur",
    ]
    assert bullets("4") == [
        "(Hoog)begaafdheid",
        "Lezen/spellen en dyslexie",
        "Leergedrag (taak-/werkgedrag, executieve functies)",
    ]
    # The measure column ("basisondersteuning") interleaves with the first bullet of 4a.
    assert (
        bullets("4a")[0] == "Invulling van de norm voor (hoog)begaafdheid, lezen/schrijven en dyslexie, en leergedrag"
    )
    assert bullets("6")[-1] == "periodieke herijking lwoo-verdeelsleutel"  # OCR "Iwoo"


def test_law_status_and_planning_notes():
    assert ExpectedLaw.objects.get(number="2").status_text == "De wet is aangenomen en treedt gefaseerd in werking."
    for number in ["6", "7"]:
        law = ExpectedLaw.objects.get(number=number)
        assert law.planning_note == "De planning is nog niet gereed."
        assert not law.milestones.exists()


def test_planning_history_of_the_verzuim_bill():
    # 2023 webinar: "Inwerkingtreding augustus ’24"; 2024 letter: "Die datum verschuift met een
    # jaar, naar 1 augustus 2025"; 2025 report: "Beoogde inwerkingtreding: 1 januari 2026".
    milestone = ExpectedLaw.objects.get(number="1").milestones.get(phase="inwerkingtreding")
    assert milestone.planned_text == "1 januari 2026"
    assert (milestone.planned_start, milestone.planned_end) == (datetime.date(2026, 1, 1), datetime.date(2026, 1, 1))
    assert milestone.planned_source.key == "vgr-2025"
    history = [(p.planned_text, p.source.key) for p in milestone.planning_history.order_by("position")]
    assert history == [("augustus ’24", "webinar-2023"), ("1 augustus 2025", "kamerbrief-2024")]
    letter = milestone.planning_history.get(source__key="kamerbrief-2024")
    assert letter.planned_start == datetime.date(2025, 8, 1)


def test_planning_history_of_the_verzuim_bill_webinar_timeline():
    # "Tijdspad Wetsvoorstel Terugdringen Verzuim" (webinar): Eerste Kamer "april – juni ’24".
    law = ExpectedLaw.objects.get(number="1")
    senate = law.milestones.get(phase="behandeling_eerste_kamer")
    assert [(p.planned_text, p.source.key) for p in senate.planning_history.all()] == [
        ("april – juni ’24", "webinar-2023")
    ]


def test_planning_history_of_the_hoorrecht_law():
    # Webinar: "verwachte inwerkingtreding 01-08-2024"; letter: "op 1 augustus 2025 de onderdelen
    # hoorrecht …"; report: "1 augustus 2025: Hoorrecht voor leerlingen".
    milestone = ExpectedLaw.objects.get(number="2").milestones.get(label="Hoorrecht voor leerlingen")
    assert [(p.planned_text, p.source.key) for p in milestone.planning_history.order_by("position")] == [
        ("01-08-2024", "webinar-2023"),
        ("1 augustus 2025", "kamerbrief-2024"),
    ]
    # Letter: "Het wetsvoorstel is op 23 april door uw Kamer aangenomen." (2024)
    house = ExpectedLaw.objects.get(number="2").milestones.get(phase="behandeling_tweede_kamer", label="")
    assert house.actual_date == datetime.date(2024, 4, 23)
    assert house.actual_source.key == "kamerbrief-2024"


# --- Priorities, themes and the prioritised flag -----------------------------------------

# 2024 letter, "Zeven prioriteiten" and "Drie aanvullende thema’s" (themes 2023, priorities 2022).
PRIORITIES = [
    ("prioriteit", 1, "Versterking van de positie en het ondersteunen van ouders en leerlingen", ["4", "6", "7"]),
    ("prioriteit", 2, "Mogelijk maken onderwijszorgarrangementen", ["8b"]),
    ("prioriteit", 3, "Aanpak verzuim en digitaal afstandsonderwijs", ["8a"]),
    ("prioriteit", 4, "Landelijke norm voor basisondersteuning", ["2"]),
    ("prioriteit", 5, "Beter aanbod voor (hoog)begaafde leerlingen", ["8c"]),
    ("prioriteit", 6, "Inclusief onderwijs", []),
    ("prioriteit", 7, "Onafhankelijk intern toezicht van samenwerkingsverbanden", ["21"]),
    ("thema", 1, "Toerusting en ondersteuning van leraren", ["17"]),
    # footnote 23: "Het programma van eisen volgt uit maatregel 19"
    ("thema", 2, "Rollen en verantwoordelijkheden schoolbesturen en samenwerkingsverbanden", ["19"]),
    ("thema", 3, "Gebruik ontwikkelingsperspectief (OPP)", ["18"]),
]


def test_priorities_and_themes():
    actual = [
        (p.kind, p.number, p.title, sorted(p.measures.values_list("code", flat=True)))
        for p in Priority.objects.order_by("kind", "number")
    ]
    assert actual == [(kind, number, title, sorted(codes)) for kind, number, title, codes in PRIORITIES]
    assert set(Priority.objects.filter(kind="prioriteit").values_list("year", flat=True)) == {2022}
    assert set(Priority.objects.filter(kind="thema").values_list("year", flat=True)) == {2023}
    assert set(Priority.objects.values_list("source__key", flat=True)) == {"kamerbrief-2024"}


def test_prioritised_flag_follows_the_priorities_and_themes():
    linked = {code for *_, codes in PRIORITIES for code in codes}
    assert set(Measure.objects.filter(is_prioritised=True).values_list("code", flat=True)) == linked
    # Every prioritised measure has its own chapter in the 2025 report.
    assert not Measure.objects.filter(is_prioritised=True, has_chapter=False).exists()


# --- History of measure statuses ---------------------------------------------------------

# 2024 letter: "drie maatregelen afgerond … (maatregel 13) … (maatregel 24) … (maatregel 25)";
# "Dit jaar ronden we ook … af: … (maatregel 10) en … (maatregel 12)"; "geven we geen uitvoering
# aan de maatregel … (maatregel 11)"; the programma van eisen (maatregel 19) "wordt voor de
# zomer verspreid".
LETTER_STATUSES = {
    "10": "in_uitvoering",
    "11": "niet_uitgevoerd",
    "12": "in_uitvoering",
    "13": "afgerond",
    "19": "in_uitvoering",
    "24": "afgerond",
    "25": "afgerond",
}


def test_measure_statuses_from_the_2024_letter():
    records = MeasureStatusChange.objects.filter(source__key="kamerbrief-2024")
    assert {record.measure.code: record.status for record in records} == LETTER_STATUSES
    for record in records:
        # The letter carries no date; the moment shown is the month it was sent.
        assert record.effective_date is None
        assert record.when == "mei 2024"
        assert record.explanation


def test_every_measure_has_its_2025_status_as_history():
    for measure in Measure.objects.all():
        record = measure.status_changes.get(source__key="vgr-2025")
        assert record.status == measure.status
        assert record.effective_date == datetime.date(2025, 2, 1)
        assert record.edition.key == "vgr-2025"


def test_measure_11_history_reads_in_order():
    # Not carried out (letter, May 2024), then "Afgerond" in the 2025 table.
    history = list(_measure("11").status_changes.order_by("sort_date").values_list("status", flat=True))
    assert history == ["niet_uitgevoerd", "afgerond"]


def test_commitment_t01575():
    # Letter: "Hiermee geven we invulling aan de toezegging aan het voormalig Eerste Kamerlid
    # Smaling (SP)." footnote 11: "T01575."
    commitment = Commitment.objects.get(code="T01575")
    assert "Smaling (SP)" in commitment.title
    assert list(commitment.measures.values_list("code", flat=True)) == ["11"]


# --- The report edition ------------------------------------------------------------------


def test_report_edition():
    edition = ReportEdition.objects.get(key="vgr-2025")
    # Running title "VIERDE VOORTGANGSRAPPORTAGE VERBETERAANPAK PASSEND ONDERWI1JS PO/VO";
    # footnote 6: "tot en met peildatum 1 februari 2025".
    assert edition.title == "Vierde voortgangsrapportage verbeteraanpak passend onderwijs po/vo"
    assert (edition.number, edition.year, edition.reference_date) == (4, 2025, datetime.date(2025, 2, 1))
    assert edition.status == "vastgesteld"
    # OCR "Ditis in 2020 geévalueerd"; footnote markers "gepresenteerd.'" and "betrokken?." removed.
    assert edition.introduction.startswith(
        "Elk kind en iedere jongere heeft recht op onderwijs dat bij diegene past, of het nu gaat om leerlingen die "
        "iets extra’s nodig hebben of niet. Om dit te bereiken is in 2014 passend onderwijs ingevoerd. Dit is in "
        "2020 geëvalueerd"
    )
    assert "Daarom is in november 2020 de verbeteraanpak passend onderwijs gepresenteerd. Deze" in edition.introduction
    assert "zijn inmiddels meer partijen betrokken." in edition.introduction
    assert "En in het regeerprogramma staat" in edition.introduction  # "regeer-" / "programma"
    assert edition.introduction.endswith(
        "Met acties in het kader van de verbeteraanpak versterken we ook de basis voor inclusief onderwijs."
    )
    assert edition.introduction_links == [
        {
            "title": "Kamerbrief Evaluatie en Verbeteraanpak Passend Onderwijs | Kamerstuk | Rijksoverheid.nl",
            "url": "https://www.rijksoverheid.nl/documenten/kamerstukken/2020/11/04/kamerbrief-evaluatie-en-verbeteraanpak-passend-onderwijs",
            # Footnote 1 follows "… gepresenteerd."
            "after": "gepresenteerd.",
        }
    ]
    assert [link.get("after") for link in edition.goals_links] == [
        "sinds de verbeteraanpak van 2020 onveranderd.", "die in 2020 in de verbeteraanpak",
    ]
    assert edition.reading_guide.startswith("In deze voortgangsrapportage wordt eerst ingegaan op de doelstellingen")
    assert edition.reading_guide.endswith(
        "een overzicht met de verwachte wet- en regelgeving en een overzicht van de moties."
    )
    assert edition.goals_text.startswith(
        "De zeven doelen van passend onderwijs zijn sinds de verbeteraanpak van 2020 "
        "onveranderd. Om deze doelstellingen te bereiken zijn verbeteringen "
        "noodzakelijk, die in 2020 in de verbeteraanpak zijn genoemd."
    )


def test_report_edition_monitor_and_cooperation_texts():
    edition = ReportEdition.objects.get(key="vgr-2025")
    assert edition.monitor_text.startswith(
        "Om de voortgang op de zeven doelstellingen in kaart te brengen wordt tot en met 2026 een "
        "doelstellingenmonitor uitgevoerd door SEO economisch onderzoek en Oberon."
    )
    assert "De nulmeting van juni 2022 is het ijkpunt" in edition.monitor_text
    assert "besloten een nieuwe meting uit te voeren in het najaar van 2025" in edition.monitor_text
    assert edition.monitor_text.endswith(
        "Hier komt bij dat het veld niet onnodig belast moet worden als het vermoedelijk niet veel oplevert."
    )
    # The table's first group name "Jongeren/leerlingen" is extracted inside this text; it is not part of it.
    assert edition.cooperation_text.startswith(
        "Voor de uitvoering van de verbeteraanpak passend onderwijs wordt samengewerkt met partijen uit het "
        "onderwijsveld en andere betrokken partijen, zoals gemeenten en zorginstellingen."
    )
    assert "‘Denk mee met OCW’-sessies" in edition.cooperation_text
    assert "Jongeren/leerlingen" not in edition.cooperation_text
    assert edition.cooperation_text.endswith(
        "In de tabel zijn de partijen opgenomen waarmee het meest intensief wordt samengewerkt."
    )
    assert edition.measures_intro.startswith(
        "In dit hoofdstuk is de voortgang van de 25 maatregelen van de "
        "verbeteraanpak beschreven. Het hoofdstuk begint met de geprioriteerde "
        "maatregelen"
    )
    assert edition.measures_intro_footnote == (
        "De rapportage toont de voortgang op deze maatregelen tot en met peildatum 1 februari 2025."
    )
    assert edition.laws_intro.startswith("Hieronder staat een overzicht van de verwachte wet- en regelgeving")


# --- No extraction debris ----------------------------------------------------------------

DEBRIS = [
    # words glued by the OCR, as they occur in the extraction
    "Eris ",
    "Hetis ",
    "Erzijn",
    "Ditis",
    "Deinspectie",
    "Scholenin",
    "Eendeel",
    "Ervolgt",
    "Hetorganiseren",
    # lost diaereses
    "geinform",
    "geinventa",
    "geévalu",
    "continuiteit",
    "casuist",
    "ideeén",
    "financién",
    # bullet marks and garbled characters
    "®",
    "©",
    "¢",
    "ﬁ",
    "ﬂ",
    "|",
    "  ",
]


def _all_texts():
    """(where, text, is_list_item) for every transcribed text."""
    for measure in Measure.objects.all():
        yield f"maatregel {measure.code} inleiding", measure.introduction, False
        yield f"maatregel {measure.code} stand van zaken", measure.summary, False
        for item in measure.items.all():
            yield f"maatregel {measure.code} {item.kind} {item.position}", item.text, True
    for motion in Motion.objects.all():
        yield f"motie {motion.kamerstuk} titel", motion.title, True
        yield f"motie {motion.kamerstuk} toelichting", motion.explanation, True
    for law in ExpectedLaw.objects.all():
        for item in law.content_items.all():
            yield f"wet {law.number} punt {item.position}", item.text, True
    edition = ReportEdition.objects.get(key="vgr-2025")
    for name in ["introduction", "reading_guide", "goals_text", "monitor_text", "cooperation_text", "measures_intro"]:
        yield f"editie {name}", getattr(edition, name), False


def test_no_extraction_debris_in_the_texts():
    found = [(where, mark) for where, text, _ in _all_texts() for mark in DEBRIS if mark in text]
    assert found == []


def test_list_items_are_single_clean_lines():
    for where, text, is_list_item in _all_texts():
        assert text == text.strip(), where
        if is_list_item:
            assert text, where
            assert "\n" not in text, where
            assert not text.startswith(("B ", "- ", "• ", "® ")), where
