"""The HTML report in a real browser: headless Chromium, no console errors, no network, a screenshot.

Needs Debian's `chromium` and `chromium-driver` (/usr/bin/chromium, /usr/bin/chromedriver) and selenium.
Without them the tests skip, unless the CI environment variable is set: CI must prove the report works.
Selenium is pointed at the system chromedriver so Selenium Manager never downloads a browser or driver.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from reconcile.reporting.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    absent = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if absent:
        return f"{' and '.join(absent)} not found (apt-get install -y chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium with a new empty profile, logging console messages and network requests.

    One browser for the module (start-up is the slow part); every test sets its own window size and
    `_open` drains the logs, so tests do not see each other's messages.
    """
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the browser test cannot run: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        *FLAGS,
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.get("about:blank")
        driver.get_log("performance")  # drop the browser's own start-up traffic (its new-tab page)
        driver.get_log("browser")
        yield driver
    finally:
        driver.quit()


def _open(driver: Any, path: Path, width: int = 1280) -> tuple[list[dict[str, Any]], list[str]]:
    """Load the report; return the console entries and the URLs of every request the page made."""
    driver.get("about:blank")
    driver.get_log("performance")
    driver.get_log("browser")
    driver.set_window_size(width, 900)
    driver.get(path.as_uri())
    driver.execute_script("return document.readyState")
    console = driver.get_log("browser")
    requests = [
        message["params"]["request"]["url"]
        for message in (json.loads(entry["message"])["message"] for entry in driver.get_log("performance"))
        if message["method"] == "Network.requestWillBeSent"
    ]
    return console, requests


def _png_pixels(data: bytes, max_rows: int) -> tuple[int, int, bytes, list[bytes]]:
    """Width, height, filtered pixel stream and the first `max_rows` rows decoded, of an 8-bit RGB(A) PNG.

    Enough to tell a painted page from a blank one without Pillow; decoding stops early because
    unfiltering in pure Python is slow.
    """
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytes(stride)
    for y in range(min(height, max_rows)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = bytes(line)
    return width, height, raw, rows


def test_report_opens_without_errors_or_network_and_looks_like_a_report(
    browser: Any, make: SimpleNamespace, tmp_path: Path
) -> None:
    path = render_html(make.report(), tmp_path / "report.html")
    console, requests = _open(browser, path)

    assert [e for e in console if e["level"] == "SEVERE"] == []
    assert requests == [path.as_uri()]  # the page itself and nothing else

    # the key sections are there and visible
    from selenium.webdriver.common.by import By

    for section in ("summary", "bands", "changes", "matches", "unmatched"):
        assert browser.find_element(By.ID, section).is_displayed(), section
    body = browser.find_element(By.TAG_NAME, "body").text
    for expected in (
        "run-20240503-0001",
        "MADURO MOROS, Nicolas",
        "IRAN-CON-ARMS-EO",
        "Steven Mnuchin",
        "Treasury Secretary",
        "ANNOUNCED IN THE NEWS BUT NOT ON THE LIST".lower(),
        "very likely the listed party",
    ):
        assert expected.lower() in body.lower(), expected
    # the hostile name is shown as text, and the page runs no script but its own
    assert make.hostile in body
    assert browser.execute_script("return document.scripts.length") == 1
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 2 + 2  # bands, histogram, one waterfall per match
    assert all(c.size["width"] > 200 and c.size["height"] > 50 for c in charts)
    highlighted = [m.text for m in browser.find_elements(By.TAG_NAME, "mark")]
    assert "Nicolas Maduro" in highlighted

    # screenshot of the whole page
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height + 140, 8000))
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert len(data) > 50_000
    width, rows_h, raw, top = _png_pixels(data, max_rows=160)
    assert width >= 1200 and rows_h >= 1500
    assert len(set(raw)) > 100, "screenshot looks blank"  # a blank page filters to a handful of byte values
    colours = {row[i : i + 3] for row in top[::3] for i in range(0, len(row), 3 * 5)}
    assert len(colours) > 20, "top of the page looks blank"
    assert b"\x1e\x3a\x8a" in colours  # the header's blue band was painted


def test_long_names_wrap_instead_of_widening_the_page(
    browser: Any, make: SimpleNamespace, tmp_path: Path
) -> None:
    long_name = "Abdul" + "x" * 180
    report = make.report(
        matches=[
            make.match(
                surface=long_name,
                sentence=f"Officials named {long_name} yesterday.",
                article_source="https://example.invalid/" + "a/" * 80,
            )
        ],
        unmatched=[make.unmatched(surface=long_name, role="chairman of " + "y" * 120)],
    )
    path = render_html(report, tmp_path / "report.html")
    console, requests = _open(browser, path, width=800)
    assert [e for e in console if e["level"] == "SEVERE"] == []
    assert requests == [path.as_uri()]  # a URL in the text is text, not a link the page follows
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_printing_opens_collapsed_sections(browser: Any, make: SimpleNamespace, tmp_path: Path) -> None:
    diff = [
        {
            "ent_num": 5000 + i,
            "change": "added",
            "field": None,
            "old_value": None,
            "new_value": f"CO {i}",
            "sdn_name": f"CO {i}",
        }
        for i in range(40)
    ]
    path = render_html(make.report(diff=diff), tmp_path / "report.html")
    console, _ = _open(browser, path)
    closed = "return [...document.querySelectorAll('details')].filter(d => !d.open).length"
    assert browser.execute_script(closed) == 1  # 40 added entries start collapsed
    browser.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert browser.execute_script(closed) == 0
    pdf = browser.print_page()  # base64 PDF from Chromium's own print path
    assert pdf.startswith("JVBERi")  # "%PDF"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert console == [] or all(e["level"] != "SEVERE" for e in console)
