"""The CSAT link in a real browser, on SQLite and PostgreSQL.

An agent solves a customer's request; the survey email goes out through a real SMTP server on loopback (aiosmtpd).
The customer opens its "bad" link in Chromium without signing in, adds a comment and a reason and sends it; the
rating is on the ticket, and the lead of the ticket's group sees the notification in the workspace.
"""

from __future__ import annotations

import re
import secrets
import time

import pytest
from selenium.webdriver.support.ui import Select

from conftest import _free_port, _running_server
from test_browser import strong_password
from test_mail import SMTPPeer
from webui import Api, element, fill, flash_errors, open_page, sign_in, start_chromium, submit_form, visible_text_in


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def survey_stack(request):
    port = _free_port()
    peer = SMTPPeer(port)
    peer.start()
    env = {"SMTP_URL": f"smtp://127.0.0.1:{port}?starttls=never", "CASEBOOK_MAIL_RETRY_SECONDS": "1"}
    try:
        with _running_server(request, request.param, label=f"{request.param}-csat", extra_env=env) as server:
            yield server, peer
    finally:
        peer.stop()


def _wait_for_subject(peer, address: str, text: str, timeout: float = 20.0) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in peer.recorder.to(address) if text in str(m["Subject"])]
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"no mail to {address} with {text!r}: {[str(m['Subject']) for m in peer.recorder.to(address)]}")


def _text_of(message) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


def test_a_bad_rating_from_the_email_link_reaches_the_groups_lead(survey_stack):
    server, peer = survey_stack
    api = Api(server.base_url, server.auth)
    tag = secrets.token_hex(3)
    customer_email = f"nadia.{tag}@csat.example"
    customer = api.create_user(f"Nadia {tag}", customer_email, "end-user")
    agent = api.create_user(f"Owen {tag}", f"owen.{tag}@csat.example", "agent")
    lead = api.create_user(f"Lara {tag}", f"lara.{tag}@csat.example", "lead")
    lead_password = strong_password()
    api.set_password(lead, lead_password)
    group = api.post("/api/v2/groups", {"group": {"name": f"Kettles {tag}"}})["group"]["id"]
    for member in (agent, lead):
        api.post("/api/v2/group_memberships", {"group_membership": {"user_id": member, "group_id": group}})
    ticket = api.create_ticket(f"Kettle {tag} stopped heating", "It clicks but stays cold.", customer)

    # The agent solves it: the survey email reaches the customer, with signed good/bad links.
    api.put(f"/api/v2/tickets/{ticket}", {"ticket": {"status": "solved", "assignee_id": agent, "group_id": group,
                                                      "comment": {"body": "Replaced the thermostat."}}})
    surveys = _wait_for_subject(peer, customer_email, "rate the support")
    assert len(surveys) == 1, [str(m["Subject"]) for m in peer.recorder.to(customer_email)]
    body = _text_of(surveys[0])
    match = re.search(r"(https?://\S+/satisfaction/[A-Za-z0-9._-]+)\?score=bad", body)
    assert match, body
    link = match.group(0)
    assert api.get(f"/api/v2/tickets/{ticket}")["ticket"]["satisfaction_rating"]["score"] == "offered"

    comment = f"Cold again the next day <{tag}>"
    browser = start_chromium()
    try:
        # No sign-in: the link is the proof. Opening it records nothing; "bad" is pre-selected.
        browser.get(link.replace(re.match(r"https?://[^/]+", link).group(0), server.base_url))
        form = element(browser, "form#satisfaction-form", "the survey form")
        assert element(browser, "input[name=score][value=bad]").is_selected()
        assert api.get(f"/api/v2/tickets/{ticket}")["ticket"]["satisfaction_rating"]["score"] == "offered"
        Select(element(browser, "select#reason_code")).select_by_value("6")
        fill(browser, "textarea#comment", comment)
        submit_form(browser, "form#satisfaction-form", "sending a bad rating")
        assert not flash_errors(browser), flash_errors(browser)
        visible_text_in(browser, "#satisfaction-thanks", "Thank you")
        assert form is not None
    finally:
        browser.quit()

    rating = api.get(f"/api/v2/tickets/{ticket}")["ticket"]["satisfaction_rating"]
    assert rating["score"] == "bad" and rating["comment"] == comment and rating["reason_id"] == 6, rating
    assert ticket in [r["ticket_id"] for r in api.get("/api/v2/satisfaction_ratings?score=bad")["satisfaction_ratings"]]

    # The lead of the ticket's group sees it in the workspace, and got an email.
    browser = start_chromium()
    try:
        sign_in(browser, server.base_url, f"lara.{tag}@csat.example", lead_password)
        open_page(browser, server.base_url, "/agent/notifications")
        visible_text_in(browser, "#notifications", f"ticket #{ticket}")
        visible_text_in(browser, "#notifications", comment)
    finally:
        browser.quit()
    _wait_for_subject(peer, f"lara.{tag}@csat.example", f"Bad rating on #{ticket}")
