"""Announced, not reported: an article whose main event is a plan (an itinerary, a schedule).

An itinerary published on the morning of a visit names the same day, hour, place and minister
as the report of the visit, yet the guide counts an announcement and its event as two things.
What tells them apart is the wording next to the event's date or in the headline: "ได้กำหนด
เดินทางไปประชุม...", "มีกำหนดการลงพื้นที่...", "นายกรัฐมนตรีจะเป็นประธานเปิดงาน...". The event
then carries an ``announced`` evidence item, which the linker reads (:mod:`extract.link`)
without reading the article again.

Measured on the bulk corpus (14,870 articles, 12,197 main events with a date): the cue beside
the main date fires on 50 main events published on or after their event's day, and of 30 read
all announce (a spokesman's "will travel tomorrow", an itinerary, "มีกำหนดการเยือน"). With the
headline, 87 articles are marked; of 25 read, 22 announce, 1 was a wish ("ไม่ประสงค์จะเดินทาง",
since excluded), 2 name a plan beside a reported period. Marking costs a link only where the
article really reports: in the bulk run it removes one linked pair, the itinerary 9827.

>>> plan_cue("ในวันที่ 5 กุมภาพันธ์ 2561 พลอากาศเอก ประจิน จั่นตอง รองนายกรัฐมนตรี ได้กำหนดเดินทางไปประชุม", 9, 26).group()
'ได้กำหนดเดินทาง'
>>> plan_cue("วันนี้ (5 ธันวาคม 2561) นายพสุ โลหารชุน ปลัดกระทรวงอุตสาหกรรม ร่วมถวายพานพุ่ม", 8, 22) is None
True
"""

from __future__ import annotations

import re

# A person or body has scheduled, or will make, a trip, a visit, a chairing. Not a decree
# (พระราชกำหนด), a deadline (ครบกำหนด), a rule (ข้อกำหนด) or a rescheduling (ปรับกำหนดการ),
# and not a relative clause about others ("แรงงานที่จะเดินทางไปทำงาน", "ประชาชนจะเดินทาง").
PLAN = re.compile(
    r"(?:มี|ได้)กำหนด(?:การ)?(?:จะ|ที่จะ)?\s*(?:เดินทาง|ลงพื้นที่|เข้าร่วม|เยือน|เป็นประธาน|ประชุม|นำ|ตรวจ|เยี่ยม"
    r"|มอบ|เปิด|พบ|หารือ|ปฏิบัติ)"
    r"|(?<!ที่)(?<!ซึ่ง)(?<!ประชาชน)(?<!ส่วนใหญ่)(?<!ประสงค์)(?<!ต้องการ)จะ(?:เดินทาง|เป็นประธาน|ลงพื้นที่|นำคณะ)")
BEFORE = 150  # how far before the event's date, on its line, a cue may stand
AFTER = 200  # and after it: the subject and the verb of the lead


def plan_cue(text: str, start: int, end: int) -> re.Match | None:
    """A plan cue on the line of the span ``text[start:end]`` (a date, a headline), near it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return PLAN.search(text, max(line_start, start - BEFORE), min(line_end, end + AFTER))


def announced(text: str, title_span: tuple[int, int] | None, date_span: tuple[int, int] | None) -> dict | None:
    """The ``announced`` evidence item of an article's main event, or None when it reports.

    The cue is looked for in the headline and beside the main event's date.
    """
    m = PLAN.search(text, *title_span) if title_span else None
    if m is None and date_span is not None:
        m = plan_cue(text, *date_span)
    if m is None:
        return None
    return {"field": "announced", "text": m.group(), "method": "plan-cue", "start": m.start(), "end": m.end(),
            "confidence": 0.8}
