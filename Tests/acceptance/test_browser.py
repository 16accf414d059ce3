# Acceptance: the web UI in a real browser (headless Chromium through Selenium and Debian's chromedriver),
# against a real `casebook serve` on SQLite and on PostgreSQL (conftest's `casebook` fixture).
#
# Written against the web UI contract (URLs, form field names, element ids); the parts used here:
#   /sign-in            form#sign-in-form: input[name=email], input[name=password], submit. Staff land on /agent
#                       (-> /agent/views/mine), end-users on /portal. Signed in: span#signed-in-as, form#sign-out.
#   /agent/views/KEY    nav#views a.view-link[data-view=KEY] with span.count[data-count-for=KEY];
#                       table#ticket-list tr[data-ticket-id=ID] a.ticket-link; paging a[rel=next].
#   /agent/tickets/ID   h1#ticket-subject, section#requester-card, ol#timeline li.timeline-entry.{comment-public,
#                       comment-internal, call, event}, div#presence, div#live-notice, form#ticket-form (select[name=
#                       status|priority|type|group_id|assignee_id], input[name=tags], input[name=mode][value=reply|
#                       note|call], textarea[name=body], select[name=call_direction], input[name=call_from|call_to|
#                       call_duration], button#submit-update); 422 + .flash-error "A call summary is required";
#                       409 + div#changed-meanwhile + button#send-anyway when the ticket changed meanwhile.
#   /portal             table#request-list tr[data-request-id=ID] a.request-link, a#new-request
#   /portal/requests/new form#new-request-form: input[name=subject], textarea[name=body] -> /portal/requests/ID
#   /portal/requests/ID h1#request-subject, ol#conversation li.message (public comments only)
#   An end-user on /agent/... gets 403; another customer's request 404.
#   POST /api/v2/users/{id}/password {"password"} (admin token) sets a password.
#
# Beyond the letter of the contract, these tests also expect:
#   - a timeline entry shows its author's name; a call entry shows the caller's number (call_from);
#   - changing the assignee adds an li.event entry naming the new assignee;
#   - submitting the ticket form with an empty body and mode "reply" only applies the field changes;
#   - the live refresh of the timeline does not reload the page and leaves the form's hidden seen_audit as it was
#     at page load, so a reply sent from that form afterwards still answers 409 (div#changed-meanwhile);
#   - div#presence shows the other agent's name with "Also viewing" / "is typing" (typing = input events in
#     their textarea[name=body], shown within 10 s while they keep typing);
#   - the 403 and 404 pages say so in words ("forbidden"/"no access"/"not allowed"/"permission", "not found");
#   - a dozen successful sign-ins a minute from 127.0.0.1 are not throttled.
#
# Screenshots (test_screenshots_of_the_main_pages, demo data, SQLite only) are always taken into pytest's tmp
# dir; with CASEBOOK_SCREENSHOTS=1 they are also copied to docs/screenshots/ (sign-in, view, ticket, portal,
# portal-request .png, 1280x900).
#
# When a test fails, every browser it opened leaves a screenshot and its page source in a temp folder
# named in the test's output (or CASEBOOK_BROWSER_ARTIFACTS, when set).

from __future__ import annotations

