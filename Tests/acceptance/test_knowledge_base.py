"""The knowledge base in a real browser, on SQLite and PostgreSQL.

A newcomer's written fix becomes a guide others follow: an agent turns a public reply into a draft article in one
click from the ticket page, edits it and saves; a lead publishes it. A visitor who is not signed in finds it through
the help center's search and says it helped, without JavaScript being needed. Then a customer starts a new request
and, while typing the subject, the portal suggests the article; opening it and leaving counts as a request avoided.
"""

from __future__ import annotations

import secrets

from selenium.webdriver.common.by import By

from test_browser import strong_password
from webui import (Api, click_and_wait_for_new_page, element, fill, flash_errors, open_page, path_of, sign_in,
                   start_chromium, submit_form, visible_text_in, wait_for)


def _person(api: Api, tag: str, name: str, role: str) -> tuple:
    email = f"{name.lower()}.{tag}@kb.example"
    user = api.create_user(f"{name} {tag}", email, role)
    password = strong_password()
    api.set_password(user, password)
    return user, email, password


def test_reply_becomes_an_article_a_visitor_finds_and_the_portal_suggests(casebook):
    api = Api(casebook.base_url, casebook.auth)
    tag = secrets.token_hex(3)
    word = f"dispatch{tag}"  # a word only this test's article has, so the shared server's other data never matches
    category = api.post("/api/v2/help_center/categories", {"category": {"name": f"Dispatch {tag}"}})["category"]["id"]
    api.post(f"/api/v2/help_center/categories/{category}/sections", {"section": {"name": f"Configuration {tag}"}})
    customer, customer_email, customer_password = _person(api, tag, "Nigel", "end-user")
    _, agent_email, agent_password = _person(api, tag, "Owen", "agent")
    _, lead_email, lead_password = _person(api, tag, "Rickey", "lead")
    ticket = api.create_ticket(f"The {word} board lost its route templates", "All 46 templates are gone.", customer)
    api.comment(ticket, f"Stop Sync first, then copy {word}.yaml from the backup folder and start the board again.", True)

    browser = start_chromium()
    try:
        # The agent turns the reply into a draft from the ticket page; the editor opens on it.
        sign_in(browser, casebook.base_url, agent_email, agent_password)
        open_page(browser, casebook.base_url, f"/agent/tickets/{ticket}")
        element(browser, "#knowledge button.turn-into-article", "the Turn into article buttons")
        # One button per public agent reply, oldest first: the fix is the latest.
        button = browser.find_elements(By.CSS_SELECTOR, "#knowledge button.turn-into-article")[-1]
        click_and_wait_for_new_page(browser, button, "turning the reply into an article")
        assert not flash_errors(browser), flash_errors(browser)
        assert path_of(browser).endswith("/edit"), path_of(browser)
        article = int(path_of(browser).split("/")[3])
        assert element(browser, "#article-title").get_attribute("value") == f"The {word} board lost its route templates"
        assert "copy" in element(browser, "#article-body").get_attribute("value")
        assert api.get(f"/api/v2/tickets/{ticket}/articles")["articles"][0]["id"] == article

        fill(browser, "#article-title", f"Restore the {word} configuration from a backup")
        fill(browser, "#article-body", f"1. Stop **Dispatch Sync** first.\n2. Copy `{word}.yaml` from the backup folder.\n3. Start the board.")
        fill(browser, "#article-labels", "dispatch, config-restore")
        click_and_wait_for_new_page(browser, element(browser, "#article-save"), "saving the draft")
        assert not flash_errors(browser), flash_errors(browser)
        visible_text_in(browser, "#article-preview", "Stop Dispatch Sync first.")
        assert not browser.find_elements(By.CSS_SELECTOR, "#article-publish"), "agents do not publish"
        assert api.get(f"/api/v2/help_center/articles/{article}")["article"]["draft"] is True
    finally:
        browser.quit()

    browser = start_chromium()
    try:
        sign_in(browser, casebook.base_url, lead_email, lead_password)
        open_page(browser, casebook.base_url, f"/agent/kb/{article}/edit")
        click_and_wait_for_new_page(browser, element(browser, "#article-publish"), "publishing")
        assert not flash_errors(browser), flash_errors(browser)
        visible_text_in(browser, "#article-status", "Published")
        open_page(browser, casebook.base_url, f"/agent/kb/{article}/revisions")
        visible_text_in(browser, "#revision-diff", f"Copy `{word}.yaml` from the backup folder.")
    finally:
        browser.quit()

    # A visitor, not signed in, searches the help center, reads the article and votes.
    browser = start_chromium()
    try:
        open_page(browser, casebook.base_url, "/hc")
        fill(browser, "#hc-query", f"restore {word}")
        submit_form(browser, "form#hc-search", "searching the help center")
        result = element(browser, f".hc-result[data-article-id='{article}'] a", "the article among the results")
        click_and_wait_for_new_page(browser, result, "opening the article")
        visible_text_in(browser, ".article-body", "Stop Dispatch Sync first.")
        click_and_wait_for_new_page(browser, element(browser, "#vote-up"), "voting yes")
        visible_text_in(browser, "#vote-summary", "You said yes.")
        click_and_wait_for_new_page(browser, element(browser, "#vote-down"), "changing the vote")
        visible_text_in(browser, "#vote-summary", "You said no.")
        shown = api.get(f"/api/v2/help_center/articles/{article}")["article"]
        assert shown["vote_count"] == 1 and shown["vote_sum"] == -1, shown
    finally:
        browser.quit()

    # The customer starts a new request: the portal suggests the article while the subject is typed.
    before = api.get("/api/v2/help_center/deflection")["deflection"]
    browser = start_chromium()
    try:
        sign_in(browser, casebook.base_url, customer_email, customer_password)
        open_page(browser, casebook.base_url, "/portal/requests/new")
        element(browser, "#new-request-form input[name=subject]").send_keys(f"my {word} board lost its templates")
        link = element(browser, f"#deflection-suggestions a.deflection-suggestion[href*='/hc/articles/{article}']",
                       "the suggested article while typing the subject")
        click_and_wait_for_new_page(browser, link, "opening the suggestion")
        visible_text_in(browser, "h1", f"Restore the {word} configuration from a backup")
    finally:
        browser.quit()
    after = api.get("/api/v2/help_center/deflection")["deflection"]
    assert after["suggested"] >= before["suggested"] + 1, (before, after)
    assert after["opened"] == before["opened"] + 1 and after["avoided"] == before["avoided"] + 1, (before, after)
