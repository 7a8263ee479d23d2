"""Tuning constants of the extractors, in one place: windows (in characters), thresholds
(confidences from 0 to 1) and caps. Each was set by reading errors on the seeds, dev and dev2
articles (``scripts/score_groups.py``); change one, then score every group again.

Word lists are data, in ``patterns/``; the weights of single cue words are in their files
(``count_cues.csv``, ``event_types.csv``, ``online_cues.csv``).
"""

# ---------------------------------------------------------------- events (assemble.py)

# How far after a date its time usually is: "วันที่ 16 มีนาคม 2566 เวลา 09.00 น."
TIME_WINDOW = 80
FAR_TIME_WINDOW = 800  # with no time near the date: the programme's first clock time within this
TODAY_LEAD_CHARS = 800  # how far into the body "วันนี้" / "เมื่อเวลา" still dates the event by the page
# Older than this before the page date, a day is history, not the reported event.
MAX_DAYS_BEFORE_PAGE = 365
# Venues below this confidence are weak guesses (a ที่ before an office name in a relative clause).
MIN_VENUE_CONFIDENCE = 0.6
# How far a secondary event's cue may sit before its venue.
CUE_WINDOW = 120
MAX_EVENTS = 6  # events an article may give, the main one included (a trip of four stops and a course)
MAX_PERIOD_DAYS = 31  # a longer date range is a plan or a season, not an event of its own
# How far past the main event's date a count can still describe it.
COUNT_REACH = 4000
# Later than this after the page date (or, without one, this far from every other date of the
# article) a date is a typo ("17 มีนาคม 2658" on a page of 2025-03-18), not the reported event.
MAX_DAYS_AFTER_PAGE = 365
# A typo'd year is repaired from the page when the day and month then fall this close to the page date.
REPAIR_DAYS = 60
# A further stop's opener ("จากนั้น") is followed within this by its clock time or travel verb;
# its venue sits within STOP_VENUE_REACH of the opener, its own date within STOP_DATE_REACH.
STOP_REACH = 120
STOP_VENUE_REACH = 450
STOP_DATE_REACH = 200

# ---------------------------------------------------------------- event type (event_type.py)

TYPE_LEAD_CHARS = 600  # the lead's first paragraph or two name the event; later text drifts to background

# ---------------------------------------------------------------- page header (clean.py)

# The page date sits within the first few lines, alone on its line or behind a label.
HEADER_LINES = 4
# News and web pages put site names, menus and bylines above the page date: look this many lines down.
PAGE_DATE_LINES = 25
# Header furniture is short; a line this long is already the article's body.
MAX_HEADER_LINE = 300

# ---------------------------------------------------------------- venues and provinces (places.py)

MAX_VENUE_CHUNKS = 14  # space-separated chunks a venue name may run over
MIN_EVENT_PROVINCE = 0.5  # weakest province mention that may place an event on its own
OFFICE_PROVINCE = 0.45  # a province in an office's or an official's name
MAX_PENDING_CHUNKS = 3  # uncertain chunks after a venue's last sure one that a place after them may still join

# ---------------------------------------------------------------- officials (people.py)

LINE_SPAN = 160  # a position never runs longer than this
MAX_NAME = 25  # longer "names" are words glued together
SURNAME_SIMILARITY = 0.8  # a misspelt repeat ("เสี่ยมพงษ์" for "เสงี่ยมพงษ์") scores 0.95
GLUE_SPAN = 30  # how far back a run of Thai letters glued before a title is read
PLAIN_GIVEN, PLAIN_SURNAME = 12, 20  # longest given name and surname written without a title
ENUMERATION_WORDS = 3  # spaced words an office name may enumerate ("วิทยาศาสตร์ วิจัยและนวัตกรรม")
ENUMERATED_FIELD = 25  # longest field named in such a list

# ---------------------------------------------------------------- participant counts (counts.py)

# best_count ignores candidates below this: a bare "N คน" with no cue is too often a
# statistic, not the event's attendance.
MIN_CONFIDENCE = 0.5
BARE_CONFIDENCE = 0.2  # a count with no cue word at all
BEFORE_WINDOW = 250  # characters searched for cues before the number, within its line
# A word saying who else is counted (population, victims, beneficiaries) describes the number
# only when it stands close to it: "รมว.แรงงาน ... แก่นักเรียน นักศึกษากว่า 500 คน" counts
# students, whatever a ministry's name says further back.
NEG_REACH = 100
AFTER_WINDOW = 25  # characters searched for a verb after the unit
PAST_WINDOW = 80  # characters before the number where a past-event cue makes it an earlier figure
TOTAL_WINDOW = 15  # a "total" cue this close before the number makes it the event's total
# Millions of people are a national statistic (users of a scheme, passengers), not an audience;
# never a plain count (bulk "N ล้านคน": 1,174 hits, 20 read, all statistics).
NATIONAL_SCALE = 1_000_000
# Tens of thousands are a fair's or a season's attendance reported in passing ("ผู้เข้าชมงาน
# กว่า 220,945 คน"), unless a participation word stands right by the number.
LARGE_SCALE = 20_000
ADJACENT = 25  # a participation cue this close, of at least STRONG_CUE weight, decides alone
STRONG_CUE = 0.9
# A client noun this close is the subject of the count whatever verb follows
# ("ผู้เสพยาเสพติด 110 คน เข้ารับการบำบัด").
CLIENT_WINDOW = 60
# A total after sub-counts ("... 41 คน และ ... 11 คน รวมทั้งสิ้น 52 คน และเจ้าหน้าที่ที่เกี่ยวข้อง
# เข้าร่วม"): its parts stand within PARTS_REACH before it, its verb within TOTAL_AFTER after
# it, or a participation cue before the parts.
PARTS_REACH = 250
TOTAL_AFTER = 80
TOTAL_CONFIDENCE = 0.8  # the least confidence of such a total
PART_CEILING = 0.45  # the most confidence of each of its parts, so the total wins
LOOKBACK = 60  # characters before a classifier that can hold its qualifier and number
NUMBER_GAP = 30  # characters between a number's end and its classifier, at most

# ---------------------------------------------------------------- linking across articles (link.py)
# Set by reading the pairs of ../shared/gold/links-dev.jsonl (score_links.py); each note there
# says why. A wrong merge loses an event, a missed one double-counts it: keep precision first.

MAX_DAYS_AFTER = 10  # a report published later than this looks back at the event: never linked
VENUE_MATCH = 0.8  # share of the shorter venue's character trigrams found in the other
TITLE_SIMILAR = 0.18  # Jaccard of headline trigrams: the same story in other words
TIME_EXACT = 0  # minutes: the same start time (five minutes apart are two stops)
TIME_CLOSE = 60  # minutes: one sitting or briefing reported at two moments
RARE_AGENCY = 0.002  # a body named by at most this share of events (a committee, not a ministry)
BROAD_KINDS = frozenset({"ministry", "department"})  # agency kinds never rare: half the releases name one
