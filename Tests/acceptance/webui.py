"""Helpers for the browser tests (test_browser.py): a small REST client for setting up data,
headless Chromium through Selenium, and the page actions the tests repeat (sign in, submit the
ticket form, wait for the timeline).

Everything is written against the web UI contract (URLs, form field names and element ids);
see the comment at the top of test_browser.py.

Environment:
  CASEBOOK_CHROMIUM       the Chromium binary (default: `chromium` on PATH, /usr/bin/chromium)
  CASEBOOK_CHROMEDRIVER   its chromedriver (default: `chromedriver` on PATH, /usr/bin/chromedriver)
                          scripts/test installs Debian's chromium + chromium-driver and sets both.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import shutil
import time
import urllib.parse
from typing import Any, Callable, Dict, Optional, Sequence, TypeVar

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

T = TypeVar("T")

VIEWPORT = (1280, 900)
WAIT_S = 10  # page loads, form submits, and live updates (presence, timeline) alike
API_TIMEOUT_S = 30
IGNORED = (NoSuchElementException, StaleElementReferenceException)

# Selenium never needs Selenium Manager here (driver and browser paths are given), but make
# sure that nothing phones home if some code path reaches it.
os.environ.setdefault("SE_AVOID_STATS", "true")


# --------------------------------------------------------------------------- REST setup


class Api:
    """The admin's /api/v2 client for setting up users and tickets (HTTP Basic token auth)."""

    def __init__(self, base_url: str, auth):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = auth

    def call(self, method: str, path: str, expect: Sequence[int] = (200, 201), **kwargs) -> Dict[str, Any]:
        url = self.base_url + path
        for _ in range(5):
            r = self.session.request(method, url, timeout=API_TIMEOUT_S, **kwargs)
            if r.status_code != 429:  # the token is shared with the zenpy suite: wait the limit out
                break
            time.sleep(min(float(r.headers.get("Retry-After", "1") or 1), 60))
        assert r.status_code in expect, (
            f"setup call {method} {path} answered {r.status_code}, expected {list(expect)}: {r.text[:500]}")
        return r.json() if r.content else {}

    def get(self, path: str, **kwargs) -> Dict[str, Any]:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, body: Dict[str, Any], **kwargs) -> Dict[str, Any]:
        return self.call("POST", path, json=body, **kwargs)

    def put(self, path: str, body: Dict[str, Any], **kwargs) -> Dict[str, Any]:
        return self.call("PUT", path, json=body, **kwargs)

    # -- the records the tests need

    def create_organization(self, name: str) -> int:
        return self.post("/api/v2/organizations", {"organization": {"name": name}})["organization"]["id"]

    def create_user(self, name: str, email: str, role: str, organization_id: Optional[int] = None) -> int:
        user: Dict[str, Any] = {"name": name, "email": email, "role": role}
        if organization_id is not None:
            user["organization_id"] = organization_id
        return self.post("/api/v2/users", {"user": user})["user"]["id"]

    def set_password(self, user_id: int, password: str) -> None:
        self.post(f"/api/v2/users/{user_id}/password", {"password": password}, expect=(200, 201, 204))

    def create_ticket(self, subject: str, body: str, requester_id: int, **fields) -> int:
        ticket = {"subject": subject, "comment": {"body": body}, "requester_id": requester_id, **fields}
        return self.post("/api/v2/tickets", {"ticket": ticket})["ticket"]["id"]

    def comment(self, ticket_id: int, body: str, public: bool) -> None:
        self.put(f"/api/v2/tickets/{ticket_id}", {"ticket": {"comment": {"body": body, "public": public}}})

    def ticket(self, ticket_id: int) -> Dict[str, Any]:
        return self.get(f"/api/v2/tickets/{ticket_id}")["ticket"]


@dataclasses.dataclass(frozen=True)
class Person:
    id: int
    name: str
    email: str
    password: str


# --------------------------------------------------------------------------- the browser


