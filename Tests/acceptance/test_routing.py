"""Routing and SLAs end to end, on SQLite and PostgreSQL, with a real browser and a real SMTP server.

A lead creates an exclusion rule from the ticket page in Chromium; the customer's next ticket never reaches that
agent even when he is the only one online (it waits in the queue); the customer's third contact shows the agent
the earlier replies and decisions above the composer; an urgent ticket that breaches its first-reply target (on
the server's test clock, `CASEBOOK_TEST_CLOCK=1`) is escalated and the manager gets the mail.
"""

from __future__ import annotations

import secrets
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import _free_port, _running_server
from test_browser import strong_password
from test_mail import SMTPPeer
from webui import Api, element, open_page, sign_in, submit_form, fill, visible_text_in, start_chromium


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def routing_stack(request):
    port = _free_port()
    peer = SMTPPeer(port)
    peer.start()
    env = {
        "SMTP_URL": f"smtp://127.0.0.1:{port}?starttls=never",
        "CASEBOOK_SUPPORT_EMAIL": "support@casebook.localhost",
        "CASEBOOK_TEST_CLOCK": "1",
    }
    try:
        with _running_server(request, request.param, label=f"{request.param}-routing", extra_env=env) as server:
            yield server, peer
    finally:
        peer.stop()


def test_exclusion_repeat_contact_and_sla_escalation(routing_stack):
    server, smtp = routing_stack
    api = Api(server.base_url, server.auth)
    tag = secrets.token_hex(3)

    def person(name, role):
        email = f"{name.split()[0].lower()}.{tag}@routing.example"
        user_id = api.create_user(name, email, role)
        password = strong_password()
        api.set_password(user_id, password)
        return user_id, email, password

    ben = person("Ben Newcomer", "agent")
    lara = person("Lara Lead", "lead")
    mona = person("Mona Manager", "manager")
    customer = person("Rex Rude", "end-user")

    hardware = api.post("/api/v2/groups", {"group": {"name": f"Hardware {tag}"}})["group"]["id"]
    escalations = api.post("/api/v2/groups", {"group": {"name": f"Escalations {tag}"}})["group"]["id"]
    api.post("/api/v2/group_memberships", {"group_membership": {"user_id": ben[0], "group_id": hardware}})
    api.post("/api/v2/group_memberships", {"group_membership": {"user_id": mona[0], "group_id": escalations}})
    api.put(f"/api/v2/groups/{hardware}/routing", {"routing": {"mode": "least_loaded"}})
    api.post("/api/v2/routing_rules", {"routing_rule": {
        "title": f"Switches {tag}", "conditions": [{"field": "subject", "operator": "contains_words", "value": "switch"}],
        "actions": {"group_id": hardware}}})
    api.post("/api/v2/slas/policies", {"sla_policy": {
        "title": f"Urgent {tag}", "filter": {"all": [{"field": "priority", "operator": "is", "value": "urgent"}], "any": []},
        "policy_metrics": [{"priority": "urgent", "metric": "first_reply_time", "target": 30, "business_hours": False}],
        "escalation": {"group_id": escalations, "notify_leads": True, "add_tags": ["sla_breach"]}}})

    # The first contact, answered by an agent.
    first = api.create_ticket(f"Switch drops packets {tag}", "Port 3 keeps dropping.", customer[0])
    api.comment(first, "Please run the cable test and tell us the result.", public=True)

    lead_browser = start_chromium()
    ben_browser = start_chromium()
    try:
        # The lead keeps this customer away from Ben, from the ticket page.
        sign_in(lead_browser, server.base_url, lara[1], lara[2])
        open_page(lead_browser, server.base_url, f"/agent/tickets/{first}")
        form = element(lead_browser, "form#exclusion-form", "the exclusion form (leads only)")
        Select(form.find_element(By.NAME, "agent_id")).select_by_value(str(ben[0]))
        fill(lead_browser, "form#exclusion-form input[name=reason]", "Insulted Ben on the phone")
        submit_form(lead_browser, "form#exclusion-form", "adding the exclusion rule")
        visible_text_in(lead_browser, "section#exclusions", "Never Ben Newcomer: Insulted Ben on the phone")
        rules = api.get(f"/api/v2/exclusion_rules?requester_id={customer[0]}")["exclusion_rules"]
        assert [(r["agent_id"], r["created_by_id"]) for r in rules] == [(ben[0], lara[0])], rules

        # Ben signs in (online) and is the only one in Hardware: the customer's next switch ticket still waits.
        sign_in(ben_browser, server.base_url, ben[1], ben[2])
        second = api.create_ticket(f"Switch still faulty {tag}", "Same port.", customer[0])
        ticket = api.ticket(second)
        assert ticket["group_id"] == hardware and ticket["assignee_id"] is None, ticket
        queue = api.get("/api/v2/routing/queue")["waiting_tickets"]
        assert any(w["ticket_id"] == second for w in queue), queue
        # Someone else's switch ticket does go to Ben: routing works, the rule is what keeps him away.
        other = api.create_user(f"Other {tag}", f"other.{tag}@routing.example", "end-user")
        third_party = api.create_ticket(f"Switch dead {tag}", "No lights.", other)
        assert api.ticket(third_party)["assignee_id"] == ben[0]

        # The third contact: the agent sees the earlier tickets, who handled them and what they said.
        api.post(f"/api/v2/tickets/{second}/escalations", {"escalation": {
            "user_id": mona[0], "reason": "Customer wants an advance replacement"}})
        third = api.create_ticket(f"Faulty switch, third call {tag}", "I am 2.5 hours from the site.", customer[0])
        open_page(lead_browser, server.base_url, f"/agent/tickets/{third}")
        text = visible_text_in(lead_browser, "section#repeat-contact", "3 times").text
        assert "Please run the cable test" in text, text
        assert "advance replacement" in text, text
        composer = element(lead_browser, "form#ticket-form")
        assert element(lead_browser, "section#repeat-contact").location["y"] < composer.location["y"], "the history sits above the composer"
    finally:
        lead_browser.quit()
        ben_browser.quit()

    # An urgent ticket nobody answers breaches its 30-minute first-reply target: escalated, the manager told.
    urgent = api.create_ticket(f"Production line stopped {tag}", "Everything is down.", customer[0], priority="urgent")
    slas = api.get(f"/api/v2/tickets/{urgent}/slas")["policy_metrics"]
    assert slas and slas[0]["stage"] == "active", slas
    api.post("/api/v2/test_clock", {"advance_minutes": 31})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        ticket = api.ticket(urgent)
        if "sla_breach" in ticket["tags"]:
            break
        time.sleep(0.25)
    assert "sla_breach" in ticket["tags"] and ticket["group_id"] == escalations, ticket
    deadline = time.monotonic() + 20
    escalation = []
    while not escalation and time.monotonic() < deadline:
        escalation = [m for m in smtp.recorder.to(mona[1]) if f"#{urgent}" in m["Subject"] and "Escalated" in m["Subject"]]
        time.sleep(0.2)
    assert escalation, [m["Subject"] for m in smtp.recorder.to(mona[1])]
    assert "first reply breached" in escalation[0].get_body(("plain",)).get_content()
    assert api.get(f"/api/v2/tickets/{urgent}/slas")["policy_metrics"][0]["stage"] == "breached"
