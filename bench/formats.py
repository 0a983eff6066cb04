#!/usr/bin/env python3
"""Times realize loading European CSV against the plain CSV of the same data.

Usually started by bench/run.sh after bench.py:

    python3 bench/formats.py --realize PATH/TO/realize --data /tmp/realize-bench-medium [--runs 5]

From the benchmark's financials.csv it writes (once, into DATA/european/) a European rendering:
`;`-separated, decimal comma, dates as dd.mm.yyyy where there are dates (financials has periods,
which stay YYYY-MM). Then, best of --runs each, taken in turns (`Load Time:` of `realize --timer -c '.load F'`):

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
import resource
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


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def load_time(binary: str, command: str) -> tuple[float, float] | str:
    """The `Load Time:` of one run of `realize --timer -c COMMAND` (the last one: the sample loads first) and the
    process's CPU seconds (steadier than wall time on a busy machine), or the error."""
    before = _cpu()
    try:
        p = subprocess.run([binary, "--timer", "-c", command], capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    cpu = _cpu() - before
    found = LOAD_TIME.findall(p.stderr)
    if p.returncode != 0 or not found:
        return (p.stderr.strip() or f"exit {p.returncode}")[:200]
    return float(found[-1]), cpu


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
    # Round robin, so that a busy machine slows every case alike; best of the runs.
    times: dict[str, float] = {}
    cpus: dict[str, float] = {}
    errors: dict[str, str] = {}
    for _ in range(args.runs):
        for label, command in cases:
            if label in errors:
                continue
            t = load_time(args.realize, command)
            if isinstance(t, tuple):
                times[label] = min(t[0], times.get(label, t[0]))
                cpus[label] = min(t[1], cpus.get(label, t[1]))
            else:
                errors[label] = t
    for label, _ in cases:
        if label in times:
            print(f"  {label:<18} {times[label]:8.3f} s  {size / times[label]:7.1f} MB/s   process CPU {cpus[label]:6.3f} s")
        else:
            print(f"  {label:<18} error: {errors.get(label)}")
    failed = bool(errors)
    if min(times.values(), default=0) < 0.05:
        print("  (loads under 0.05 s: too short for the ratios to mean much; use --scale medium)")
    if times.get("plain") and "european" in times and cpus.get("plain"):
        r = times["european"] / times["plain"]
        rc = cpus["european"] / cpus["plain"]
        print(f"  european / plain           {r:5.2f}x   goal < 1.30x  {'ok' if r < 1.3 else 'MISSED'}   (process CPU {rc:.2f}x)")
    if "plain" in times and times.get("plain explicit") and cpus.get("plain explicit"):
        c = times["plain"] / times["plain explicit"] - 1
        cc = cpus["plain"] / cpus["plain explicit"] - 1
        print(f"  sniffer cost on plain      {c * 100:+5.1f} %  goal < 5 %    {'ok' if c < 0.05 else 'MISSED'}   (process CPU {cc * 100:+.1f} %)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
