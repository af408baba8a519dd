"""The annex "Wijzigingen ten opzichte van de vorige voortgangsrapportage".

Computed from the domain history in a snapshot: for every measure, motion and planned
milestone, the most recent earlier record (a previous edition, or an earlier source such
as a Kamerbrief when the data holds no previous edition) is compared with what this
edition reports. Every row names the source it compares against, so the annex never
claims more than the data shows.
"""
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import date_format

CARRIED_OUT = "uitgevoerd"


@dataclass
class StatusChange:
    code: str
    title: str
    before: str
    before_source: str
    now: str


@dataclass
class PlanningChange:
    law: str
    milestone: str
    earlier: list[str]
    before: str
    before_source: str
    now: str
    direction: str


@dataclass
class ReportChanges:
    previous_edition: dict | None
    sources: list[str]
    measure_changes: list[StatusChange] = field(default_factory=list)
    measures_unchanged: int = 0
    measures_without_basis: int = 0
    motion_changes: list[StatusChange] = field(default_factory=list)
    motions_carried_out: list[StatusChange] = field(default_factory=list)
    motions_carried_out_without_basis: int = 0
    motions_unchanged: int = 0
    motions_without_basis: int = 0
    planning_changes: list[PlanningChange] = field(default_factory=list)
    plannings_unchanged: int = 0


def source_label(source: dict | None) -> str:
    if source is None:
        return "bron niet vastgelegd"
    when = source["date_text"] or source["date"] or ""
    return f"{source['title']} ({when})" if when and when not in source["title"] else source["title"]


def _sort_key(source: dict) -> str:
    return source["date"] or source["reference_date"] or source["date_text"][-4:]


class _Basis:
    """Picks the earlier record to compare with and remembers which sources were used.

    Records of this edition itself (or of its source document) are never a basis. When a
    previous edition exists, its own records are preferred; otherwise, and for items it
    said nothing about, the most recent earlier record is used.
    """

    def __init__(self, edition: dict, previous: dict | None):
        self.own = self._markers(edition)
        self.previous = self._markers(previous) if previous else set()
        self.reference_date = edition["reference_date"]
        self.used: dict[str, dict] = {}

    @staticmethod
    def _markers(edition: dict) -> set[str]:
        markers = {f"edition:{edition['key']}"}
        if edition["source"]:
            markers.add(f"source:{edition['source']['key']}")
        return markers

    @staticmethod
    def _record_markers(record: dict) -> set[str]:
        markers = set()
        if record["edition_key"]:
            markers.add(f"edition:{record['edition_key']}")
        if record["source"]:
            markers.add(f"source:{record['source']['key']}")
        return markers

    def _pick(self, candidates: list[dict]) -> dict | None:
        candidates = [record for record in candidates if not self._record_markers(record) & self.own]
        from_previous = [record for record in candidates if self._record_markers(record) & self.previous]
        chosen = (from_previous or candidates or [None])[-1]
        if chosen is not None and chosen["source"] is not None:
            self.used[chosen["source"]["key"]] = chosen["source"]
        return chosen

    def status(self, history: list[dict]) -> dict | None:
        return self._pick([record for record in history if (record["sort_date"] or "") < self.reference_date])

    def planning(self, history: list[dict]) -> tuple[dict | None, list[dict]]:
        chosen = self._pick(history)
        if chosen is None:
            return None, []
        return chosen, history[: history.index(chosen)]


def _normalised(text: str) -> str:
    return " ".join(text.lower().replace("‘", "’").replace("'", "’").split())


def _direction(before: dict, milestone: dict) -> str:
    if before["planned_start"] and milestone["planned_start"]:
        if milestone["planned_start"] > before["planned_start"]:
            return "later"
        if milestone["planned_start"] < before["planned_start"]:
            return "eerder"
    return "gewijzigd"


def _planning_origin(planning: dict) -> str:
    if planning["source"] is None and planning["superseded_on"]:
        day = datetime.date.fromisoformat(planning["superseded_on"])
        return f"vervangen op {date_format(day, 'j F Y')}"
    return source_label(planning["source"])


def _milestone_name(milestone: dict) -> str:
    name = milestone["phase_label"]
    return f"{name} ({milestone['label']})" if milestone["label"] else name


def report_changes(snapshot: dict[str, Any]) -> ReportChanges:
    basis = _Basis(snapshot["edition"], snapshot["previous_edition"])
    changes = ReportChanges(previous_edition=snapshot["previous_edition"], sources=[])

    for measure in snapshot["measures"]:
        before = basis.status(measure["history"])
        if before is None:
            changes.measures_without_basis += 1
        elif before["status"] != measure["status"]:
            changes.measure_changes.append(StatusChange(
                code=measure["code"], title=measure["title"], before=before["status_label"],
                before_source=source_label(before["source"]), now=measure["status_label"],
            ))
        else:
            changes.measures_unchanged += 1

    for motion in snapshot["motions"]:
        before = basis.status(motion["history"])
        if before is None:
            changes.motions_without_basis += 1
            if motion["status"] == CARRIED_OUT:
                changes.motions_carried_out_without_basis += 1
            continue
        if before["status"] == motion["status"]:
            changes.motions_unchanged += 1
            continue
        change = StatusChange(
            code=motion["kamerstuk"], title=motion["title"], before=before["status_label"],
            before_source=source_label(before["source"]), now=motion["status_label"],
        )
        changes.motion_changes.append(change)
        if motion["status"] == CARRIED_OUT:
            changes.motions_carried_out.append(change)

    for law in snapshot["laws"]:
        for milestone in law["milestones"]:
            if not milestone["planned_text"]:
                continue
            before, earlier = basis.planning(milestone["history"])
            if before is None:
                continue
            if _normalised(before["planned_text"]) == _normalised(milestone["planned_text"]):
                changes.plannings_unchanged += 1
                continue
            changes.planning_changes.append(PlanningChange(
                law=f"{law['number']}. {law['title']}",
                milestone=_milestone_name(milestone),
                earlier=[f"{p['planned_text']} ({_planning_origin(p)})" for p in earlier],
                before=before["planned_text"],
                before_source=_planning_origin(before),
                now=milestone["planned_text"],
                direction=_direction(before, milestone),
            ))

    changes.sources = [source_label(source) for source in sorted(basis.used.values(), key=_sort_key)]
    return changes