import dataclasses
import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Dict, List

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from webui import (
    Api,
    Person,
    choose_mode,
    click_and_wait_for_new_page,
    describe_page,
    element,
    fill,
    find_ticket_row,
    flash_errors,
    log_call,
    open_page,
    path_of,
    requests_session_of,
    select_value,
    selected_text,
    selected_value,
    sign_in,
    start_chromium,
    submit_form,
    submit_ticket_form,
    timeline_entry,
    view_count,
    visible_text_in,
    wait_for,
    write_body,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "docs" / "screenshots"
BUILT_IN_VIEWS = ("mine", "unassigned", "urgent", "recent", "solved-week")
LIVE_WAIT_S = 10  # how long a change may take to reach another agent's open page

# The demo stories' people and ticket used for the screenshots (Sources/CasebookServer/Demo/DemoStories.swift).
DEMO_AGENT = "morgan.avery@brightbeam.example"
DEMO_CUSTOMER = "gordon.blake@northwind.example"
DEMO_TICKET = "demo-urgent-1"  # Gordon Blake's urgent sync failure: replies, notes and calls


def strong_password() -> str:
    """12+ characters of upper- and lower-case letters and digits, different every time."""
    return f"Kb{secrets.token_hex(8)}Q7x"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def new_browser(request) -> Callable[[], WebDriver]:
    """Starts headless Chromium browsers (each with its own cookies) and quits them after the test;
    if the test failed, first saves each one's screenshot and page source."""
    started: List[WebDriver] = []

    def start() -> WebDriver:
        driver = start_chromium()
        started.append(driver)
        return driver

    yield start

    failed = any(getattr(getattr(request.node, f"rep_{when}", None), "failed", False) for when in ("setup", "call"))
    folder = None
    for index, driver in enumerate(started, start=1):
        try:
            if failed:
                if folder is None:
                    folder = Path(os.environ.get("CASEBOOK_BROWSER_ARTIFACTS") or
                                  tempfile.mkdtemp(prefix="casebook-browser-"))
                    folder.mkdir(parents=True, exist_ok=True)
                stem = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.name)}-browser{index}"
                driver.save_screenshot(str(stem) + ".png")
                Path(str(stem) + ".html").write_text(driver.page_source)
                print(f"browser {index} was at {driver.current_url}; screenshot and source: {stem}.png/.html")
        except Exception as e:  # never hide the test's own failure
            print(f"could not save browser {index}'s state: {e!r}")
        finally:
            driver.quit()


@pytest.fixture(scope="session")
def api(casebook) -> Api:
    return Api(casebook.base_url, casebook.auth)


@dataclasses.dataclass(frozen=True)
class People:
    agent: Person
    agent2: Person
    customer_a: Person  # of organization_a
    customer_b: Person  # of organization_b
    organization_a: str
    organization_b: str


@pytest.fixture(scope="session")
def people(api: Api) -> People:
    """Two agents and two end-users of two different organizations, all with passwords (per backend)."""
    tag = secrets.token_hex(3)
    org_a, org_b = f"Acme Rockets {tag}", f"Globex Shipping {tag}"
    org_a_id, org_b_id = api.create_organization(org_a), api.create_organization(org_b)

    def person(name: str, local: str, role: str, organization_id=None) -> Person:
        email = f"{local}.{tag}@browser.example"
        user_id = api.create_user(name, email, role, organization_id)
        password = strong_password()
        api.set_password(user_id, password)
        return Person(user_id, name, email, password)

    return People(
        agent=person("Alice Agent", "alice", "agent"),
        agent2=person("Bruno Backup", "bruno", "agent"),
        customer_a=person("Carol Customer", "carol", "end-user", org_a_id),
        customer_b=person("Dmitri Other", "dmitri", "end-user", org_b_id),
        organization_a=org_a,
        organization_b=org_b,
    )


# --------------------------------------------------------------------------- a. the agent workspace


