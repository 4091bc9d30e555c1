"""Explainable, rule-based extractors: quantities, dates, attribution/negation/"first" cues.

Each module owns its keyword tables; offsets always index the text passed in.
"""

from factcheck.extract.attribution import find_attribution, is_first_claim, is_negated
from factcheck.extract.dates import find_dates, parse_publication_date
from factcheck.extract.quantities import find_quantities

__all__ = [
    "find_attribution",
    "find_dates",
    "find_quantities",
    "is_first_claim",
    "is_negated",
    "parse_publication_date",
]
