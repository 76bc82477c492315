"""The «Справка» button in a real Chromium: from a state's, a partner's and a report's page to the brief, its
citations leading to the rows, another period chosen, and the Word file downloaded."""

from __future__ import annotations

import io

from tests.graph.web.test_browser import downloaded, shot


def test_a_state_s_brief_opens_from_its_page_and_its_citations_lead_to_the_rows(site, page):
    page.goto(site + "/country/BY")
    page.click("a.button:has-text('Справка')")
    page.wait_for_selector("article.brief h1")
    assert "/brief?country=BY" in page.url
    assert page.inner_text("article.brief h1").startswith("Информация о сотрудничестве Смоленской области с "
                                                           "Республикой Беларусь")
    assert "Основные мероприятия" in page.inner_text("article.brief")
    shot(page, "brief-page")
    first = page.locator("article.brief li .cite a").first
    row = first.inner_text()
    first.click()
    page.wait_for_url("**/event/**")
    assert page.url.rstrip("/").endswith(f"/{row}")


def test_the_period_is_chosen_and_the_word_file_downloads(site, page):
    from docx import Document

    page.goto(site + "/brief?country=BY&from=2024-Q1&to=2025-Q2")
    # the quarters between the two reports are drawn as unknown, as the text says, not as zero
    bars = page.locator("article.brief .stacked .row")
    assert bars.count() == 6 and bars.locator(".total").all_inner_texts()[1:5] == ["—"] * 4
    assert page.locator("article.brief .stacked .no-report").first.inner_text().split()[-3:] == ["нет", "отчёта", "—"]
    page.select_option("select[name=from]", "2025-Q2")
    page.click("button:has-text('Составить')")
    page.wait_for_url("**from=2025-Q2**")
    assert "за II квартал 2025 г." in page.inner_text("article.brief h1")
    name, data = downloaded(page, "a.button:has-text('.docx')")
    assert name == "spravka-by-2025-q2-2025-q2.docx"
    assert Document(io.BytesIO(data)).paragraphs[0].text == page.inner_text("article.brief h1")


def test_partner_and_report_pages_offer_their_brief(site, page):
    page.goto(site + "/org/mogilevliftmash")
    page.click("a.button:has-text('Справка')")
    page.wait_for_selector("article.brief h1")
    assert "ОАО «Могилевлифтмаш»" in page.inner_text("article.brief h1")
    page.goto(site + "/report/2025-Q2")
    page.click("a.button:has-text('Справка за квартал')")
    page.wait_for_selector("article.brief h1")
    assert page.inner_text("article.brief h1").endswith("за II квартал 2025 г.")
    # a citation's report is never broken across lines («[2025-» / «Q2, № 4]»), however its line wraps
    periods = page.locator("article.brief .cite .period")
    assert periods.count() > 100
    assert periods.evaluate_all("els => els.filter(e => e.getClientRects().length > 1).length") == 0


def test_a_hostile_parameter_is_refused_and_shown_inert(site, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(site + "/brief?country=<script>alert(1)</script>")
    assert response.status == 400
    page.wait_for_load_state("networkidle")
    page.console_errors.clear()  # the refusal itself (and the favicon it asks for)
    assert "alert(1)" in page.inner_text("body").lower() or "ALERT(1)" in page.inner_text("body")
    assert page.locator("script").count() == 0 and dialogs == []
