#!/usr/bin/env python3
"""Writes the training-at-scale inputs: the given ticket CSV repeated until it has the largest size asked for,
each row's body ending in a token of its own (so no two rows are the same text), and one file per size holding
the first N rows of that.

    scale_data.py TICKETS_CSV OUT_DIR 4000 8000 16000 32000

Writes OUT_DIR/tickets-<N>.csv with the input's columns. Nothing here is committed: the input is read through a
path, the outputs go to OUT_DIR.
"""
import csv
import sys
from pathlib import Path


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    sizes = sorted(int(n) for n in sys.argv[3:])
    if not sizes:
        sys.exit("give at least one size")
    with source.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns, rows = reader.fieldnames, list(reader)
    out.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        with (out / f"tickets-{size}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            for n in range(size):
                row = dict(rows[n % len(rows)])
                row["body"] = f"{row['body']} ref{n:06d}"
                writer.writerow(row)
    print(f"{len(rows)} rows read, wrote sizes {' '.join(map(str, sizes))} to {out}")


if __name__ == "__main__":
    main()
