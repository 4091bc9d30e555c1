"""Claims: the sentences of each document that state something, with what they state.

``claims_of(doc)`` yields the document's claims with every feature the checks compare
(``factcheck.extract.features.annotate``); ids depend only on the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factcheck.extract.features import annotate
from factcheck.ingest.lines import is_page_chrome
from factcheck.schema import Claim, Document
from factcheck.sentences import sentence_spans

# Fragments shorter than this are headings, captions or quote tails, not statements.
MIN_CLAIM_WORDS = 4


def extract_claims(documents: Iterable[Document]) -> list[Claim]:
    return [claim for doc in documents for claim in claims_of(doc)]


def claims_of(doc: Document) -> Iterator[Claim]:
    text = doc.source.text
    number = 0
    seen: set[str] = set()  # pages repeat paragraphs (print + web layout); one claim each
    for line_start, line_end in doc.lines:
        for start, end in sentence_spans(text, line_start, line_end, doc.language):
            sentence = text[start:end]
            if len(sentence.split()) < MIN_CLAIM_WORDS or sentence.rstrip("\"'”»)").endswith(("?", "؟")):
                continue
            if sentence in seen or is_page_chrome(sentence):
                continue
            seen.add(sentence)
            number += 1
            yield annotate(Claim(id=f"{doc.id}:{number}", doc=doc.id, start=start, end=end, text=sentence,
                                 language=doc.language), doc)
