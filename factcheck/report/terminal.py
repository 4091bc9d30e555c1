"""Terminal report (Rich): a summary, conflicting facts, then pairs with their evidence."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from factcheck.report.view import build_view, doc_label, isolate_rtl, reason_text, version_line
from factcheck.schema import Report

STYLE = {"contradiction": "bold red", "entailment": "green", "neutral": "dim"}


def render_terminal(report: Report, *, width: int = 110, color: bool = False, max_pairs: int = 40) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None)
    print_report(console, report, max_pairs=max_pairs)
    return buffer.getvalue()


def print_report(console: Console, report: Report, *, max_pairs: int = 40) -> None:
    view = build_view(report)
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

    if view.facts:
        console.rule("Facts")
        for fact in view.facts:
            style = "bold red" if fact.status == "conflicting" else "green"
            console.print(f"[{style}]{escape(fact.status.upper())}[/{style}] {escape(fact.summary)}")
            for version in fact.versions:
                console.print(f"   • {escape(isolate_rtl(version_line(version)))}")

    console.rule("Pairs")
    for v in view.pairs[:max_pairs]:
        p = v.pair
        console.print(
            f"[{STYLE[p.label]}]{p.label}[/{STYLE[p.label]}] confidence {p.confidence:.2f}, similarity {p.similarity:.3f}"
        )
        console.print(f"  [cyan]{escape(doc_label(v.doc_a))}[/cyan] {escape(v.a.text)}")
        console.print(f"  [cyan]{escape(doc_label(v.doc_b))}[/cyan] {escape(v.b.text)}")
        for reason in p.reasons:
            console.print(f"  [magenta]{escape(reason.kind)}[/magenta]: {escape(isolate_rtl(reason_text(reason)))}")
    if len(view.pairs) > max_pairs:
        console.print(f"[dim]… {len(view.pairs) - max_pairs} more pairs (use --format json or markdown for all)[/dim]")

    table = Table(title="Documents", show_lines=False)
    for column in ("id", "published", "lang", "parent", "title"):
        table.add_column(column)
    for d in report.documents:
        table.add_row(escape(d.id), str(d.published or "-"), d.language, escape(d.parent or "-"), escape(d.title or "-"))
    console.print(table)
