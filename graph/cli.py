"""The `ties` command: a thin wrapper over the library's stages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from nlp.errors import ReportError
from nlp.pipeline import extract_events, load_models
from nlp.records import Report
from nlp.report import read_report, report_files


def _say(message: str) -> None:
    click.echo(message, err=True)


def read_reports(paths: tuple[Path, ...]) -> tuple[list[Report], int]:
    """Reports read from PATHS, and how many files or rows failed; problems are printed one a line."""
    reports: list[Report] = []
    failed = 0
    files = list(report_files(list(paths)))
    if not files:
        _say(f"error: no report files (.txt, .docx) under {', '.join(map(str, paths))}")
        return [], 1
    for path in files:
        try:
            report = read_report(path)
        except ReportError as error:
            _say(f"error: {error}")
            failed += 1
            continue
        for message in report.warnings:
            _say(f"warning: {message}")
        for message in report.errors:
            _say(f"error: {message}")
        failed += bool(report.errors)
        reports.append(report)
    return reports, failed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Knowledge graph of the Smolensk region's international ties."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON Lines file to write (default: standard output).")
def extract(paths: tuple[Path, ...], out: Path | None) -> None:
    """Read reports (files or folders) and write one JSON line per event."""
    reports, failed = read_reports(paths)
    lines: list[str] = []
    if reports:
        models = load_models()
        total = sum(len(report.events) for report in reports)
        with click.progressbar(length=total, label="extracting", file=sys.stderr, show_pos=True) as bar:
            events = extract_events(reports, models, progress=bar.update)
        lines = [json.dumps(extracted.to_dict(), ensure_ascii=False) for extracted in events]
    text = "\n".join(lines) + ("\n" if lines else "")
    if out is None:
        click.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        _say(f"{len(lines)} events from {len(reports)} reports -> {out}")
    if failed:
        _say(f"{failed} file(s) had errors")
        sys.exit(1)
