"""`report`: the HTML page opened in a real (headless) Chromium: table values, sorting, highlights, no network."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from extract.report import build_report, write_report
from extract.runner import Options, run

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"  # the seed articles
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PATTAYA_ID = "7afdddc4200fa98d"


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    run([RAW], out, Options(workers=1))
    return out


@pytest.fixture(scope="module")
def browser():
    if not (shutil.which("chromium") and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    mp = pytest.MonkeyPatch()
    mp.setenv("SE_OFFLINE", "true")  # never let Selenium Manager download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()
    mp.undo()


def _column(driver, name: str) -> list[str]:
    headers = [th.text.strip(" ▲▼") for th in driver.find_elements("css selector", "#events thead th")]
    i = headers.index(name)
    return [row.find_elements("css selector", "td")[i].text
            for row in driver.find_elements("css selector", "#events tbody tr")]


def test_report_in_a_browser(out_dir, browser, tmp_path):
    page = tmp_path / "report.html"
    stats = write_report(out_dir, page, [RAW])
    assert (stats.documents, stats.events, stats.articles, stats.with_text) == (5, 5, 5, 5)
    browser.get(page.as_uri())

    rows = [[td.text for td in tr.find_elements("css selector", "td")]
            for tr in browser.find_elements("css selector", "#events tbody tr")]
    assert len(rows) == 5
    pattaya = next(r for r in rows if r[3] == "2023-03-24")
    assert pattaya[0] == "000_e239ff99cf73e3c0.txt" and pattaya[7] == "ชลบุรี" and pattaya[2] == "workshop"
    assert pattaya[6] == "ห้องประชุม ทัพพระยา ศาลาว่าการเมืองพัทยา"
    assert "พลเอกจิระ โกมุทพงศ์ (กรรมการ ป.ป.ท.)" in pattaya[10]

    # sorting: dates as text, participants as numbers, empty cells last both ways
    header = {th.text: th for th in browser.find_elements("css selector", "#events thead th")}
    header["date_start"].click()
    assert _column(browser, "date_start") == ["2015-05-25", "2021-07-08", "2023-03-16", "2023-03-24", "2024-04-23"]
    header["date_start"].click()
    assert _column(browser, "date_start") == ["2024-04-23", "2023-03-24", "2023-03-16", "2021-07-08", "2015-05-25"]
    header["participants"].click()
    assert _column(browser, "participants") == ["94", "250", "", "", ""]
    header["participants"].click()
    assert _column(browser, "participants") == ["250", "94", "", "", ""]
    header["province"].click()
    assert _column(browser, "province") == ["ฉะเชิงเทรา", "ชลบุรี", "นครปฐม", "นนทบุรี", "ภูเก็ต"]
    assert header["province"].get_attribute("aria-sort") == "ascending"

    # the article, highlighted in place
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(m => [m.className, m.firstChild.textContent])",
        f"#doc-{PATTAYA_ID} .text mark")
    assert ["ent k-date", "24 มีนาคม 2566"] in marks
    assert ["ent k-person", "พลเอก จิระ โกมุทพงศ์"] in marks
    assert ["ent k-venue", "ห้องประชุม ทัพพระยา ศาลาว่าการ"] in marks  # its province is a nested mark
    link = browser.find_element("css selector", f'#events a[href="#doc-{PATTAYA_ID}"]')
    assert link.text == "000_e239ff99cf73e3c0.txt"
    assert len(browser.find_elements("css selector", ".charts svg")) == 4

    # nothing left the page
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    urls = browser.execute_script(
        "return Array.from(document.querySelectorAll('[src],[href]')).map(e => e.getAttribute('src') || "
        "e.getAttribute('href'))")
    assert urls and all(u.startswith("#") for u in urls)
    assert browser.find_elements("css selector", "link, img, iframe, object, embed") == []


def test_report_escapes_article_text_and_shows_mentions_without_a_text(out_dir, tmp_path):
    page, stats = build_report(out_dir, [])
    assert stats.with_text == 0
    assert page.count('class="mentions"') == 5  # each article's mentions table instead of its text
    assert "<td>24 มีนาคม 2566</td><td>2023-03-24</td>" in page
    # an article with markup in it is shown as text, never as markup
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text(
        'วันที่ 24 มีนาคม 2566 <script>alert("x")</script> ณ ห้องประชุม <img src="http://e.x/a.png">',
        encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", Options(workers=1))
    page, stats = build_report(tmp_path / "out", [tmp_path / "in"])
    assert stats.with_text == 1
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page and "<img" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert page.count("<script>") == 1  # the sorting script


def test_font_stack_names_a_thai_font_of_every_common_system():
    from extract.report import FONT_STACK

    families = [f.strip().strip('"') for f in FONT_STACK.split(",")]
    # Windows, macOS/iOS, Android/ChromeOS/Noto, bare Linux with fonts-thai-tlwg
    for font in ("Leelawadee UI", "Tahoma", "Thonburi", "Noto Sans Thai", "Loma", "Garuda"):
        assert font in families, font
    assert families[-1] == "sans-serif"
    assert families.index("Leelawadee UI") < families.index("system-ui")  # Thai fonts before the UI font


def test_thai_glyphs_render_in_the_browser(out_dir, browser, tmp_path):
    """Thai text is drawn with a Thai font named in the stack, not as boxes (tofu)."""
    from extract.report import FONT_STACK

    page = tmp_path / "report.html"
    write_report(out_dir, page, [RAW])
    browser.get(page.as_uri())
    # Widths of the same number of characters: Thai with its zero-width vowel and tone marks,
    # and a private-use character no font draws (the box glyph).
    widths = browser.execute_script("""
        const probe = (text) => { const s = document.createElement('span'); s.textContent = text;
            s.style.whiteSpace = 'pre'; document.querySelector('.text').appendChild(s);
            const w = s.getBoundingClientRect().width; s.remove(); return w; };
        return [probe(arguments[0]), probe('\\ue000'.repeat(arguments[0].length))];""", "ที่ประชุมจังหวัด")
    thai, tofu = widths
    assert 0 < thai < 0.8 * tofu, widths
    # The font Chromium actually used for the article's Thai text.
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": f"#doc-{PATTAYA_ID} .text"})
    fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    families = {f.strip().strip('"') for f in FONT_STACK.split(",")}
    used = max(fonts, key=lambda f: f["glyphCount"])["familyName"]
    assert used in families, fonts
