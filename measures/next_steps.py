"""Next steps keep their identity across edits and editions.

Each report's next steps (vervolgstappen) are checked by the next report: done, moved,
dropped or still open. That needs an identity that outlasts rewording and reordering,
so every next step has a key. Editors edit plain text and never see keys: the key
follows the text. An unchanged step keeps its key wherever it moves; a reworded one
(mostly the same words, say a new date) keeps the key of the step it replaces; a new one
gets a new key, derived from the measure and its text so that loading the same files
twice gives the same keys.
"""
from __future__ import annotations

import difflib
import hashlib

# How alike a rewording must be (difflib's ratio of the words) to count as the same step.
SAME_STEP = 0.6


def _likeness(old: str, new: str) -> float:
    return difflib.SequenceMatcher(a=old.split(), b=new.split(), autojunk=False).ratio()


def _new_key(code: str, text: str, taken: set[str]) -> str:
    base = hashlib.sha256(f"{code}\n{text}".encode()).hexdigest()[:12]
    key, counter = base, 1
    while key in taken:
        counter += 1
        key = f"{base}-{counter}"
    return key


def next_step_keys(*, code: str, previous: list[tuple[str, str]], texts: list[str]) -> list[str]:
    """Keys for the measure's new next steps ``texts``, given the (key, text) pairs they
    replace: exact matches first, then the most alike rewording, else a new key."""
    unused = {key: text for key, text in previous if key}
    keys: list[str | None] = [None] * len(texts)
    for index, text in enumerate(texts):
        match = next((key for key, old in unused.items() if old == text), None)
        if match is not None:
            keys[index] = match
            del unused[match]
    for index, text in enumerate(texts):
        if keys[index] is not None:
            continue
        best = max(unused, key=lambda key: _likeness(unused[key], text), default=None)
        if best is not None and _likeness(unused[best], text) >= SAME_STEP:
            keys[index] = best
            del unused[best]
    taken = {key for key in keys if key} | {key for key, _text in previous}
    for index, text in enumerate(texts):
        if keys[index] is None:
            keys[index] = _new_key(code, text, taken)
            taken.add(keys[index])
    return keys  # type: ignore[return-value]
