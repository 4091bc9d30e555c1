"""A small two-language report built by hand: three outlets giving three troop figures."""

from datetime import date

import pytest

from factcheck.facts import group_facts
from factcheck.schema import Claim, DateMention, Document, Pair, Quantity, Reason, Report, Source

EN = "Officials said more than 3,000 troops arrived on 26 April. The weather was mild.\n"
AR = "قالت الوزارة إن 1500 جندي وصلوا. وأكدت المصادر ذلك.\n"
EN2 = "Estimates put the force at up to 11,000 troops.\n"


def _doc(id_, text, *, path, outlet=None, url=None, published=None, language="en"):
    source = Source(path=path, text=text, id=id_, outlet=outlet, url=url)
    return Document(id=id_, source=source, start=0, end=len(text), published=published, language=language,
                    lines=[(0, len(text) - 1)])


def _claim(doc, sentence, *, attribution=None, quantity=None, dates=()):
    start = doc.source.text.index(sentence)
    quantities = []
    if quantity:
        figure, value, qualifier = quantity
        at = start + sentence.index(figure)
        quantities = [Quantity(value=value, start=at, end=at + len(figure), text=figure, qualifier=qualifier,
                               unit="troops", key="troops")]
    return Claim(id=f"{doc.id}:{len(sentence)}", doc=doc.id, start=start, end=start + len(sentence), text=sentence,
                 language=doc.language, quantities=quantities, attribution=attribution, dates=list(dates))


@pytest.fixture
def small_report() -> Report:
    reuters = _doc("001_aaaa", EN, path="in/news.jsonl:1", outlet="Reuters", url="https://www.reuters.com/x",
                   published=date(2025, 4, 27))
    jazeera = _doc("002_bbbb", AR, path="in/page.html", url="https://www.aljazeera.net/news/1", language="ar")
    local = _doc("003_cccc", EN2, path="in/notes.txt", published=date(2025, 4, 20))
    s1 = "Officials said more than 3,000 troops arrived on 26 April."
    at = EN.index("26 April")
    c1 = _claim(reuters, s1, attribution="officials", quantity=("3,000", 3000, "more_than"),
                dates=[DateMention(start=at, end=at + 8, text="26 April", value=date(2025, 4, 26))])
    c2 = _claim(jazeera, "قالت الوزارة إن 1500 جندي وصلوا.", attribution="الوزارة", quantity=("1500", 1500, "exact"))
    c3 = _claim(local, "Estimates put the force at up to 11,000 troops.", quantity=("11,000", 11000, "up_to"))
    c4 = _claim(reuters, "The weather was mild.")
    c5 = _claim(jazeera, "وأكدت المصادر ذلك.")
    claims = [c1, c4, c2, c5, c3]
    docs = [reuters, jazeera, local]

    def conflict(a, b, va, vb):
        return Pair(a=a.id, b=b.id, similarity=0.93, label="contradiction", confidence=0.9,
                    reasons=[Reason("quantity", "conflict", key="troops", values=(va, vb), sources=("x", "y"))])

    pairs = [conflict(c1, c2, "more than 3,000 troops", "1,500 troops"),
             conflict(c2, c3, "1,500 troops", "up to 11,000 troops"),
             conflict(c1, c3, "more than 3,000 troops", "up to 11,000 troops"),
             Pair(a=c4.id, b=c5.id, similarity=0.91)]
    facts = group_facts(pairs, {c.id: c for c in claims}, {d.id: d for d in docs})
    return Report(documents=docs, claims=claims, pairs=pairs, facts=facts)
