"""The RMA approval flow and the decision banner in a real browser, on SQLite and PostgreSQL.

An agent opens an advance replacement from the ticket page: first the troubleshooting policy stops it, then (the
checklist complete) it is over the agent's limit and waits. The lead approves it from the approvals queue with a
reason; the approval is a decision on the record, shown prominently on the ticket. A lead then overrides an
incomplete checklist on another ticket, with a reason that shows in the same banner.
"""

from __future__ import annotations

import secrets

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_browser import strong_password
from webui import Api, element, fill, flash_errors, open_page, sign_in, start_chromium, submit_form, visible_text_in


def _switch_on_record(api: Api, tag: str) -> tuple:
    sku = f"SW-{tag.upper()}"
    product = api.post("/api/v2/products", {"product": {"name": f"Switch {tag}", "currency": "EUR",
                                                        "variants": [{"sku": sku, "price": 30000}]}})["product"]["id"]
    api.put(f"/api/v2/warranties/{product}", {"warranty": {
        "months": 36, "caveats": ["Replacement requires completed troubleshooting"], "return_days": 10,
        "checklist": [{"key": "console_log", "title": "Collect the console log", "required_for": ["advance_replacement"]}]}})
    customer = api.create_user(f"Marcus {tag}", f"marcus.{tag}@rma.example", "end-user")
    serials = [f"{sku}-0001", f"{sku}-0002"]
    for serial in serials:
        api.post("/api/v2/assets", {"asset": {"serial": serial, "sku": sku, "customer_id": customer, "purchased_at": "2025-06-01"}})
    tickets = [api.create_ticket(f"Switch {serial} drops ports 13-24", "Since this morning.", customer) for serial in serials]
    return sku, serials, tickets


def _staff(api: Api, tag: str, name: str, role: str) -> tuple:
    email = f"{name.lower()}.{tag}@rma.example"
    user = api.create_user(f"{name} {tag}", email, role)
    password = strong_password()
    api.set_password(user, password)
    return user, email, password


def _open_rma(browser, kind: str, value: str, override: str = "") -> None:
    Select(element(browser, "form#rma-form select[name=kind]")).select_by_value(kind)
    fill(browser, "form#rma-form input[name=value]", value)
    fill(browser, "form#rma-form textarea[name=override_reason]", override)
    submit_form(browser, "form#rma-form", "opening an RMA")


def test_agent_request_waits_for_the_lead_who_approves_it_on_the_record(casebook):
    api = Api(casebook.base_url, casebook.auth)
    tag = secrets.token_hex(3)
    _, serials, (ticket, second_ticket) = _switch_on_record(api, tag)
    agent, agent_email, agent_password = _staff(api, tag, "Owen", "agent")
    lead, lead_email, lead_password = _staff(api, tag, "Rickey", "lead")

    browser = start_chromium()
    try:
        sign_in(browser, casebook.base_url, agent_email, agent_password)
        open_page(browser, casebook.base_url, f"/agent/tickets/{ticket}")
        visible_text_in(browser, ".hardware-panel", serials[0])
        visible_text_in(browser, ".hardware-panel", "Replacement requires completed troubleshooting")

        # The policy stops the agent while the console log is missing.
        _open_rma(browser, "advance_replacement", "300.00")
        errors = " ".join(flash_errors(browser))
        assert "Collect the console log" in errors, errors
        assert api.get(f"/api/v2/rmas?ticket_id={ticket}")["rmas"] == []

        # With the checklist done it is created, but 300.00 is over the agent's limit: it waits for a lead.
        api.put(f"/api/v2/tickets/{ticket}/checklist", {"checklist": {"results": [{"key": "console_log", "result": "done"}]}})
        open_page(browser, casebook.base_url, f"/agent/tickets/{ticket}")
        _open_rma(browser, "advance_replacement", "300.00")
        assert not flash_errors(browser), flash_errors(browser)
        rmas = api.get(f"/api/v2/rmas?ticket_id={ticket}")["rmas"]
        assert len(rmas) == 1 and rmas[0]["status"] == "requested" and rmas[0]["approver_role"] == "lead", rmas
        rma = rmas[0]["id"]
    finally:
        browser.quit()

    browser = start_chromium()
    try:
        sign_in(browser, casebook.base_url, lead_email, lead_password)
        open_page(browser, casebook.base_url, "/agent/rmas?awaiting=me")
        row = f"table#rma-list tr[data-rma-id='{rma}']"
        element(browser, row, "the request in the lead's approvals queue")

        # A decision needs a reason: an empty one is refused and nothing changes.
        submit_form(browser, f"{row} form.rma-decide", "approving without a reason")
        assert any("Reason" in e for e in flash_errors(browser)), flash_errors(browser)
        assert api.get(f"/api/v2/rmas/{rma}")["rma"]["status"] == "requested"

        open_page(browser, casebook.base_url, "/agent/rmas?awaiting=me")
        reason = f"No spare on site and 2.5 hours away <{tag}>"
        fill(browser, f"{row} textarea[name=reason]", reason)
        submit_form(browser, f"{row} form.rma-decide", "approving with a reason")
        assert not flash_errors(browser), flash_errors(browser)
        assert api.get(f"/api/v2/rmas/{rma}")["rma"]["status"] == "approved"

        # The approval is on the record, prominently on the ticket, with its reason (escaped, shown as typed).
        open_page(browser, casebook.base_url, f"/agent/tickets/{ticket}")
        visible_text_in(browser, ".decision-banner", reason)
        visible_text_in(browser, ".decision-banner", "needs a lead")
        decisions = api.get(f"/api/v2/decisions?ticket_id={ticket}")["decisions"]
        assert [d["kind"] for d in decisions] == ["approval_above_limit"], decisions
        assert agent in decisions[0]["notified_user_ids"], decisions

        # A lead overrides the incomplete checklist on the other ticket; the reason heads that ticket too.
        open_page(browser, casebook.base_url, f"/agent/tickets/{second_ticket}")
        override = f"Customer far from site, no remote access {tag}"
        _open_rma(browser, "advance_replacement", "300.00", override)
        assert not flash_errors(browser), flash_errors(browser)
        open_page(browser, casebook.base_url, f"/agent/tickets/{second_ticket}")
        banner = element(browser, ".decision-banner")
        assert override in banner.text and "Replacement requires completed troubleshooting" in banner.text, banner.text
        assert banner.find_elements(By.CSS_SELECTOR, "[data-decision-id]"), "each decision is an item"
    finally:
        browser.quit()
