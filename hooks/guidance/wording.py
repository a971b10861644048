"""Find organisation and system names in a row's "Who holds it?" wording.

Names are compared as sequences of lower-case words, so quote styles, punctuation and spacing do
not matter, and one index built for the whole register answers each row in time proportional to
the row's length, not to the size of the register.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The lower-case words of a text, ignoring punctuation (so "Children’s" = "children's")."""
    return tuple(_WORD.findall(text.lower().replace("’", "'")))


class NameIndex:
    """Every name in the register, each with the organisations it stands for (none for a system)."""

    def __init__(self) -> None:
        self._owners: dict[tuple[str, ...], set[str]] = {}
        self._longest = 0

    def add(self, name: str, owner: str | None = None) -> None:
        key = words(name)
        if not key:
            return
        owners = self._owners.setdefault(key, set())
        if owner is not None:
            owners.add(owner)
        self._longest = max(self._longest, len(key))

    def found_in(self, text_words: tuple[str, ...]) -> list[tuple[str, set[str]]]:
        """The names in a text's words, read left to right taking the longest name at each point,
        so "Police National Database" is read as a system and not as "Police"."""
        found, position = [], 0
        while position < len(text_words):
            for length in range(min(self._longest, len(text_words) - position), 0, -1):
                key = text_words[position:position + length]
                if key in self._owners:
                    found.append((" ".join(key), self._owners[key]))
                    position += length
                    break
            else:
                position += 1
        return found


def mentions(text_words: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """Whether any of the names appears, as whole words, in a text's words."""
    for name in names:
        key = words(name)
        if key and any(text_words[start:start + len(key)] == key
                       for start in range(len(text_words) - len(key) + 1)):
            return True
    return False