def test_agent_works_a_ticket_from_the_unassigned_view(casebook, api, people, new_browser):
    base, agent, other, customer = casebook.base_url, people.agent, people.agent2, people.customer_a
    tag = secrets.token_hex(3)
    subject = f"Printer jams on page two {tag}"
    ticket_id = api.create_ticket(subject, "Every second page comes out crumpled.", customer.id)

    driver = new_browser()
    landed = sign_in(driver, base, agent.email, agent.password)
    assert landed.startswith("/agent"), f"an agent should land in the workspace, not {landed}"
    assert element(driver, "span#signed-in-as").text.strip() == agent.name

    # The views, each with its count.
    for key in BUILT_IN_VIEWS:
        view_count(driver, key)
    link = element(driver, 'nav#views a.view-link[data-view="unassigned"]', "the Unassigned link in nav#views")
    assert link.get_attribute("href").endswith("/agent/views/unassigned"), link.get_attribute("href")
    click_and_wait_for_new_page(driver, link, "opening the unassigned view")
    assert path_of(driver) == "/agent/views/unassigned"
    unassigned_before = view_count(driver, "unassigned")
    assert unassigned_before >= 1, "a new unassigned ticket exists, so the count cannot be 0"

    row = find_ticket_row(driver, ticket_id)
    ticket_link = row.find_element(By.CSS_SELECTOR, "a.ticket-link")
    assert subject in ticket_link.text
    click_and_wait_for_new_page(driver, ticket_link, "opening the ticket from the view")
    assert path_of(driver) == f"/agent/tickets/{ticket_id}"
    assert element(driver, "h1#ticket-subject").text.strip() == subject
    card = element(driver, "section#requester-card").text
    for expected in (customer.name, customer.email, people.organization_a):
        assert expected in card, f"requester card lacks {expected!r}: {card!r}"

    # A public reply, raising the priority in the same update.
    reply = f"Could you send us a photo of the jammed page? {tag}"
    choose_mode(driver, "reply")
    select_value(driver, "priority", "high")
    write_body(driver, reply)
    submit_ticket_form(driver, "sending a public reply")
    assert path_of(driver) == f"/agent/tickets/{ticket_id}"
    entry = timeline_entry(driver, "comment-public", reply)
    assert agent.name in entry.text, f"the reply should name its author: {entry.text!r}"
    assert selected_value(driver, "priority") == "high", "the side panel should show the new priority"

    # An internal note, adding tags.
    note = f"Same model jammed at another customer last month. {tag}"
    choose_mode(driver, "note")
    fill(driver, "form#ticket-form input[name=tags]", "printer hardware")
    write_body(driver, note)
    submit_ticket_form(driver, "adding an internal note")
    entry = timeline_entry(driver, "comment-internal", note)
    assert "Internal note" in entry.text, f"an internal note is labelled so: {entry.text!r}"
    tags = set(element(driver, "form#ticket-form input[name=tags]").get_attribute("value").split())
    assert {"printer", "hardware"} <= tags, f"the side panel should show the tags, has {tags}"

    # A call, setting the ticket type.
    summary = f"Walked the customer through clearing the rollers. {tag}"
    select_value(driver, "type", "incident")
    log_call(driver, "inbound", "+12025550188", "+18005550142", "7", summary)
    entry = timeline_entry(driver, "call", summary)
    assert "Call" in entry.text and "+12025550188" in entry.text, f"a call entry: {entry.text!r}"
    assert selected_value(driver, "type") == "incident", "the side panel should show the new type"

    # The assignee, alone.
    choose_mode(driver, "reply")
    select_value(driver, "assignee_id", str(other.id))
    write_body(driver, "")
    submit_ticket_form(driver, "changing the assignee")
    assert selected_text(driver, "assignee_id") == other.name, "the side panel should show the new assignee"
    timeline_entry(driver, "event", other.name)
    assert api.ticket(ticket_id)["assignee_id"] == other.id

    # Assigned now: the unassigned view has one ticket fewer.
    open_page(driver, base, "/agent/views/unassigned")
    assert view_count(driver, "unassigned") == unassigned_before - 1

    # A call without a summary is refused by the server, and nothing is logged.
    open_page(driver, base, f"/agent/tickets/{ticket_id}")
    calls_before = len(driver.find_elements(By.CSS_SELECTOR, "ol#timeline li.timeline-entry.call"))
    log_call(driver, "outbound", "+18005550142", "+12025550188", "2", "", client_validation=False)
    wait_for(driver, lambda d: any("call summary is required" in e.lower() for e in flash_errors(d)),
             'the .flash-error "A call summary is required"')
    calls_after = len(driver.find_elements(By.CSS_SELECTOR, "ol#timeline li.timeline-entry.call"))
    assert calls_after == calls_before, f"a refused call must not be logged ({calls_before} -> {calls_after})"


