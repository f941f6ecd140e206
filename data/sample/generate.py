#!/usr/bin/env python3
"""Generate data/sample/tickets.csv from hand-written phrase banks.

Every sentence in the banks (banks/*.json) was written for this project; nothing is
taken or adapted from any public ticket data set. The script is deterministic:
the same banks and seed always give the same CSV, byte for byte.

A ticket is composed as

    [greeting] core-problem [queue-specific request] [impact matching the priority] [closing + name]

where the core problem (1-3 sentences, with its own subject and priority) is
written per queue and per language, and slots such as {app} or {order} are
filled from small lists of invented product names and numbers.

Usage:  python3 data/sample/generate.py [--out data/sample/tickets.csv] [--counts]
"""
import argparse
import collections
import csv
import io
import json
import os
import random

SEED = 20261127

QUEUES = [
    "Technical Support",
    "Product Support",
    "Customer Service",
    "IT Support",
    "Billing and Payments",
    "Returns and Exchanges",
    "Service Outages and Maintenance",
    "Sales and Pre-Sales",
    "General Inquiry",
    "Human Resources",
]
PRIORITIES = ["high", "medium", "low"]
# queues whose tickets are about systems or devices; the others get "personal" impact phrases
SYSTEM_QUEUES = {"Technical Support", "Product Support", "IT Support", "Service Outages and Maintenance"}

# Tickets per queue for each language: 10 queues x (12 + 8 + 8 + 6 + 6) = 400 tickets,
# i.e. en 30 %, de 20 %, es 20 %, fr 15 %, pt 15 %.
PER_QUEUE = {"en": 12, "de": 8, "es": 8, "fr": 6, "pt": 6}

# Invented product names (no real brands), shared by all languages.
APPS = ["FlowDesk", "Corvina CRM", "LedgerLine", "NoteHive", "Quillpad", "ShiftBoard",
        "Vantora Analytics", "CloudNest", "PayTrail", "TeamPulse"]
# Model-like names with no vowel at the start and no category noun, so that articles
# and elision work in every language ("der/le/el/o Tarvo T9", "de Corvina CRM").
DEVICES = ["Kestrel K2", "PixelJet 500", "Corsa X14", "Brio D3", "Nordic 7",
           "Tarvo T9", "Zephyr Z2", "Lumen 10", "Vireo V5", "Strata AX3"]

HERE = os.path.dirname(os.path.abspath(__file__))


def amount(rng, lang):
    value = rng.choice([19, 29, 49, 79, 99, 129, 149, 249, 399, 1290]) + rng.choice([0, 0.5, 0.99])
    if lang == "en":
        return f"${value:,.2f}" if rng.random() < 0.4 else f"€{value:,.2f}"
    text = f"{value:,.2f}".replace(",", " ").replace(".", ",")
    return f"{text} €" if lang != "pt" or rng.random() < 0.5 else f"R$ {text}"


def slot_values(rng, lang):
    slots = {
        "app": rng.choice(APPS),
        "dev": rng.choice(DEVICES),
        "order": f"{rng.choice('ABCKR')}-{rng.randint(10000, 99999)}",
        "inv": f"INV-{rng.randint(2024, 2026)}-{rng.randint(1000, 9999)}",
        "ver": f"{rng.randint(2, 9)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}",
        "n": str(rng.randint(3, 40)),
        "amount": amount(rng, lang),
        "ticket": str(rng.randint(100000, 999999)),
        "ref": str(rng.randint(10000, 99999)),
    }
    return slots


def load_bank(lang):
    """One language's phrase bank: banks/<lang>.json (its keys are described in README.md)."""
    with open(os.path.join(HERE, "banks", f"{lang}.json"), encoding="utf-8") as f:
        return json.load(f)


def compose(bank, queue, core, rng):
    lang = bank["lang"]
    priority, subject, body = core
    # a core that already ends with a question needs a request sentence less often
    p_ask = 0.35 if body.rstrip().endswith("?") else 0.7
    asks = bank["queues"][queue]["ask"] + (bank["queues"][queue].get("ask_high", []) if priority == "high" else [])
    ask = rng.choice(asks) if rng.random() < p_ask else ""
    impacts = bank["impact"] if queue in SYSTEM_QUEUES else bank["impact_personal"]
    impact = rng.choice(impacts[priority]) if rng.random() < 0.65 else ""
    sentences = [body]
    if ask:
        sentences.append(ask)
    if impact:
        # the impact statement comes before or after the request
        if ask and rng.random() < 0.5:
            sentences.insert(1, impact)
        else:
            sentences.append(impact)
    text = " ".join(sentences)
    greeting = rng.choice(bank["greet"])
    if greeting:
        text = greeting + rng.choice(["\n\n", "\n"]) + text
    closing = rng.choice(bank["close"])
    if closing:
        name = rng.choice(bank["names"])
        if closing.endswith(","):
            # "Best regards," is always followed by a name on its own line
            text += "\n\n" + closing + "\n" + name
        elif closing[-1] in ".!" and rng.random() < 0.5:
            # only sentence-like closings ("Thanks in advance.") run on in the same line
            text += " " + closing
        else:
            text += "\n\n" + closing + ("\n" + name if rng.random() < 0.5 else "")
    # subject and body share one set of slot values (same product, same order number)
    slots = slot_values(rng, lang)
    body = text.format(**slots)
    subject = subject.format(**slots)
    r = rng.random()
    if r < 0.12:
        subject = ""
    elif priority == "high" and r < 0.25:
        subject = bank["urgent_prefix"] + subject
    elif r < 0.30 and lang != "de":
        subject = subject[0].lower() + subject[1:]
    return subject, body


def generate():
    rng = random.Random(SEED)
    rows = []
    for lang in PER_QUEUE:
        bank = load_bank(lang)
        for queue in QUEUES:
            cores = list(bank["queues"][queue]["cores"])
            found = {p for p, _, _ in cores}
            if found != set(PRIORITIES):
                raise SystemExit(f"{lang}/{queue}: cores must cover all priorities, found {sorted(found)}")
            need = PER_QUEUE[lang]
            # use every core once before any core is used again; keep all priorities present
            picked = []
            while len(picked) < need:
                batch = cores[:]
                rng.shuffle(batch)
                picked.extend(batch)
            picked = picked[:need]
            if {p for p, _, _ in picked} != set(PRIORITIES):
                # guarantee every priority in every queue and language
                for p in PRIORITIES:
                    if p not in {c[0] for c in picked}:
                        picked[-1] = next(c for c in cores if c[0] == p)
            seen = set()
            for core in picked:
                for _ in range(20):
                    subject, body = compose(bank, queue, core, rng)
                    if body not in seen:
                        break
                seen.add(body)
                rows.append({"subject": subject, "body": body, "queue": queue,
                             "priority": core[0], "language": lang})
    rng.shuffle(rows)
    return rows


def counts(rows):
    out = io.StringIO()
    for column in ("queue", "priority", "language"):
        c = collections.Counter(r[column] for r in rows)
        out.write(f"{column}:\n")
        for key, value in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"  {key:<34}{value:>4}\n")
    out.write(f"rows: {len(rows)}\n")
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(HERE, "tickets.csv"))
    parser.add_argument("--counts", action="store_true", help="print counts per column")
    args = parser.parse_args()
    rows = generate()
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["subject", "body", "queue", "priority", "language"],
                                lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} tickets to {os.path.relpath(args.out)}")
    if args.counts:
        print(counts(rows), end="")


if __name__ == "__main__":
    main()
