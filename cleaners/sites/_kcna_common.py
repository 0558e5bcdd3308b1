"""What KCNA's copy looks like wherever it is printed (kcna.kp, KCNA Watch)."""

from __future__ import annotations

import re

#: KCNA ends every story with ` -0-`; the sentence before it is the last of the story.
END_MARKER = re.compile(r"\s*-0-\s*$")

#: KCNA's own dateline after the story: `www.kcna.kp (Juche112.1.30.)` (Juche year + 1911 = AD).
JUCHE_TRAILER = re.compile(r"^(?:www\.)?[\w.-]+\.kp\s*\(Juche\s*(\d{1,3})\.(\d{1,2})\.(\d{1,2})\.?\)$", re.I)

#: KCNA's opening dateline: `Pyongyang, January 30 (KCNA) --`.
DATELINE = re.compile(r"^[A-Z][\w ]{1,30}, \w+ \d{1,2} \(KCNA\) --", re.M)


def juche_to_iso(year: str, month: str, day: str) -> str:
    """`Juche112.1.30.` -> `2023-01-30`."""
    return f"{int(year) + 1911:04d}-{int(month):02d}-{int(day):02d}"