# --------------------------------------------------------------------------- b. two agents, live


def test_two_agents_on_one_ticket_see_each_other_live(casebook, api, people, new_browser):
    base, one_agent, two_agent = casebook.base_url, people.agent, people.agent2
    tag = secrets.token_hex(3)
    ticket_id = api.create_ticket(f"Shared calendar lost its colours {tag}",
                                  "All events show in grey since this morning.", people.customer_a.id)
    page = f"/agent/tickets/{ticket_id}"

    one, two = new_browser(), new_browser()
    sign_in(one, base, one_agent.email, one_agent.password)
    sign_in(two, base, two_agent.email, two_agent.password)
    open_page(one, base, page)
    open_page(two, base, page)
    # Survives only as long as the page does: tells a live update from a reload.
    one.execute_script("window.casebookNotReloaded = true")

    # Each sees the other.
    for viewer, seen in ((one, two_agent), (two, one_agent)):
        wait_for(viewer, lambda d: _presence_shows(d, seen.name, "Also viewing"),
                 f'div#presence to say "Also viewing" {seen.name}', timeout=LIVE_WAIT_S)

    # Agent 2 types; agent 1 sees it (typing goes on while waiting, as a typing person's would).
    choose_mode(two, "reply")
    textarea = element(two, "form#ticket-form textarea[name=body]")

    def typing_shown(_):
        textarea.send_keys("x")
        return _presence_shows(one, two_agent.name, "is typing")

    wait_for(one, typing_shown, f'div#presence to say "{two_agent.name} is typing"', timeout=LIVE_WAIT_S, poll=0.3)

    # Agent 2 replies; agent 1's page shows it without a reload.
    reply2 = f"Resetting the calendar's colour profile fixes this. {tag}"
    write_body(two, reply2)
    submit_ticket_form(two, "agent 2's reply")
    timeline_entry(two, "comment-public", reply2)
    timeline_entry(one, "comment-public", reply2, timeout=LIVE_WAIT_S)
    visible_text_in(one, "div#live-notice", two_agent.name, f"div#live-notice naming {two_agent.name}")
    assert one.execute_script("return window.casebookNotReloaded === true"), \
        "agent 1's page was reloaded; the timeline should update in place"

    # Agent 1 replies from the form loaded before agent 2's reply: the server asks first.
    reply1 = f"I will call them to walk through the reset. {tag}"
    choose_mode(one, "reply")
    write_body(one, reply1)
    submit_ticket_form(one, "agent 1's reply from the stale form")
    changed = element(one, "div#changed-meanwhile", "div#changed-meanwhile (the ticket changed since it was loaded)")
    assert changed.text.strip(), "div#changed-meanwhile should list what changed"
    draft = element(one, "form#ticket-form textarea[name=body]").get_attribute("value")
    assert draft == reply1, f"the draft should be kept, the textarea has {draft!r}"
    assert reply1 not in _comment_bodies(api, ticket_id), "nothing is sent before 'Send anyway'"

    click_and_wait_for_new_page(one, element(one, "button#send-anyway"), "clicking Send anyway")
    timeline_entry(one, "comment-public", reply1)
    assert not one.find_elements(By.CSS_SELECTOR, "div#changed-meanwhile"), \
        f"no conflict after sending anyway{describe_page(one)}"
    bodies = _comment_bodies(api, ticket_id)
    assert bodies.count(reply1) == 1 and reply2 in bodies, bodies


def _presence_shows(driver: WebDriver, name: str, words: str) -> bool:
    text = driver.find_element(By.CSS_SELECTOR, "div#presence").text
    return name in text and words.lower() in text.lower()


def _comment_bodies(api: Api, ticket_id: int) -> List[str]:
    return [c["body"] for c in api.get(f"/api/v2/tickets/{ticket_id}/comments")["comments"]]


# --------------------------------------------------------------------------- c. the customer portal


