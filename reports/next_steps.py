"""What became of the next steps a report announced, as the next report says.

Each next step has a lasting key (measures/next_steps.py), so the next report can account
for every step the previous one announced: still open (the step is still listed), moved
(still listed with another target period), or, when it is no longer listed, done or
dropped as the eindredacteur records it when adopting the edition. For the 2024 edition,
known only from its letter, the outcomes come from the sources (AnnouncedStep).
"""
from __future__ import annotations

from measures.models import StepOutcome

LABELS = dict(StepOutcome.choices)
# What the eindredacteur can record for a step the new report no longer lists.
ANSWERABLE_OUTCOMES = [(StepOutcome.DONE, LABELS[StepOutcome.DONE]), (StepOutcome.DROPPED, LABELS[StepOutcome.DROPPED])]


def _outcome(step: dict, code: str, outcome: str, new_target: str = "", note: str = "") -> dict:
    return {
        "measure": code, "id": step["id"], "text": step["text"], "target_text": step.get("target_text") or "",
        "outcome": outcome, "outcome_label": str(LABELS[outcome]), "new_target_text": new_target, "note": note,
    }


def _listed(state: dict) -> dict[str, dict]:
    """The next steps a state lists, by key."""
    return {step["id"]: step for _code, step in steps_to_account_for(state)}


def steps_to_account_for(previous: dict) -> list[tuple[str, dict]]:
    """Every (measure code, next step) the earlier state announced."""
    return [
        (measure["code"], step)
        for measure in previous["measures"] for step in measure.get("next_step_details") or []
    ]


def step_outcomes(previous: dict, current: dict, recorded: dict[str, dict]) -> list[dict]:
    """The outcome of each next step ``previous`` announced, in ``current``.

    ``recorded`` maps a step's key to {"outcome", "new_target_text", "note"}: what the
    sources say (reconstructed editions) or what the eindredacteur recorded. A step that
    is still listed is open, or moved when its target period changed."""
    listed = _listed(current)
    outcomes = []
    for code, step in steps_to_account_for(previous):
        if step["id"] in recorded:
            answer = recorded[step["id"]]
            outcomes.append(_outcome(step, code, answer["outcome"], answer.get("new_target_text", ""),
                                     answer.get("note", "")))
        elif step["id"] in listed:
            now = listed[step["id"]].get("target_text") or ""
            if now and step.get("target_text") and now != step["target_text"]:
                outcomes.append(_outcome(step, code, StepOutcome.MOVED, now))
            else:
                outcomes.append(_outcome(step, code, StepOutcome.OPEN))
        else:
            outcomes.append(_outcome(step, code, StepOutcome.NOT_RECORDED))
    return outcomes


def steps_to_record(previous: dict, current: dict) -> list[tuple[str, dict]]:
    """The announced steps no longer listed: the eindredacteur says what became of them."""
    listed = _listed(current)
    return [(code, step) for code, step in steps_to_account_for(previous) if step["id"] not in listed]
