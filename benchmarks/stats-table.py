#!/usr/bin/env python3
"""Prints the statistics table of a Gatling HTML report as Markdown rows.

Usage: benchmarks/stats-table.py [report-dir]   (default: the newest under benchmarks/target/gatling)
"""
import html
import pathlib
import re
import sys

COLUMNS = ["total", "OK", "KO", "% KO", "cnt/s", "min", "p50", "p75", "p95", "p99", "max", "mean", "std dev"]


def newest_report():
    reports = sorted(
        pathlib.Path(__file__).parent.joinpath("target", "gatling").glob("*-*/index.html"),
        key=lambda p: p.stat().st_mtime,
    )
    if not reports:
        sys.exit("no report under benchmarks/target/gatling")
    return reports[-1].parent


def rows(index_html):
    for row in re.findall(r"<tr id=\"[^\"]+\"[^>]*>(.*?)</tr>", index_html, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', row, re.S)
        values = re.findall(r'<td class="value [^"]*col-(\d+)">(.*?)</td>', row, re.S)
        if name and values:
            yield html.unescape(name.group(1).strip()), [v for _, v in sorted(values, key=lambda x: int(x[0]))]


def main():
    report = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else newest_report()
    print(f"<!-- {report.name} (response times in ms) -->")
    print("| request or group | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for name, values in rows((report / "index.html").read_text(encoding="utf-8")):
        print(f"| {name} | " + " | ".join(values) + " |")


if __name__ == "__main__":
    main()
