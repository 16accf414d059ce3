"""The built-in reports in a real browser, on SQLite and PostgreSQL.

A lead opens the reports index from the navigation, then every report: each draws its chart as inline SVG (bars or
lines with a title on every mark), a table and its definitions. The filter form keeps what was chosen, the CSV link
downloads a spreadsheet-safe file, and an agent is turned away.
"""

from __future__ import annotations

import csv
import io
import secrets

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_browser import strong_password
from webui import Api, click_and_wait_for_new_page, element, open_page, requests_session_of, sign_in, start_chromium, submit_form


def _person(api: Api, tag: str, name: str, role: str) -> tuple:
    email = f"{name.lower()}.{tag}@reports.example"
    user = api.create_user(f"{name} {tag}", email, role)
    password = strong_password()
    api.set_password(user, password)
    return user, email, password


def test_a_lead_reads_every_report_with_its_chart_table_and_csv(casebook):
    api = Api(casebook.base_url, casebook.auth)
    tag = secrets.token_hex(3)
    _, lead_email, lead_password = _person(api, tag, "Rina", "lead")
    _, agent_email, agent_password = _person(api, tag, "Otto", "agent")
    reports = api.get("/api/v2/reports")["reports"]
    assert len(reports) >= 10, reports

    browser = start_chromium()
    try:
        sign_in(browser, casebook.base_url, lead_email, lead_password)
        open_page(browser, casebook.base_url, "/agent")
        click_and_wait_for_new_page(browser, element(browser, "header nav a[href='/agent/reports']"), "the Reports link")
        listed = [a.get_attribute("href").rsplit("/", 1)[-1] for a in browser.find_elements(By.CSS_SELECTOR, "#report-list a")]
        assert listed == [r["id"] for r in reports], listed

        for report in reports:
            open_page(browser, casebook.base_url, f"/agent/reports/{report['id']}")
            svg = element(browser, "figure#report-chart svg.report-chart", f"the chart of {report['id']}")
            assert svg.get_attribute("role") == "img"
            title = svg.find_element(By.TAG_NAME, "title").get_attribute("textContent")
            assert title, f"{report['id']}: the chart has a title"
            marks = svg.find_elements(By.CSS_SELECTOR, "rect, polyline, text")
            assert marks, f"{report['id']}: the chart draws something"
            headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#report-table thead th")]
            assert headers, f"{report['id']}: the table has columns"
            assert browser.find_elements(By.CSS_SELECTOR, "#report-definitions li"), f"{report['id']}: definitions"

        # The filter form keeps its values and the CSV link carries them.
        open_page(browser, casebook.base_url, "/agent/reports/created-vs-solved")
        browser.execute_script("document.getElementById('report-from').value = '2026-01-01';"
                               "document.getElementById('report-to').value = '2026-01-31';")
        Select(element(browser, "#report-priority")).select_by_value("urgent")
        submit_form(browser, "form#report-filter", "filtering the report")
        assert element(browser, "#report-from").get_attribute("value") == "2026-01-01"
        assert Select(element(browser, "#report-priority")).first_selected_option.get_attribute("value") == "urgent"
        rows = browser.find_elements(By.CSS_SELECTOR, "#report-table tbody tr")
        assert len(rows) == 31, f"one row per day of January, got {len(rows)}"
        assert browser.find_elements(By.CSS_SELECTOR, "figure#report-chart svg polyline"), "a line per series"
        href = element(browser, "#report-csv").get_attribute("href")
        assert "from=2026-01-01" in href and "priority=urgent" in href, href
        download = requests_session_of(browser).get(href, timeout=30)
        assert download.status_code == 200 and download.headers["Content-Type"].startswith("text/csv")
        table = list(csv.reader(io.StringIO(download.text)))
        assert table[0] == ["day", "created", "solved", "net"] and len(table) == 32, table[:3]

        browser.delete_all_cookies()
        sign_in(browser, casebook.base_url, agent_email, agent_password)
        assert not browser.find_elements(By.CSS_SELECTOR, "header nav a[href='/agent/reports']"), "agents see no Reports link"
        assert requests_session_of(browser).get(casebook.base_url + "/agent/reports/backlog", timeout=30).status_code == 403
    finally:
        browser.quit()
