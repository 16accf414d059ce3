"""The backorder queue board in a real browser, on SQLite and PostgreSQL.

A lead moves customers with the rows' ↑ ↓ buttons (the script asks for the reason in a prompt and sends the row's
form), and with the plain form; the queue order, the moves and their reasons are what the API then reports.
"""

from __future__ import annotations

import secrets

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_browser import strong_password
from webui import Api, element, fill, open_page, sign_in, start_chromium, submit_form, visible_text_in


def _answer_prompt(driver, reason: str) -> None:
    alert = WebDriverWait(driver, 10).until(lambda d: d.switch_to.alert)
    alert.send_keys(reason)
    alert.accept()


def _queue(api: Api, sku: str) -> list:
    return api.get(f"/api/v2/backorders?sku={sku}")["backorders"]


def _wait_for_order(driver, names: list) -> None:
    # A move sends the row's form, so the old page's rows go stale while the next page loads: look again.
    def ordered(d):
        try:
            rows = d.find_elements(By.CSS_SELECTOR, "ol#backorder-board li.queue-entry strong")
            return [r.text for r in rows] == names and d.execute_script("return document.readyState") == "complete"
        except StaleElementReferenceException:
            return False
    WebDriverWait(driver, 10).until(ordered, f"the board to show {names}")


def test_lead_reorders_the_backorder_queue_with_buttons_keyboard_and_form(casebook):
    api = Api(casebook.base_url, casebook.auth)
    tag = secrets.token_hex(3)
    sku = f"BT-{tag.upper()}"
    api.post("/api/v2/products", {"product": {"name": f"BeamTag {tag}", "currency": "EUR", "variants": [{"sku": sku, "price": 2900}]}})
    names = [f"Ann {tag}", f"Bob {tag}", f"Cy {tag}"]
    for name in names:
        customer = api.create_user(name, f"{name.split()[0].lower()}.{tag}@orders.example", "end-user")
        order = api.post("/api/v2/orders", {"order": {"customer_id": customer, "lines": [{"sku": sku, "quantity": 1}]}})
        assert order["order"]["lines"][0]["status"] == "backordered", order
    lead_email = f"lead.{tag}@orders.example"
    lead = api.create_user(f"Lara {tag}", lead_email, "lead")
    password = strong_password()
    api.set_password(lead, password)

    browser = start_chromium()
    try:
        sign_in(browser, casebook.base_url, lead_email, password)
        open_page(browser, casebook.base_url, f"/agent/backorders/{sku}")
        _wait_for_order(browser, names)

        # ↓ on Ann: the script asks why and moves her to position 2.
        first = element(browser, "ol#backorder-board li.queue-entry:nth-child(1) button.move-down", "Ann's move-down button")
        assert first.is_displayed(), "the script shows the buttons"
        first.click()
        _answer_prompt(browser, "Asked to wait for the next batch")
        _wait_for_order(browser, [names[1], names[0], names[2]])

        # Keyboard only: focus Cy's ↑ button and press Enter.
        up = element(browser, "ol#backorder-board li.queue-entry:nth-child(3) button.move-up", "Cy's move-up button")
        up.send_keys(Keys.ENTER)
        _answer_prompt(browser, "Waiting since the summer")
        _wait_for_order(browser, [names[1], names[2], names[0]])

        # The plain form: Bob to the bottom.
        fill(browser, "ol#backorder-board li.queue-entry:nth-child(1) input[name=to]", "bottom")
        fill(browser, "ol#backorder-board li.queue-entry:nth-child(1) input[name=reason]", "Abused staff on the phone")
        submit_form(browser, "ol#backorder-board li.queue-entry:nth-child(1) form.queue-move", "moving Bob to the bottom")
        _wait_for_order(browser, [names[2], names[0], names[1]])
        visible_text_in(browser, "ol#backorder-board", "Abused staff on the phone")
    finally:
        browser.quit()

    queue = _queue(api, sku)
    assert [e["customer"] for e in queue] == [names[2], names[0], names[1]], queue
    reasons = [m["reason"] for e in queue for m in e["moves"]]
    assert set(reasons) == {"Asked to wait for the next batch", "Waiting since the summer", "Abused staff on the phone"}, queue
