"""The kind of an event, from cue words in the headline and the lead.

Cue words and their priorities live in ``patterns/event_types.csv``: a specific cue
outranks the general word inside it ("ประชุมเชิงปฏิบัติการ" -> workshop before "ประชุม" ->
meeting). The headline decides; the lead is read only when the headline has no cue.

>>> classify_event("ปปท.จัดประชุมเชิงปฏิบัติการแลกเปลี่ยนเรียนรู้การเสริมสร้างธรรมาภิบาล", "")
'workshop'
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicons
from .tuning import TYPE_LEAD_CHARS

EVENT_TYPES_FILE = "event_types.csv"
OTHER = "other"
NONE = "none"  # a venue word that merely contains a cue


@cache
def _cues() -> dict[str, tuple[str, int]]:
    return {cue.casefold(): (kind, int(priority)) for cue, kind, priority in lexicons.columns(EVENT_TYPES_FILE, "cue", "type", "priority")}


@cache
def _cue_re() -> re.Pattern[str]:
    words = sorted(_cues(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def _best_cue(text: str) -> str | None:
    """The type of the highest-priority cue in ``text``, the earliest on a tie."""
    best: tuple[int, int, str] | None = None
    for m in _cue_re().finditer(text):
        kind, priority = _cues()[m.group().casefold()]
        if kind == NONE:
            continue
        key = (priority, -m.start(), kind)
        if best is None or key > best:
            best = key
    return best[2] if best else None


def classify_event(title: str, lead: str) -> str:
    """One of meeting, workshop, seminar, training, ceremony, visit, inspection, signing,
    exhibition, campaign, festival, relief_handover and the news kinds press_conference, rally,
    petition, court_hearing, parliamentary_sitting; or other.

    >>> classify_event("ศาลอาญานัดอ่านคำพิพากษาคดีชุมนุมหน้ารัฐสภา", "")
    'court_hearing'

    >>> classify_event("รมว.พม. ลงพื้นที่ จ.กระบี่ เปิดศูนย์ช่วยเหลือสังคมตำบลแห่งแรก", "")
    'ceremony'
    """
    return _best_cue(title or "") or _best_cue((lead or "")[:TYPE_LEAD_CHARS]) or OTHER
