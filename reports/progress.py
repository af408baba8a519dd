"""Progress from one report to the next: what changed between two states of the programme.

Both sides are report states (an adopted edition's ``frozen_state``, or the snapshot of
the edition in preparation), so the comparison shows exactly what the two reports said:
statuses that moved, narrative lists with items added or no longer named (a next step
announced before and gone now), texts that were rewritten (as a word diff), planning of
laws that moved, motions added or with a new status, and what became of each next step
the earlier report announced.

A reconstructed edition (known only from its sources) leaves much unknown: what it does
not know is never reported as a change, only counted as "not compared".

The result is plain data (dataclasses that ``asdict`` turns into JSON), so a snapshot can
carry its own comparison and the report's annex never changes after the fact.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field

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
class TextChange:
    """A rewritten text as a word diff: segments of (kind, text), kind "same", "added" or
    "removed", so a page or the PDF can mark insertions and deletions."""

    label: str
    segments: list[tuple[str, str]]


@dataclass
class MeasureProgress:
    code: str
    title: str
    status_before: str | None
    status_now: str
    status_changed: bool
    is_new: bool = False
    status_explanation: str = ""
    texts: list[TextChange] = field(default_factory=list)
    lists: list[ListChange] = field(default_factory=list)


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
    status_now: str


@dataclass
class EditionProgress:
    edition: dict
    previous: dict
    measures: list[MeasureProgress]
    planning: list[PlanningProgress]
    motions: list[MotionProgress]
    # What became of each next step the earlier report announced (reports/next_steps.py).
    steps: list[dict] = field(default_factory=list)
    # Items the earlier state says nothing about (a reconstructed edition): not compared.
    measures_not_compared: int = 0
    motions_not_compared: int = 0
    is_empty: bool = False

    def as_dict(self) -> dict:
        return asdict(self)


def _words(text: str) -> list[str]:
    return re.findall(r"\S+\s*", text or "")


def text_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Word-level diff of two texts, as (kind, text) segments."""
    old, new = _words(before), _words(after)
    segments: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(old[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(new[j1:j2])))
    return segments


def narrative_changes(before: dict, now: dict) -> tuple[list[TextChange], list[ListChange]]:
    """Rewritten texts and list items added or no longer named, between two versions of a
    measure (report states or workspace documents: they share these keys). A side that
    does not know a field (None, or a document without it) is not compared."""
    texts = [
        TextChange(label, text_diff(before[key], now[key]))
        for key, label in TEXTS.items()
        if before.get(key) is not None and now.get(key) is not None and before[key] != now[key]
    ]
    lists = []
    for key, label in LISTS.items():
        old, new = before.get(key), now.get(key)
        if old is None or new is None:
            continue
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        if added or removed:
            lists.append(ListChange(label, added, removed))
    return texts, lists


def _measure_progress(before: dict | None, now: dict) -> MeasureProgress | None:
    known_before = before is not None and before["status"] is not None
    progress = MeasureProgress(
        code=now["code"], title=now["title"], is_new=before is None,
        status_before=before["status_label"] if known_before else None, status_now=now["status_label"],
        status_changed=before is None or (known_before and before["status"] != now["status"]),
    )
    if progress.status_changed and now["history"]:
        progress.status_explanation = now["history"][-1]["explanation"]
    progress.texts, progress.lists = narrative_changes(before or {key: [] for key in LISTS}, now)
    if progress.status_changed or progress.texts or progress.lists:
        return progress
    return None


def _milestones(state: dict) -> dict[tuple, tuple[str, str, str | None]]:
    return {
        (law["number"], milestone["phase"], milestone["label"]):
            (law["title"], milestone["label"] or milestone["phase_label"], milestone["planned_text"])
        for law in state["laws"] for milestone in law["milestones"]
    }


def edition_progress_between(previous: dict, current: dict) -> EditionProgress:
    """Compare two report states (the earlier one first)."""
    reconstructed = previous.get("reconstructed", False)
    old_measures = {measure["code"]: measure for measure in previous["measures"]}
    measures = [
        progress for measure in current["measures"]
        if (progress := _measure_progress(old_measures.get(measure["code"]), measure)) is not None
    ]
    old_plans = _milestones(previous)
    planning = [
        PlanningProgress(law=title, milestone=milestone, before=old_plans[key][2], now=planned)
        for key, (title, milestone, planned) in _milestones(current).items()
        if key in old_plans and old_plans[key][2] is not None and planned and old_plans[key][2] != planned
    ]
    old_motions = {motion["kamerstuk"]: motion for motion in previous["motions"]}
    motions = []
    motions_not_compared = 0
    for motion in current["motions"]:
        old = old_motions.get(motion["kamerstuk"])
        if (old is None and reconstructed) or (old is not None and old["status"] is None):
            # The sources of that edition do not say whether it was there, or what its status was.
            motions_not_compared += 1
        elif old is None or old["status"] != motion["status"]:
            motions.append(MotionProgress(motion["kamerstuk"], motion["title"],
                                          old["status_label"] if old else None, motion["status_label"]))
    steps = current.get("next_step_outcomes") or []
    return EditionProgress(
        edition=current["edition"], previous=previous["edition"], measures=measures, planning=planning,
        motions=motions, steps=steps,
        measures_not_compared=sum(
            1 for measure in current["measures"]
            if measure["code"] in old_measures and old_measures[measure["code"]]["status"] is None
        ),
        motions_not_compared=motions_not_compared,
        is_empty=not (measures or planning or motions or steps),
    )


def edition_progress(*, edition: ReportEdition) -> EditionProgress | None:
    """What changed in an adopted ``edition`` since the adopted edition before it; None when
    there is no earlier adopted edition with a frozen state to compare with."""
    if not edition.is_adopted or edition.frozen_state is None:
        return None
    previous = report_edition_previous(edition=edition)
    if previous is None or previous.frozen_state is None:
        return None
    return edition_progress_between(previous.frozen_state, edition.frozen_state)
