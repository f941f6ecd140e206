#!/usr/bin/env python3
"""Check data/sample/tickets.csv and print its counts as Markdown tables.

Parses the file with Python's csv module, checks the header, the labels and the
coverage promised in README.md (every queue in every language, every priority in
every queue), then prints counts per queue, priority and language.
Exit code 1 with a one-line reason if a check fails.

Usage:  python3 data/sample/stats.py [FILE]
"""
import collections
import csv
import os
import sys

HEADER = ["subject", "body", "queue", "priority", "language"]
QUEUES = ["Technical Support", "Product Support", "Customer Service", "IT Support",
          "Billing and Payments", "Returns and Exchanges", "Service Outages and Maintenance",
          "Sales and Pre-Sales", "General Inquiry", "Human Resources"]
PRIORITIES = ["high", "medium", "low"]
LANGUAGES = ["en", "de", "es", "fr", "pt"]


def fail(path, message):
    print(f"{path}: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "tickets.csv")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != HEADER:
            fail(path, f"header is {reader.fieldnames}, expected {HEADER}")
        rows = list(reader)
    for i, r in enumerate(rows, start=2):
        if None in r or any(v is None for v in r.values()):
            fail(path, f"record {i}: wrong number of fields")
        if not r["body"].strip():
            fail(path, f"record {i}: empty body")
        if r["queue"] not in QUEUES:
            fail(path, f"record {i}: unknown queue {r['queue']!r}")
        if r["priority"] not in PRIORITIES:
            fail(path, f"record {i}: unknown priority {r['priority']!r}")
        if r["language"] not in LANGUAGES:
            fail(path, f"record {i}: unknown language {r['language']!r}")
    ql = collections.Counter((r["queue"], r["language"]) for r in rows)
    qp = collections.Counter((r["queue"], r["priority"]) for r in rows)
    for q in QUEUES:
        for lang in LANGUAGES:
            if not ql[(q, lang)]:
                fail(path, f"queue {q!r} has no ticket in language {lang}")
        for p in PRIORITIES:
            if not qp[(q, p)]:
                fail(path, f"queue {q!r} has no ticket with priority {p}")
    bodies = collections.Counter(r["body"] for r in rows)
    duplicates = sum(c - 1 for c in bodies.values() if c > 1)

    pc = collections.Counter(r["priority"] for r in rows)
    lc = collections.Counter(r["language"] for r in rows)
    n = len(rows)
    print(f"{os.path.basename(path)}: {n} tickets, parsed OK; "
          f"{sum(1 for r in rows if not r['subject'])} with empty subject, "
          f"{sum(1 for r in rows if chr(10) in r['body'])} with line breaks in the body, "
          f"{duplicates} duplicate bodies\n")
    print("| Queue | " + " | ".join(LANGUAGES) + " | high | medium | low | total |")
    print("| --- |" + " ---: |" * (len(LANGUAGES) + len(PRIORITIES) + 1))
    for q in QUEUES:
        cells = [ql[(q, lang)] for lang in LANGUAGES] + [qp[(q, p)] for p in PRIORITIES]
        print(f"| {q} | " + " | ".join(map(str, cells)) + f" | {sum(ql[(q, lang)] for lang in LANGUAGES)} |")
    cells = [lc[lang] for lang in LANGUAGES] + [pc[p] for p in PRIORITIES]
    print("| **total** | " + " | ".join(f"**{c}**" for c in cells) + f" | **{n}** |")
    print()
    print("Priority: " + ", ".join(f"{p} {pc[p]} ({100 * pc[p] / n:.0f} %)" for p in PRIORITIES))
    print("Language: " + ", ".join(f"{lang} {lc[lang]} ({100 * lc[lang] / n:.0f} %)" for lang in LANGUAGES))


if __name__ == "__main__":
    main()