def _binary(env_name: str, names: Sequence[str], fallback: str) -> Optional[str]:
    """The path from env_name (which must then exist), else the first of names on PATH,
    else fallback when it exists; None when nothing is found."""
    configured = os.environ.get(env_name)
    if configured:
        if not os.access(configured, os.X_OK):
            pytest.fail(f"{env_name}={configured!r} is not an executable file", pytrace=False)
        return configured
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return fallback if os.access(fallback, os.X_OK) else None


def chromium_paths() -> tuple:
    """(chromium, chromedriver); skips the test when either is missing and was not configured."""
    browser = _binary("CASEBOOK_CHROMIUM", ["chromium", "chromium-browser"], "/usr/bin/chromium")
    driver = _binary("CASEBOOK_CHROMEDRIVER", ["chromedriver"], "/usr/bin/chromedriver")
    if not browser or not driver:
        pytest.skip("Chromium or chromedriver not found (scripts/test installs Debian's chromium and "
                    "chromium-driver; or set CASEBOOK_CHROMIUM / CASEBOOK_CHROMEDRIVER)")
    return browser, driver


def start_chromium() -> WebDriver:
    """A fresh headless Chromium (own profile, so own cookies) with a 1280x900 viewport."""
    browser, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}", "--lang=en-US",
                "--disable-search-engine-choice-screen", "--no-first-run"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        # No password manager: no "save password" or "password found in a breach" checks.
        "credentials_enable_service": False,
        "profile.password_manager_enabled": False,
        "profile.password_manager_leak_detection": False,
        "intl.accept_languages": "en-US,en",
    })
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    # --window-size sizes the window; make the page's viewport itself 1280x900.
    dw, dh = driver.execute_script("return [outerWidth - innerWidth, outerHeight - innerHeight]")
    if dw or dh:
        driver.set_window_size(VIEWPORT[0] + dw, VIEWPORT[1] + dh)
    return driver


# --------------------------------------------------------------------------- waiting, with messages


def describe_page(driver: WebDriver, limit: int = 800) -> str:
    """Where the browser is and what it shows, for failure messages."""
    try:
        text = driver.find_element(By.TAG_NAME, "body").text
    except Exception:  # the page may be mid-navigation
        text = "<no body>"
    flashes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".flash")]
    text = text if len(text) <= limit else text[:limit] + " …"
    return (f"\n  at {driver.current_url} (title {driver.title!r})"
            + (f"\n  flash messages: {flashes}" if flashes else "")
            + f"\n  page text: {text!r}")


def _tolerant(condition: Callable[[WebDriver], T]) -> Callable[[WebDriver], T]:
    """Treats chromedriver's "node does not belong to the document" (an element replaced while
    being read, raised as a generic error instead of a stale element) as "not yet"."""
    def check(driver):
        try:
            return condition(driver)
        except WebDriverException as e:
            if "does not belong to the document" in str(e) or "unhandled inspector error" in str(e):
                return False
            raise
    return check


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], T], what: str,
             timeout: float = WAIT_S, poll: float = 0.1) -> T:
    """WebDriverWait(...).until(condition), failing with `what` and the page's state."""
    try:
        return WebDriverWait(driver, timeout, poll_frequency=poll,
                             ignored_exceptions=IGNORED).until(_tolerant(condition))
    except TimeoutException:
        pass  # failing outside the handler keeps selenium's empty TimeoutException out of the report
    pytest.fail(f"timed out after {timeout} s waiting for {what}{describe_page(driver)}", pytrace=False)


def element(driver: WebDriver, css: str, what: Optional[str] = None, timeout: float = WAIT_S) -> WebElement:
    """The first element matching css, waiting for it to be in the page."""
    return wait_for(driver, EC.presence_of_element_located((By.CSS_SELECTOR, css)),
                    what or f"an element matching {css!r}", timeout)


