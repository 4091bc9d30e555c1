"""Terminal report (Rich), made for an 80-column terminal: sources by name, conflicting facts,
then the pairs ``show`` lists with every reason in full. Long lines wrap; quotes are never cut,
and document ids are never shortened (a shortened id looks like its neighbours)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape as _rich_escape
from rich.table import Table

from factcheck.report.view import DEFAULT_SHOW, SHOW, ReportView, build_view, isolate_rtl, printable, shorten
from factcheck.schema import Report


def escape(text: str) -> str:
    """Article text for Rich: markup escaped, control characters shown, never acted on."""
    return _rich_escape(printable(str(text)))

STYLE = {"contradiction": "bold red", "entailment": "green", "neutral": "dim"}
WIDTH = 80


def render_terminal(report: Report, *, width: int = WIDTH, color: bool = False, show: str = DEFAULT_SHOW) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None)
    print_report(console, report, show=show)
    return buffer.getvalue()


def print_report(console: Console, report: Report, *, show: str = DEFAULT_SHOW) -> None:
    view = build_view(report)
    shown = view.shown(show)
    counts = view.counts
    console.print(
        f"[bold]{len(report.documents)} documents, {len(report.claims)} claims, {len(report.pairs)} pairs[/bold]: "
        f"[red]{counts['contradiction']} contradictions[/red], [green]{counts['entailment']} agreements[/green], "
        f"{counts['neutral']} neutral"
    )
    for note in report.notes:
        console.print(f"[dim]note: {escape(note)}[/dim]")
    for problem in report.problems:
        console.print(f"[yellow]skipped {escape(problem.path)}: {escape(problem.message)}[/yellow]")
    _sources(console, view)

    if view.facts:
        console.rule("Facts")
        for fact in view.facts:
            style = "bold red" if fact.status == "conflicting" else "green"
            kinds = view.conflict_kinds(fact)
            console.print(f"[{style}]{escape(fact.status.upper())}[/{style}]"
                          f"{' (' + ', '.join(kinds) + ')' if kinds else ''} {escape(_line(view.fact_title(fact)))}")
            for version in fact.versions:
                console.print(f"  • {escape(_line(view.version_line(version)))}")
                history = view.history(fact, version)
                if history:
                    console.print(f"    [dim]{escape(_line(history))}[/dim]")

    hidden = len(view.pairs) - len(shown)
    console.rule(f"Pairs: {len(shown)} of {len(view.pairs)}")
    if hidden:
        left_out = ", ".join(label for label in ("contradiction", "entailment", "neutral") if label not in SHOW[show])
        console.print(f"[dim]{hidden} pairs not listed ({left_out}); --show all lists every pair[/dim]")
    for v in shown:
        p = v.pair
        console.print()
        console.print(f"[{STYLE[p.label]}]{p.label}[/{STYLE[p.label]}] confidence {p.confidence:.2f}, "
                      f"similarity {p.similarity:.3f}")
        for claim in (v.a, v.b):
            console.print(f"  [cyan]{escape(_line(view.said_by(claim)))}[/cyan] [dim]{escape(claim.id)}[/dim]")
            console.print(f"    {escape(' '.join(claim.text.split()))}")
        for reason in p.reasons:
            console.print(f"  [magenta]{escape(reason.kind)}[/magenta]: {escape(_line(view.reason_line(v, reason)))}")


def _sources(console: Console, view: ReportView) -> None:
    table = Table(title="Sources", title_justify="left", expand=True, pad_edge=False)
    table.add_column("source (document id)", overflow="fold", ratio=3)
    table.add_column("published", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=2)
    for d in view.report.documents:
        name = view.names[d.id]
        label = name if d.id in name else f"{name}\n{d.id}"
        table.add_row(escape(_line(label)), str(d.published or "undated"), d.language,
                      escape(shorten(d.title or "-", 60)))
    console.print(table)


def _line(text: str) -> str:
    """Arabic runs isolated, so a line mixing them with ids, dates and figures keeps its order."""
    return isolate_rtl(text)
