"""The review site in a real browser: headless Chromium (Debian's chromium and chromium-driver).

One browser for the module, serving two generated sites over HTTP: the fixture content, and a copy
with a hostile translation planted in a Spanish catalog. Screenshots go to test-artifacts/.
`.ci/run` installs the browser and the Noto fonts; without them these tests fail, never skip.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.project import Project
from pipeline.site import report
from pipeline.site.model import CELL_STATES

from ..conftest import REPO, copy_content
from .conftest import HOSTILE, MATRIX, plant

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = REPO / "test-artifacts"
INSTALL = "apt-get install chromium chromium-driver fonts-noto-core fonts-noto-cjk (`bash .ci/run` does it)"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> str:
    sites = tmp_path_factory.mktemp("sites")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1795000000")
        clean = copy_content(tmp_path_factory.mktemp("clean") / "content")
        report(Project(clean), sites / "clean")
        planted = copy_content(tmp_path_factory.mktemp("planted") / "content")
        plant(planted)
        report(Project(planted), sites / "planted")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(sites)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(f"the browser tests need {', '.join(missing)}: {INSTALL}", pytrace=False)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is missing: install the test extra (`make setup`)", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-quic", "--window-size=1280,900",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(30)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    yield browser
    browser.quit()


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))


def open_page(driver, url: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


LABELS = {key: label for key, label, _ in CELL_STATES}


def test_dashboard_shows_the_state_of_each_locale(driver, base_url):
    from selenium.webdriver.common.by import By

    open_page(driver, f"{base_url}/clean/index.html")
    screenshot(driver, "dashboard.png")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Release status"
    for posix, states in MATRIX:
        labels = tuple(LABELS[state] for state in states)
        cells = driver.find_elements(By.CSS_SELECTOR, f"table.matrix tr[data-locale='{posix}'] td")
        shown = tuple(c.find_element(By.CSS_SELECTOR, ".cell-state").text.strip(" ✔⏸✖") for c in cells)
        assert shown == labels, posix
        assert tuple(c.get_attribute("data-state") for c in cells) == states
    arabic = driver.find_element(By.CSS_SELECTOR, "table.matrix tr[data-locale='ar'] td").text
    assert "7 strings untranslated" in arabic and "2 strings fuzzy" in arabic and "Translated\n80.0 %" in arabic
    blockers = driver.find_element(By.ID, "blockers-ar").find_element(By.XPATH, "..").text
    assert "Arabic (ar): 0 of 4 published" in blockers and "not signed off" in blockers
    assert console_errors(driver) == []


def _probe_fonts(driver, selector: str) -> list[str]:
    """The platform fonts Chromium used for the text of the first element matching ``selector``."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [f["familyName"] for f in sorted(fonts, key=lambda f: -f["glyphCount"])]


PREVIEWS = [
    # page, lang, computed direction, a text that must be in the page's script, the font family it needs
    ("ar/endoscopic-discectomy.preview.html", "ar", "rtl", "استئصال القرص بالمنظار", "Noto Naskh Arabic"),
    ("zh-Hans/endoscopic-discectomy.preview.html", "zh-Hans", "ltr", "内镜", "Noto Sans CJK SC"),
    ("vi/endoscopic-discectomy.preview.html", "vi", "ltr", "đĩa đệm", "Noto Sans"),
]


@pytest.mark.parametrize("page,lang,direction,text,font", PREVIEWS)
def test_preview_language_direction_and_fonts(driver, base_url, page, lang, direction, text, font):
    from selenium.webdriver.common.by import By

    open_page(driver, f"{base_url}/clean/{page}")
    if lang == "ar":
        screenshot(driver, "preview-ar.png")
    article = driver.find_element(By.CSS_SELECTOR, "article.leaflet")
    assert driver.execute_script("return document.documentElement.lang") == lang
    assert driver.execute_script("return getComputedStyle(arguments[0]).direction", article) == direction
    assert text in article.text
    banner = driver.find_element(By.CSS_SELECTOR, ".preview-banner")
    assert driver.execute_script("return getComputedStyle(arguments[0]).direction", banner) == "ltr"
    assert _probe_fonts(driver, "article.leaflet h1")[0] == font
    assert _probe_fonts(driver, "article.leaflet p.summary")[0] == font
    assert console_errors(driver) == []


def test_planted_script_shows_as_text_and_never_runs(driver, base_url):
    from selenium.webdriver.common.by import By

    open_page(driver, f"{base_url}/planted/es/endoscopic-discectomy.html")
    row = driver.find_element(By.ID, "entry-summary")
    assert HOSTILE in row.text
    assert driver.execute_script("return window.__pwned") is None
    assert driver.find_elements(By.CSS_SELECTOR, "#entries img") == []
    assert "E102" in row.get_attribute("data-codes")
    assert console_errors(driver) == []
    open_page(driver, f"{base_url}/planted/index.html")
    cell = driver.find_element(By.CSS_SELECTOR, "tr[data-locale='es'] td[data-procedure='endoscopic-discectomy']")
    assert cell.get_attribute("data-state") == "blocked" and "Blocked" in cell.text
    assert driver.execute_script("return window.__pwned") is None
    assert console_errors(driver) == []


def _tab_to(driver, name: str, value: str, limit: int = 80) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.get_attribute("name") == name and focused.get_attribute("value") == value:
            return
    raise AssertionError(f"the {name}={value} filter cannot be reached with the Tab key")


def _shown(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#entries tbody tr')).filter(r => !r.hidden)"
        ".map(r => r.dataset.state + ':' + r.dataset.codes)")


def test_filters_work_by_keyboard(driver, base_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(driver, f"{base_url}/clean/ar/endoscopic-discectomy.html")
    total = len(_shown(driver))
    assert total == 45
    status = driver.find_element(By.ID, "filter-status")
    assert status.text == "Showing 45 of 45 entries."
    _tab_to(driver, "state", "fuzzy")
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    shown = _shown(driver)
    assert len(shown) == 43 and not any(s.startswith("fuzzy:") for s in shown)
    assert status.text == "Showing 43 of 45 entries."
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert len(_shown(driver)) == 45
    _tab_to(driver, "code", "W302")
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert all("W302" not in s.split(":")[1] for s in _shown(driver))
    assert len(_shown(driver)) == 45 - 2  # the two fuzzy entries carry W302 (stale)
    assert console_errors(driver) == []


def test_every_page_loads_without_console_errors(driver, base_url):
    open_page(driver, f"{base_url}/clean/index.html")
    links = driver.execute_script("return Array.from(document.querySelectorAll('.cell-links a')).map(a => a.href)")
    assert len(links) == 4 + 5 * 4 * 2  # the source's previews, then entries and preview per locale
    for url in links:
        open_page(driver, url)
        assert console_errors(driver) == [], url


@pytest.mark.parametrize("name", ["dashboard.png", "preview-ar.png"])
def test_screenshots_are_saved(name):
    assert (ARTIFACTS / name).stat().st_size > 10_000
