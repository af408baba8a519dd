"""The motions' and commitments' pages as the site search sees them."""
from __future__ import annotations

from collections.abc import Iterator

from search import SearchDocument, SearchKind

from .models import Commitment, Motion
from .selectors import CURRENT


def motion_search_documents() -> Iterator[SearchDocument]:
    motions = Motion.objects.filter(CURRENT).prefetch_related("submitters").order_by(
        "dossier", "dossier_suffix", "number")
    for position, motion in enumerate(motions):
        yield SearchDocument(
            key=motion.kamerstuk,
            label=f"Motie {motion.kamerstuk}",
            title=motion.title,
            url=motion.get_absolute_url(),
            texts=[motion.explanation, motion.status_note,
                   *(str(submitter) for submitter in motion.submitters.all())],
            position=position,
        )


def commitment_search_documents() -> Iterator[SearchDocument]:
    for position, commitment in enumerate(Commitment.objects.filter(CURRENT).order_by("position", "code")):
        yield SearchDocument(
            key=commitment.slug,
            label=f"Toezegging {commitment.code}" if commitment.code else "Toezegging",
            title=commitment.title,
            url=f"/toezeggingen/{commitment.slug}/",
            texts=[commitment.description, commitment.due_text],
            position=position,
        )


MOTION_SEARCH = SearchKind(slug="moties", label="Moties", position=20, documents=motion_search_documents)
COMMITMENT_SEARCH = SearchKind(
    slug="toezeggingen", label="Toezeggingen", position=30, documents=commitment_search_documents
)
