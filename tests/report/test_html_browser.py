"""The HTML report of the seeds, opened in a real headless Chromium (Debian's ``chromium``;
``make test`` installs it when missing): the views render, nothing logs an error, the filters
change what is shown, a quote link lands on its highlighted span. A screenshot is saved in the
test's temporary folder."""

import pytest

from factcheck.report import render_html
from chromium import Browser, find_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page(seeds_dir, tmp_path_factory):
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed and could not be: `make test` installs Debian's chromium "
                    "package with apt-get when it can (root or sudo)")
    from factcheck import Checker, Config

    folder = tmp_path_factory.mktemp("browser")
    report_file = folder / "seeds.html"
    report_file.write_text(render_html(Checker(Config().without_nli()).check([seeds_dir])), encoding="utf-8")
    browser = Browser(binary, folder / "profile", width=1200, height=1000)
    browser.open(report_file.as_uri())
    browser.folder = folder
    yield browser
    browser.close()


def count(page, selector):
    return page.evaluate(f"document.querySelectorAll({selector!r}).length")


def visible(page, selector):
    return page.evaluate(f"Array.from(document.querySelectorAll({selector!r})).filter(e => e.offsetParent).length")


def test_every_view_renders(page):
    assert count(page, "#summary article.card.conflicting") >= 1
    assert count(page, "#summary svg.numberline .mark") >= 2
    assert count(page, "#timeline svg.timeline circle") >= 5 and count(page, "#timeline ol.events li") >= 5
    assert count(page, "#matrix table.matrix tbody tr") == 7
    assert count(page, "#sources tbody tr") == 7
    assert count(page, "#documents details.doc") == 7 and count(page, "mark.claim[id]") > 50


def test_nothing_logs_an_error(page):
    assert page.errors == []


def test_neutral_pairs_are_hidden_until_the_filter_shows_them(page):
    shown = visible(page, "li.pair")
    total = count(page, "li.pair")
    assert 0 < shown < total and visible(page, "li.pair.neutral") == 0
    page.evaluate("document.querySelector('input[name=label][value=neutral]').click()")
    assert visible(page, "li.pair") == total
    # the neutral pairs' quotes are written out from the documents when they are shown
    assert page.evaluate("document.querySelector('li.pair.neutral .side a.quote').textContent.length") > 20
    assert page.evaluate("document.getElementById('shown').textContent") == f"{total} of {total} pairs shown"
    page.evaluate("document.querySelector('input[name=label][value=neutral]').click()")
    assert visible(page, "li.pair") == shown


def test_choosing_a_source_narrows_pairs_cards_and_documents(page):
    page.evaluate("var s = document.querySelector('select[name=doc]'); s.value = 'd2';"
                  "s.dispatchEvent(new Event('change', {bubbles: true}))")
    assert visible(page, "#documents details.doc") == 1
    assert page.evaluate("Array.from(document.querySelectorAll('li.pair')).filter(e => e.offsetParent)"
                         ".every(e => e.dataset.docs.split(' ').includes('d2'))")
    page.evaluate("var s = document.querySelector('select[name=doc]'); s.value = '';"
                  "s.dispatchEvent(new Event('change', {bubbles: true}))")
    assert visible(page, "#documents details.doc") == 7


def test_a_matrix_cell_lists_the_pairs_of_its_two_sources(page):
    page.evaluate("document.querySelector('#matrix td.hot a.cell').click()")
    a, b = page.evaluate("[document.querySelector('select[name=doc]').value,"
                         " document.querySelector('select[name=against]').value]")
    rows = page.evaluate("Array.from(document.querySelectorAll('li.pair')).filter(e => e.offsetParent)"
                         ".map(e => e.dataset.docs)")
    assert rows and all(set(r.split()) == {a, b} for r in rows)


def test_a_quote_link_jumps_to_its_highlighted_span(page):
    page.evaluate("document.querySelector('#summary a.quote').click()")
    target = page.evaluate("location.hash").lstrip("#")
    mark = f"document.getElementById('{target}')"
    assert page.evaluate(f"{mark}.tagName") == "MARK" and page.evaluate(f"{mark}.classList.contains('hl')")
    assert page.evaluate(f"{mark}.closest('details').open")
    top = page.evaluate(f"{mark}.getBoundingClientRect().top")
    assert 0 <= top <= page.evaluate("window.innerHeight")
    assert page.evaluate(f"getComputedStyle({mark}).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_screenshot(page):
    page.evaluate("for (const name of ['doc', 'against']) { const s = document.querySelector(`select[name=${name}]`);"
                  " s.value = ''; s.dispatchEvent(new Event('change', {bubbles: true})); } window.scrollTo(0, 0)")
    shot = page.screenshot(page.folder / "seeds.png")
    assert shot.stat().st_size > 10_000