def visible_text_in(driver: WebDriver, css: str, text: str, what: Optional[str] = None,
                    timeout: float = WAIT_S) -> WebElement:
    """Waits for an element matching css whose visible text contains `text`; returns it."""
    def found(d):
        for e in d.find_elements(By.CSS_SELECTOR, css):
            if text in e.text:
                return e
        return False
    return wait_for(driver, found, what or f"{text!r} in an element matching {css!r}", timeout)


def path_of(driver: WebDriver) -> str:
    return urllib.parse.urlsplit(driver.current_url).path


def wait_for_path(driver: WebDriver, predicate: Callable[[str], bool], what: str) -> str:
    wait_for(driver, lambda d: predicate(path_of(d)), what)
    return path_of(driver)


def _page_loaded(driver: WebDriver) -> bool:
    return driver.execute_script("return document.readyState") == "complete"


def open_page(driver: WebDriver, base_url: str, path: str) -> None:
    driver.get(base_url + path)
    wait_for(driver, _page_loaded, f"{path} to load")


def click(driver: WebDriver, el: WebElement) -> None:
    """Clicks like a user; for a control styled out of view (a radio drawn as a tab), clicks
    its label, else dispatches the click from script."""
    try:
        el.click()
        return
    except (ElementNotInteractableException, ElementClickInterceptedException):
        pass
    element_id = el.get_attribute("id")
    labels = driver.find_elements(By.CSS_SELECTOR, f'label[for="{element_id}"]') if element_id else []
    for label in labels:
        if label.is_displayed():
            label.click()
            return
    driver.execute_script("arguments[0].click()", el)


def click_and_wait_for_new_page(driver: WebDriver, el: WebElement, what: str) -> None:
    """Clicks something that loads a new page (a submit button, a link) and waits until the new
    page has loaded. The old page is marked with a script variable that a new page lacks
    (sturdier than waiting for an old element to go stale, which chromedriver may answer with
    an error while the page is being swapped)."""
    mark = secrets.token_hex(8)
    driver.execute_script("window.casebookOldPage = arguments[0]", mark)
    click(driver, el)

    def new_page_loaded(d):
        try:
            return d.execute_script(
                "return window.casebookOldPage !== arguments[0] && document.readyState === 'complete'", mark)
        except WebDriverException:  # no document to run in while navigating
            return False

    wait_for(driver, new_page_loaded, f"a new page after {what}")


def submit_form(driver: WebDriver, form_css: str, what: Optional[str] = None) -> None:
    """Clicks the submit button of the form matching form_css and waits for the answer page."""
    form = element(driver, form_css)
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
    assert buttons, f"{form_css} has no submit button{describe_page(driver)}"
    click_and_wait_for_new_page(driver, buttons[0], what or f"submitting {form_css}")


def fill(driver: WebDriver, css: str, value: str) -> WebElement:
    field = element(driver, css)
    field.clear()
    if value:
        field.send_keys(value)
    return field


def flash_errors(driver: WebDriver) -> list:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".flash-error")]


