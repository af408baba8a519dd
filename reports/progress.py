"""Progress from one report to the next: what changed between two adopted editions.

Both sides are frozen states (``ReportEdition.frozen_state``), so the comparison shows
exactly what the two reports to parliament said: statuses that moved, narrative lists
with items added or dropped (a next step announced before and gone now), texts that were
rewritten, planning of laws that moved, motions added or settled.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from programme.models import ReportEdition

from .selectors import report_edition_previous

# Narrative lists of a measure, with the label readers know them by.
LISTS = {
    "steps": "Stappen tot nu toe",
    "next_steps": "Vervolgstappen",
    "dilemmas": "Dilemma’s",
    "school_actions": "Wat kunnen scholen en samenwerkingsverbanden al doen?",
}
TEXTS = {"introduction": "Inleiding en aanpak", "summary": "Stand van zaken", "status_note": "Toelichting op de status"}


@dataclass
class ListChange:
    label: str
    added: list[str]
    removed: list[str]


@dataclass
class MeasureProgress:
    code: str
    title: str
    status_before: str | None
    status_now: str
    status_explanation: str = ""
    rewritten: list[str] = field(default_factory=list)
    lists: list[ListChange] = field(default_factory=list)

    @property
    def status_changed(self) -> bool:
        return self.status_before != self.status_now


@dataclass
class PlanningProgress:
    law: str
    milestone: str
    before: str
    now: str


@dataclass
class MotionProgress:
    kamerstuk: str
    title: str
    status_before: str | None
    status_now: str | None


@dataclass
class EditionProgress:
    edition: dict
    previous: dict
    measures: list[MeasureProgress]
    planning: list[PlanningProgress]
    motions: list[MotionProgress]

    @property
    def is_empty(self) -> bool:
        return not (self.measures or self.planning or self.motions)


def _measure_progress(before: dict | None, now: dict) -> MeasureProgress | None:
    progress = MeasureProgress(
        code=now["code"], title=now["title"], status_before=before["status_label"] if before else None,
        status_now=now["status_label"],
    )
    if before is not None and before["status"] != now["status"] and now["history"]:
        progress.status_explanation = now["history"][-1]["explanation"]
    for key, label in TEXTS.items():
        if before is not None and before[key] != now[key]:
            progress.rewritten.append(label)
    for key, label in LISTS.items():
        old = before[key] if before else []
        added = [item for item in now[key] if item not in old]
        removed = [item for item in old if item not in now[key]]
        if added or removed:
            progress.lists.append(ListChange(label, added, removed))
    if progress.status_changed or progress.rewritten or progress.lists:
        return progress
    return None


def _milestones(state: dict) -> dict[tuple, tuple[str, str]]:
    return {
        (law["number"], milestone["phase"], milestone["label"]): (law["title"], milestone["planned_text"])
        for law in state["laws"] for milestone in law["milestones"]
    }


def edition_progress_between(previous: dict, current: dict) -> EditionProgress:
    """Compare two frozen states (the earlier one first)."""
    old_measures = {measure["code"]: measure for measure in previous["measures"]}
    measures = [
        progress for measure in current["measures"]
        if (progress := _measure_progress(old_measures.get(measure["code"]), measure)) is not None
    ]
    old_plans = _milestones(previous)
    planning = [
        PlanningProgress(law=title, milestone=key[2] or key[1], before=old_plans[key][1], now=planned)
        for key, (title, planned) in _milestones(current).items()
        if key in old_plans and old_plans[key][1] != planned
    ]
    old_motions = {motion["kamerstuk"]: motion for motion in previous["motions"]}
    new_motions = {motion["kamerstuk"]: motion for motion in current["motions"]}
    motions = [
        MotionProgress(kamerstuk, motion["title"],
                       old_motions[kamerstuk]["status_label"] if kamerstuk in old_motions else None,
                       motion["status_label"])
        for kamerstuk, motion in new_motions.items()
        if kamerstuk not in old_motions or old_motions[kamerstuk]["status"] != motion["status"]
    ]
    return EditionProgress(current["edition"], previous["edition"], measures, planning, motions)


def edition_progress(*, edition: ReportEdition) -> EditionProgress | None:
    """What changed in ``edition`` since the adopted edition before it; None when there is
    no earlier adopted edition, or it has no frozen state to compare with."""
    if not edition.is_adopted:
        return None
    previous = report_edition_previous(edition=edition)
    if previous is None or previous.frozen_state is None:
        return None
    return edition_progress_between(previous.frozen_state, edition.frozen_state)
