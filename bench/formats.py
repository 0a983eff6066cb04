#!/usr/bin/env python3
"""Times realize loading European CSV against the plain CSV of the same data.

Usually started by bench/run.sh after bench.py:

    python3 bench/formats.py --realize PATH/TO/realize --data /tmp/realize-bench-medium [--runs 5]

From the benchmark's financials.csv it writes (once, into DATA/european/) a European rendering:
`;`-separated, decimal comma, dates as dd.mm.yyyy where there are dates (financials has periods,
which stay YYYY-MM). Then, best of --runs each (`Load Time:` of `realize --timer -c '.load F'`):

  * plain: the plain CSV, sniffed;            plain explicit: with `delimiter ',' decimal '.' encoding utf8`;
  * european: the European CSV, sniffed;      european explicit: with `delimiter ';' decimal ','`.

It prints the figures and two ratios against the goals of issue #12:
  european / plain            must be under 1.3 (a European file loads within 1.3x of a plain one);
  plain / plain explicit - 1  must be under 5 % (what the sniffer adds to a plain load).
Exits 0 when every load succeeded (a goal missed is reported, not fatal), 1 when one failed, 2 on bad arguments.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys

DECIMAL = re.compile(r"^-?\d+\.\d+$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
LOAD_TIME = re.compile(r"Load Time:\s*([0-9.eE+-]+)\s*s")
TIMEOUT = 600


def european(src: str, dst: str) -> None:
    """Writes src as `;`-separated CSV with decimal commas and dd.mm.yyyy dates."""
    if os.path.exists(dst) and os.path.getmtime(dst) >= os.path.getmtime(src):
        return
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    tmp = dst + ".tmp"
    with open(src, newline="", encoding="utf-8") as fin, open(tmp, "w", newline="", encoding="utf-8") as fout:
        writer = csv.writer(fout, delimiter=";", lineterminator="\r\n")
        for k, row in enumerate(csv.reader(fin)):
            if k > 0:
                for i, v in enumerate(row):
                    if DECIMAL.match(v):
                        row[i] = v.replace(".", ",")
                    elif (m := DATE.match(v)):
                        row[i] = f"{m.group(3)}.{m.group(2)}.{m.group(1)}"
            writer.writerow(row)
    os.replace(tmp, dst)


def load_time(binary: str, command: str, runs: int) -> float | str:
    """Best `Load Time:` of `runs` runs of `realize --timer -c COMMAND`, or the error."""
    best = None
    for _ in range(runs):
        try:
            p = subprocess.run([binary, "--timer", "-c", command], capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as e:
            return str(e)
        found = LOAD_TIME.findall(p.stderr)
        if p.returncode != 0 or not found:
            return (p.stderr.strip() or f"exit {p.returncode}")[:200]
        best = float(found[-1]) if best is None else min(best, float(found[-1]))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--realize", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--table", default="financials")
    args, _ = ap.parse_known_args()
    src = os.path.join(args.data, f"{args.table}.csv")
    if not os.path.exists(src):
        print(f"formats.py: no {src}", file=sys.stderr)
        return 2
    dst = os.path.join(args.data, "european", f"{args.table}.csv")
    european(src, dst)
    cases = [
        ("plain", f".load '{src}'"),
        ("plain explicit", f".load '{src}' delimiter ',' decimal '.' encoding utf8"),
        ("european", f".load '{dst}'"),
        ("european explicit", f".load '{dst}' delimiter ';' decimal ','"),
    ]
    size = os.path.getsize(src) / 1e6
    print(f"\n== CSV formats: {args.table}.csv ({size:.1f} MB), best of {args.runs}")
    times: dict[str, float] = {}
    failed = False
    for label, command in cases:
        t = load_time(args.realize, command, args.runs)
        if isinstance(t, float):
            times[label] = t
            print(f"  {label:<18} {t:8.3f} s  {size / t:7.1f} MB/s")
        else:
            failed = True
            print(f"  {label:<18} error: {t}")
    if "plain" in times and "european" in times:
        r = times["european"] / times["plain"]
        print(f"  european / plain           {r:5.2f}x   goal < 1.30x  {'ok' if r < 1.3 else 'MISSED'}")
    if "plain" in times and "plain explicit" in times:
        c = times["plain"] / times["plain explicit"] - 1
        print(f"  sniffer cost on plain      {c * 100:+5.1f} %  goal < 5 %    {'ok' if c < 0.05 else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
