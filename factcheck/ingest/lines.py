"""Lines of a source as spans, and which of them are page furniture rather than content."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whole lines that news pages add around an article: sharing, comments, ads, navigation.
FURNITURE = re.compile(
    r"""^(?:
        شاركها\.?|شارك(?:\s+(?:الخبر|المقال))?|مشاركة|اترك\s+تعليق[اًا]?ً?|أضف\s+تعليق[اًا]?ً?|التعليقات|
        اعلان|إعلان|إعلانات|تابعونا.*|تابعنا.*|طباعة|نشرت?\s+في\s+آخر\s+تحديث|آخر\s+تحديث|
        exit\s+mobile\s+version|share(?:\s+this)?(?:\s+article)?|leave\s+a\s+(?:comment|reply)|comments?|
        advertisement|print|subscribe.*|follow\s+us.*|skip\s+to\s+content|
        [#@]\S+(?:\s+[#@]\S+)*
    )\s*[:.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
# Keyword lists and tag clouds: "كلمات دلالية: ...", "Tags: ...".
TAGS = re.compile(r"^(?:كلمات\s+دلالية|الكلمات\s+الدلالية|الوسوم|وسوم|tags|keywords|topics)\s*[:：]", re.IGNORECASE)
# A credit line naming the outlet: "المصدر: صحيفة الاتحاد", "Source: Reuters".
OUTLET = re.compile(r"^(?:المصدر|مصدر\s+الخبر|source)\s*[:：]\s*(?P<outlet>.+)$", re.IGNORECASE)
# Markdown decoration that is not text: images, rules, bare links.
MARKUP = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|[-*_]{3,}|\[[^\]]*\]\([^)]*\)|<[^>]+>)$")
# Site chrome that scrapers glue into the text, inside a paragraph as often as on its own line:
# account forms, rights notices, newsletter thanks, template placeholders. Phrases a news
# sentence does not use, so one is enough.
CHROME = re.compile(
    r"جميع\s+الحقوق\s+محفوظة|كلمة\s+(?:السر|المرور)|الرجاء\s+(?:إدخال|ادخال|المحاولة)|شكر\s?ا\s+لإ?ا?شتراكك"
    r"|نشكر\s+كل\s+متابعينا|ليست\s+مسؤولة\s+عن\s+محتوى\s+المواقع|تسجيل\s+الدخول|سياسة\s+الخصوصية"
    r"|all\s+rights\s+reserved|(?:enter|reset)\s+(?:your\s+)?password|privacy\s+policy|terms\s+of\s+(?:use|service)"
    r"|enable\s+javascript|subscribe\s+to\s+our|not\s+responsible\s+for\s+the\s+content\s+of\s+external"
    r"|your\s+browser\s+does\s+not\s+support|search\s+this\s+site|الأكثر\s+قراءة|أخبار\s+متعلقة|مواضيع\s+ذات\s+صلة|اختيارات\s+المحرر"
    r"|\{\s*\*|\*\s*\}|\{\{|\}\}",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?؟…]['\"”’»)]*$")


@dataclass(frozen=True)
class Line:
    """One line of a source: ``start``/``end`` bound its stripped text in the source."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of ``text[start:end]``, stripped, with offsets into ``text``."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    pos = start
    for raw in text[start:end].splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            lines.append(Line(s, s + len(stripped), stripped))
        pos += len(raw)
    return lines


def is_furniture(line: Line) -> bool:
    text = line.text.lstrip("#> ").strip()
    return bool(FURNITURE.match(text) or TAGS.match(text) or OUTLET.match(text) or MARKUP.match(text))


def is_page_chrome(text: str) -> bool:
    """A sentence that is the site's, not the article's (``CHROME``)."""
    return bool(CHROME.search(text))


def outlet_of(line: Line) -> str | None:
    match = OUTLET.match(line.text)
    return match.group("outlet").strip() if match else None


def is_short_label(line: Line) -> bool:
    """Section names, datelines and credits ("دولي", "أنقرة/ الأناضول", "وكالات")."""
    return line.words < 4 and not SENTENCE_END.search(line.text)


def ends_sentence(line: Line) -> bool:
    return bool(SENTENCE_END.search(line.text))
