"""Report writers. Each takes a ``Report`` (and ``show``: which pairs to list, ``view.SHOW``) and
returns text; each escapes what it quotes."""

from factcheck.report.html import render_html
from factcheck.report.json import render_json, report_to_dict
from factcheck.report.markdown import render_markdown
from factcheck.report.terminal import render_terminal

FORMATS = {
    "text": render_terminal,
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}

__all__ = ["FORMATS", "render_html", "render_json", "render_markdown", "render_terminal", "report_to_dict"]
