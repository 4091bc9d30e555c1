"""Light Arabic/English normalisation for comparing words across sources, not for display."""

from __future__ import annotations

import re

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, tatweel
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       "ک": "ك", "ی": "ي", "ی": "ي"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TOKEN = re.compile(r"\w+")
# Clitics glued to Arabic words: conjunctions, prepositions and the article.
_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل)(?=\w{3,})")

STOPWORDS = frozenset(
    """في من الى على عن ان انه انها ما لا لم لن قد كان كانت هذا هذه ذلك تلك التي الذي الذين مع بعد قبل حيث
    او ام ثم كل بين عند حتى اي غير منذ خلال ضد لدى وفق وفقا بحسب حسب يوم اليوم امس ايضا فقط هو هي هم كما اذا
    the a an of to in on at for from by with and or but is are was were be been has have had that this these those
    it its as not no than then into over after before about said says say will would could may might also
    قال قالت اعلن اعلنت ذكر ذكرت افاد افادت اكد اكدت اشار اشارت""".split()
)


def normalize(text: str) -> str:
    return _DIACRITICS.sub("", text).translate(_FOLD).translate(_DIGITS).lower()


def content_words(text: str) -> set[str]:
    """Normalised, clitic-stripped words that carry meaning (no stop words, no bare numbers)."""
    words = set()
    for token in _TOKEN.findall(normalize(text)):
        token = _PREFIX.sub("", token)
        if len(token) > 1 and token not in STOPWORDS and not token.isdigit():
            words.add(token)
    return words


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the other: robust to one claim being longer."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