def test_customer_portal_shows_only_own_public_conversation(casebook, api, people, new_browser):
    base, customer, stranger = casebook.base_url, people.customer_a, people.customer_b
    tag = secrets.token_hex(4)
    secret = f"SECRET-NOTE-{tag}"
    answer = f"A corrected invoice is on its way. {tag}"
    invoice_subject = f"Invoice shows the wrong address {tag}"
    invoice_id = api.create_ticket(invoice_subject, "Our address changed in May.", customer.id)
    api.comment(invoice_id, answer, public=True)
    api.comment(invoice_id, f"{secret}: the customer owes us two invoices, do not mention it.", public=False)
    strangers_subject = f"Globex pallet count {tag}"
    strangers_id = api.create_ticket(strangers_subject, "Three pallets arrived, we ordered four.", stranger.id)

    driver = new_browser()
    landed = sign_in(driver, base, customer.email, customer.password)
    assert landed == "/portal", f"an end-user should land on /portal, not {landed}"
    assert "Your requests" in element(driver, "main h1").text

    # A new request through the form.
    subject, body = f"Cannot download my receipt {tag}", f"The download link gives an error page. {tag}"
    click_and_wait_for_new_page(driver, element(driver, "a#new-request"), "clicking a#new-request")
    assert path_of(driver) == "/portal/requests/new"
    fill(driver, "form#new-request-form input[name=subject]", subject)
    fill(driver, "form#new-request-form textarea[name=body]", body)
    submit_form(driver, "form#new-request-form", "submitting a new request")
    match = re.fullmatch(r"/portal/requests/(\d+)", path_of(driver))
    assert match, f"a new request should redirect to /portal/requests/ID{describe_page(driver)}"
    new_id = int(match.group(1))
    assert element(driver, "h1#request-subject").text.strip() == subject
    visible_text_in(driver, "ol#conversation li.message", body)
    assert api.ticket(new_id)["requester_id"] == customer.id

    # The list: both own requests, not the other customer's.
    open_page(driver, base, "/portal")
    for request_id, request_subject in ((new_id, subject), (invoice_id, invoice_subject)):
        link = element(driver, f'table#request-list tr[data-request-id="{request_id}"] a.request-link',
                       f"request {request_id} in table#request-list")
        assert request_subject in link.text
    assert not driver.find_elements(By.CSS_SELECTOR, f'tr[data-request-id="{strangers_id}"]')
    assert strangers_subject not in driver.page_source
    assert secret not in driver.page_source

    # The request with an internal note: the public answer shows, the note never does.
    link = element(driver, f'tr[data-request-id="{invoice_id}"] a.request-link')
    click_and_wait_for_new_page(driver, link, "opening the invoice request")
    assert path_of(driver) == f"/portal/requests/{invoice_id}"
    visible_text_in(driver, "ol#conversation li.message", answer)
    assert secret not in driver.page_source, "an internal note leaked into the customer's page"

    # The agent workspace is closed to customers: 403, said in words.
    session = requests_session_of(driver)
    for path in ("/agent/views/mine", f"/agent/tickets/{invoice_id}"):
        status = session.get(base + path, allow_redirects=False, timeout=30).status_code
        assert status == 403, f"an end-user on {path} should get 403, got {status}"
    open_page(driver, base, "/agent/views/mine")
    _assert_page_says(driver, ("forbidden", "no access", "not allowed", "permission"))

    # Another customer's request does not exist for this one.
    path = f"/portal/requests/{strangers_id}"
    status = session.get(base + path, allow_redirects=False, timeout=30).status_code
    assert status == 404, f"another customer's request should answer 404, got {status}"
    open_page(driver, base, path)
    _assert_page_says(driver, ("not found",))
    assert strangers_subject not in driver.page_source


def _assert_page_says(driver: WebDriver, phrases) -> None:
    text = (driver.title + "\n" + driver.find_element(By.TAG_NAME, "body").text).lower()
    assert any(p in text for p in phrases), f"the page should say one of {list(phrases)}{describe_page(driver)}"


# --------------------------------------------------------------------------- d. screenshots


