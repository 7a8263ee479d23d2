"""Unicode normalisation that keeps a map back to the source text.

Thai digits become ASCII digits and NBSP a space (one character for one, so offsets do
not move). Zero-width and bidi marks are dropped and a decomposed sara am (``ํา``) is
composed, which shortens the text: ``Normalised.to_source`` then maps every index of the
normalised text back to the source, so a span found on the normalised text is reported
with offsets into the source text.

>>> n = normalise("วันที่ ๑๖ มีนาคม ๒๕๖๖")
>>> n.text
'วันที่ 16 มีนาคม 2566'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ONE_TO_ONE = str.maketrans(
    "๐๑๒๓๔๕๖๗๘๙\u00a0\u2007\u202f\u3000",
    "0123456789    ",
)
# Characters that change nothing a reader sees; scraped pages are full of them.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad"
_NEEDS_MAP = re.compile("[" + INVISIBLE + "]|\u0e4d[\u0e48-\u0e4b]?\u0e32")


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    # text[i] stands for source[starts[i]:ends[i]]; both None when aligned 1:1.
    starts: list[int] | None = None
    ends: list[int] | None = None
    source_len: int = 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised span ``[start, end)``."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= len(self.starts):
            return self.source_len, self.source_len
        s = self.starts[start]
        e = self.ends[end - 1] if end > start else s
        return s, e


def normalise(source: str) -> Normalised:
    text = source.translate(ONE_TO_ONE)
    if not _NEEDS_MAP.search(text) and unicodedata.is_normalized("NFC", text):
        return Normalised(text, None, None, len(source))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in INVISIBLE:
            i += 1
            continue
        if ch == "\u0e4d":
            # nikhahit (+ tone mark) + sara aa == sara am (+ tone mark before it)
            j = i + 1
            tone = text[j] if j < n and "\u0e48" <= text[j] <= "\u0e4b" else ""
            if tone:
                j += 1
            if j < n and text[j] == "\u0e32":
                if tone:
                    out.append(tone)
                    starts.append(i)
                    ends.append(j + 1)
                out.append("\u0e33")
                starts.append(i)
                ends.append(j + 1)
                i = j + 1
                continue
        if unicodedata.combining(ch) and out and not ("\u0e00" <= ch <= "\u0e7f"):
            # Compose a Latin/other base with its combining mark where NFC would.
            composed = unicodedata.normalize("NFC", out[-1] + ch)
            if len(composed) == 1:
                out[-1] = composed
                ends[-1] = i + 1
                i += 1
                continue
        out.append(ch)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return Normalised("".join(out), starts, ends, len(source))
