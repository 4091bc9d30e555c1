"""Every report format shows a figure's history: for each version its day, the earlier figures it
is a later estimate of, and the figures of the same moment it disagrees with."""

import json
from datetime import date

import pytest

from factcheck.facts import group_facts
from factcheck.report import render_html, render_json, render_markdown, render_terminal
from factcheck.report.view import reason_text
from factcheck.schema import Claim, Document, Pair, Quantity, Reason, Report, Source

SENTENCES = {
    "wh": ("The White House said North Korea had sent 3,000 troops.", "3,000", 3000, "exact", date(2024, 10, 27)),
    "est": ("Estimates put the force at up to 11,000 troops.", "11,000", 11000, "up_to", date(2025, 4, 26)),
    "nis": ("The intelligence service said 1,500 troops were sent.", "1,500", 1500, "exact", None),
}


def _report() -> Report:
    docs, claims = [], []
    for doc_id, (text, figure, value, qualifier, published) in SENTENCES.items():
        docs.append(Document(id=doc_id, source=Source(path=f"{doc_id}.txt", text=text, id=doc_id), start=0,
                             end=len(text), published=published, language="en", lines=[(0, len(text))]))
        at = text.index(figure)
        claims.append(Claim(id=f"{doc_id}:1", doc=doc_id, start=0, end=len(text), text=text, language="en",
                            quantities=[Quantity(value=value, start=at, end=at + len(figure), text=figure,
                                                 qualifier=qualifier, unit="troops", key="troops")]))

    def pair(a, b, relation, va, vb, later=None):
        label = "contradiction" if relation == "conflict" else "neutral"
        return Pair(a=f"{a}:1", b=f"{b}:1", similarity=0.93, label=label, confidence=0.9,
                    reasons=[Reason("quantity", relation, key="troops", values=(va, vb), sources=(a, b), later=later)])

    pairs = [pair("est", "wh", "update", "up to 11,000 troops", "3,000 troops", later="a"),
             pair("nis", "wh", "conflict", "1,500 troops", "3,000 troops"),
             pair("nis", "est", "conflict", "1,500 troops", "up to 11,000 troops")]
    facts = group_facts(pairs, {c.id: c for c in claims}, {d.id: d for d in docs})
    return Report(documents=docs, claims=claims, pairs=pairs, facts=facts)


@pytest.fixture
def report():
    return _report()


LATER = "later estimate than 3,000 troops (2024-10-27); disagrees with 1,500 troops (undated)"
EARLIER = "updated by up to 11,000 troops (2025-04-26); disagrees with 1,500 troops (undated)"


def test_the_terminal_lists_each_version_with_its_history(report):
    text = " ".join(render_terminal(report, width=200).split())
    assert f"3,000 troops (wh.txt · 2024-10-27) {EARLIER}" in text
    assert f"up to 11,000 troops (est.txt · 2025-04-26) {LATER}" in text


def test_markdown_gives_each_version_a_history_cell(report):
    md = render_markdown(report)
    assert f"| up to 11,000 troops | unattributed | est.txt | 2025-04-26 | {LATER} |" in md
    assert ("| 1,500 troops | unattributed | nis.txt | undated | disagrees with 3,000 troops (2024-10-27), "
            "up to 11,000 troops (2025-04-26) |") in md


def test_the_html_summary_card_has_a_history_column(report):
    page = render_html(report)
    card = page[page.index('<article class="card conflicting"'):]
    card = card[:card.index("</article>")]
    assert "<th>history</th>" in card
    assert f'<td class="history">{LATER}</td>' in card


def test_json_versions_carry_their_day_and_links_beside_the_old_fields(report):
    [fact] = json.loads(render_json(report))["facts"]
    later = {v["claim"]: v for v in fact["versions"]}["est:1"]
    assert later["published"] == "2025-04-26" and later["value"] == "up to 11,000 troops"
    assert (later["time"], later["time_basis"]) == ("2025-04-26", "published")
    assert (later["updates"], later["disagrees_with"], later["updated_by"]) == (["wh:1"], ["nis:1"], [])
    [update] = [r for p in json.loads(render_json(report))["pairs"] for r in p["reasons"] if r["relation"] == "update"]
    assert update["later"] == "a"


def test_an_update_reads_earlier_figure_first():
    update = Reason("quantity", "update", key="troops", values=("up to 11,000 troops", "3,000 troops"),
                    sources=("estimates", "White House"), note="a larger figure reported for a later day", later="a")
    assert reason_text(update) == ("updated figure (a larger figure reported for a later day): 3,000 troops "
                                   "(White House) then up to 11,000 troops (estimates)")