def test_screenshots_of_the_main_pages(casebook_demo, new_browser, tmp_path):
    """Pictures of the main pages with the demo stories (SQLite only, 1280x900); they are also a
    check that every main page renders real data."""
    base = casebook_demo.base_url
    api = Api(base, casebook_demo.auth)
    users = {u["email"]: u for u in api.get("/api/v2/users?per_page=100")["users"]}
    tickets = {t.get("external_id"): t for t in api.get("/api/v2/tickets?per_page=100")["tickets"]}
    assert DEMO_AGENT in users and DEMO_CUSTOMER in users and DEMO_TICKET in tickets, \
        "`casebook serve --demo` did not load the demo stories"
    passwords: Dict[str, str] = {}
    for email in (DEMO_AGENT, DEMO_CUSTOMER):
        passwords[email] = strong_password()
        api.set_password(users[email]["id"], passwords[email])
    ticket_id = tickets[DEMO_TICKET]["id"]

    driver = new_browser()
    shots: List[Path] = []

    def shoot(name: str) -> None:
        driver.execute_script(
            "window.scrollTo(0, 0);"
            "if (document.activeElement) document.activeElement.blur();"
            "const s = document.createElement('style');"
            "s.textContent = '*, *::before, *::after { caret-color: transparent !important;"
            " animation: none !important; transition: none !important; }';"
            "document.head.appendChild(s);")
        path = tmp_path / f"{name}.png"
        assert driver.save_screenshot(str(path)), f"could not take the {name} screenshot"
        shots.append(path)

    open_page(driver, base, "/sign-in")
    element(driver, "form#sign-in-form")
    shoot("sign-in")

    sign_in(driver, base, DEMO_AGENT, passwords[DEMO_AGENT])
    open_page(driver, base, "/agent/views/recent")
    element(driver, "table#ticket-list tr[data-ticket-id]", "tickets in the Recently updated view")
    shoot("view")

    open_page(driver, base, f"/agent/tickets/{ticket_id}")
    element(driver, "ol#timeline li.timeline-entry", "the demo ticket's timeline")
    shoot("ticket")

    # The backorder story's shop: Rex's ticket shows his order; the order page, the queue board, the receipts.
    open_page(driver, base, f"/agent/tickets/{tickets['demo-backorder-rex']['id']}")
    link = element(driver, "ul#requester-orders a", "Rex's order on his ticket's requester card")
    click_and_wait_for_new_page(driver, link, "the order page")
    lines = element(driver, "table#order-lines", "the order's lines").text
    assert "BT-BLACK" in lines, f"Rex ordered black tags{describe_page(driver)}"
    assert "12 × BT-PINK" in element(driver, "ul#order-shipments").text, f"and got pink ones{describe_page(driver)}"
    shoot("order")
    open_page(driver, base, "/agent/backorders/BT-BLACK")
    element(driver, "ol#backorder-board li.queue-entry", "customers waiting for black tags")
    shoot("backorder-board")
    open_page(driver, base, "/agent/receipts")
    element(driver, "form.inspection", "the delivery waiting for inspection (Morgan is a lead)")
    shoot("receipts")

    submit_form(driver, "form#sign-out", "signing out")
    assert path_of(driver) == "/sign-in", f"signing out should lead to /sign-in{describe_page(driver)}"

    assert sign_in(driver, base, DEMO_CUSTOMER, passwords[DEMO_CUSTOMER]) == "/portal"
    element(driver, f'table#request-list tr[data-request-id="{ticket_id}"]', "the demo request in the portal list")
    shoot("portal")

    open_page(driver, base, f"/portal/requests/{ticket_id}")
    element(driver, "ol#conversation li.message", "the demo request's conversation")
    shoot("portal-request")

    if os.environ.get("CASEBOOK_SCREENSHOTS") == "1":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        for shot in shots:
            shutil.copyfile(shot, SCREENSHOT_DIR / shot.name)
        print(f"screenshots written to {SCREENSHOT_DIR}: {', '.join(s.name for s in shots)}")
