"""factory_boy factories for the domain models, shared by all test folders."""
import datetime

import factory

from legislation.models import ExpectedLaw, LawKind, LawMilestone, Phase
from measures.models import FigureUnit, KeyFigure, Measure, MeasureStatus
from motions.models import Commitment, Motion, MotionStatus
from programme.models import Goal, Programme, ReportEdition, SourceDocument, SourceKind, StakeholderGroup


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["slug"]

    slug = "verbeteraanpak-passend-onderwijs"
    name = "Verbeteraanpak passend onderwijs"
    start_year = 2020
    end_year = 2027


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Doel {n + 1}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Maatregel nummer {n + 1}")
    status = MeasureStatus.IN_PROGRESS


class StakeholderGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderGroup

    name = factory.Sequence(lambda n: f"Groep {n}")
    slug = factory.Sequence(lambda n: f"groep-{n}")


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    key = factory.Sequence(lambda n: f"bron-{n}")
    title = factory.Sequence(lambda n: f"Bron {n}")
    kind = SourceKind.LETTER
    date = datetime.date(2024, 5, 1)


class ReportEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportEdition

    programme = factory.SubFactory(ProgrammeFactory)
    key = factory.Sequence(lambda n: f"editie-{n}")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Voortgangsrapportage {n + 1}")
    year = 2025
    reference_date = datetime.date(2025, 2, 1)


class MotionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Motion

    programme = factory.SubFactory(ProgrammeFactory)
    # A dossier number no real kamerstuk has, so that factory motions never meet the
    # real motions of the programme loaded beside them, however long the run.
    kamerstuk = factory.Sequence(lambda n: f"99999-{n + 1}")
    title = factory.Sequence(lambda n: f"Motie {n}")
    status = MotionStatus.IN_PROGRESS


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: f"T{n + 1000:05d}")
    slug = factory.Sequence(lambda n: f"toezegging-{n}")
    title = factory.Sequence(lambda n: f"Toezegging {n}")


class ExpectedLawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpectedLaw

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    slug = factory.Sequence(lambda n: f"wet-{n}")
    kind = LawKind.BILL
    title = factory.Sequence(lambda n: f"Wetsvoorstel {n}")


class LawMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LawMilestone

    law = factory.SubFactory(ExpectedLawFactory)
    phase = Phase.ENTRY_INTO_FORCE
    planned_text = "1 januari 2026"


# --- Added for the open-data API tests (tests/api/) ------------------------------------------


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "programme.Organisation"

    group = factory.SubFactory(StakeholderGroupFactory)
    name = factory.Sequence(lambda n: f"Veldpartij {n}")


class MeasureItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "measures.MeasureItem"

    measure = factory.SubFactory(MeasureFactory)
    kind = "step"
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Stap {n}")


class MeasureStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "measures.MeasureStatusChange"

    measure = factory.SubFactory(MeasureFactory)
    status = MeasureStatus.IN_PROGRESS
    effective_date = datetime.date(2024, 5, 1)
    source = factory.SubFactory(SourceDocumentFactory)


class MotionSubmitterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "motions.MotionSubmitter"

    motion = factory.SubFactory(MotionFactory)
    name = factory.Sequence(lambda n: f"Kamerlid {n}")
    party = "GroenLinks-PvdA"


class MilestonePlanningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "legislation.MilestonePlanning"

    milestone = factory.SubFactory(LawMilestoneFactory)
    planned_text = "augustus 2024"
    source = factory.SubFactory(SourceDocumentFactory)


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    programme = factory.SubFactory(ProgrammeFactory)
    key = factory.Sequence(lambda n: f"cijfer-{n}")
    series = "reeks"
    title = "Leerlingen in een arrangement"
    unit = FigureUnit.PUPILS
    value = 945
    wording = "945 leerlingen"
    period = "april 2024"
    source = factory.SubFactory(SourceDocumentFactory)
    quote = "Het gaat om 945 leerlingen (peildatum april 2024)."