def requests_session_of(driver: WebDriver) -> requests.Session:
    """A requests session carrying the browser's cookies, to read status codes selenium hides."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    return session


# --------------------------------------------------------------------------- the pages


def sign_in(driver: WebDriver, base_url: str, email: str, password: str) -> str:
    """Signs in at /sign-in and returns the path the browser lands on."""
    open_page(driver, base_url, "/sign-in")
    form = element(driver, "form#sign-in-form", "the sign-in form (form#sign-in-form)")
    form.find_element(By.NAME, "email").send_keys(email)
    form.find_element(By.NAME, "password").send_keys(password)
    submit_form(driver, "form#sign-in-form", f"signing in as {email}")
    errors = flash_errors(driver)
    assert not errors, f"signing in as {email} failed: {errors}{describe_page(driver)}"
    return wait_for_path(driver, lambda p: p != "/sign-in", f"{email} to leave /sign-in")


def ticket_form(driver: WebDriver) -> WebElement:
    return element(driver, "form#ticket-form", "the ticket form (form#ticket-form)")


def choose_mode(driver: WebDriver, mode: str) -> None:
    """Picks the composer mode: reply, note or call."""
    radio = element(driver, f'form#ticket-form input[name=mode][value="{mode}"]',
                    f"the composer mode radio input[name=mode][value={mode}]")
    if not radio.is_selected():
        click(driver, radio)
    wait_for(driver, lambda d: radio.is_selected(), f"composer mode {mode!r} to be selected")


def select_value(driver: WebDriver, name: str, value: str) -> None:
    Select(element(driver, f"form#ticket-form select[name={name}]")).select_by_value(value)


def selected_text(driver: WebDriver, name: str) -> str:
    return Select(element(driver, f"form#ticket-form select[name={name}]")).first_selected_option.text.strip()


def selected_value(driver: WebDriver, name: str) -> str:
    return Select(element(driver, f"form#ticket-form select[name={name}]")).first_selected_option.get_attribute("value")


def write_body(driver: WebDriver, text: str) -> WebElement:
    return fill(driver, "form#ticket-form textarea[name=body]", text)


def submit_ticket_form(driver: WebDriver, what: str, client_validation: bool = True) -> None:
    """Clicks button#submit-update and waits for the answer page.

    client_validation=False sets the form's noValidate, so that what the *server* says about
    an invalid update is tested even if the page also marks fields `required`.
    """
    form = ticket_form(driver)
    if not client_validation:
        driver.execute_script("arguments[0].noValidate = true", form)
    button = element(driver, "button#submit-update", "the Submit button (button#submit-update)")
    click_and_wait_for_new_page(driver, button, what)


def log_call(driver: WebDriver, direction: str, from_number: str, to_number: str,
             minutes: str, summary: str, client_validation: bool = True) -> None:
    choose_mode(driver, "call")
    Select(element(driver, "form#ticket-form select[name=call_direction]")).select_by_value(direction)
    fill(driver, "form#ticket-form input[name=call_from]", from_number)
    fill(driver, "form#ticket-form input[name=call_to]", to_number)
    fill(driver, "form#ticket-form input[name=call_duration]", minutes)
    write_body(driver, summary)
    submit_ticket_form(driver, f"logging a call {summary!r}", client_validation=client_validation)


def timeline_entry(driver: WebDriver, kind: str, text: str, timeout: float = WAIT_S) -> WebElement:
    """Waits for li.timeline-entry.<kind> in ol#timeline whose text contains `text`."""
    return visible_text_in(driver, f"ol#timeline li.timeline-entry.{kind}", text,
                           f"a {kind} entry with {text!r} in ol#timeline", timeout)


def view_count(driver: WebDriver, key: str) -> int:
    """The number shown for view `key` in nav#views."""
    span = element(driver, f'nav#views span.count[data-count-for="{key}"]',
                   f"the count of view {key!r} in nav#views")
    text = span.text.strip()
    assert text.isdigit(), f"count of view {key!r} is {text!r}, not a number{describe_page(driver)}"
    return int(text)


def find_ticket_row(driver: WebDriver, ticket_id: int, max_pages: int = 30) -> WebElement:
    """The row of ticket_id in the ticket list on screen, following a[rel=next] as needed."""
    for _ in range(max_pages):
        element(driver, "table#ticket-list", "the ticket list (table#ticket-list)")
        rows = driver.find_elements(By.CSS_SELECTOR, f'table#ticket-list tr[data-ticket-id="{ticket_id}"]')
        if rows:
            return rows[0]
        following = driver.find_elements(By.CSS_SELECTOR, "a[rel=next]")
        if not following:
            break
        click_and_wait_for_new_page(driver, following[0], "following a[rel=next]")
    pytest.fail(f"ticket {ticket_id} is not in the list{describe_page(driver)}", pytrace=False)
