#!/usr/bin/env python3
"""Times loading an .xlsx of financial rows: realize against fastexcel (calamine) and openpyxl.

    python3 bench/xlsx.py --realize BIN --data DIR [--rows N] [--runs N]

Takes the first N rows of DIR/financials.csv (a folder written by gen_portfolio.py), writes them
as a workbook with realize's own `.export financials.xlsx financials` (cached beside the data as
financials-N.xlsx in DIR-xlsx/), then times, best of --runs:

  * realize: `Load Time: X s` on stderr of `realize --data F.xlsx --timer -c 'financials | take 1'`;
  * fastexcel: `fastexcel.read_excel(F).load_sheet(0).to_arrow()`, in this process;
  * openpyxl: `load_workbook(F, read_only=True)` and every row's values (one run: it is slow).

A peer that is not installed is skipped. The ratio is realize / peer (below 1, realize is faster);
the goal is realize within 1.5x of fastexcel. Exits 0 when realize loaded the workbook.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

TIMEOUT = 1800  # seconds for one subprocess
GOAL = 1.5


def make_workbook(binary: str, data: str, rows: int) -> tuple[str, int]:
    """The cached workbook of the first `rows` financial rows, and how many rows it holds."""
    source = os.path.join(data, "financials.csv")
    # Beside the data folder, not in it: a workbook in it would be loaded with the CSV files by the
    # other benchmarks (`--data DIR`), and clash with financials.csv.
    folder = os.path.normpath(data) + "-xlsx"
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, f"financials-{rows}.xlsx")
    with open(source, encoding="utf-8") as f:
        header = f.readline()
        lines = []
        for line in f:
            if len(lines) == rows:
                break
            lines.append(line)
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
        return target, len(lines)
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "financials.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write(header)
            f.writelines(lines)
        p = subprocess.run([binary, "--data", csv, "-c", f".export {target} financials"],
                           capture_output=True, text=True, timeout=TIMEOUT)
        if p.returncode != 0:
            sys.exit(f"xlsx.py: realize could not write the workbook: {p.stderr.strip()}")
    return target, len(lines)


def time_realize(binary: str, path: str, runs: int) -> float | str:
    pattern = re.compile(r"Load Time:\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)\s*s")
    best = None
    for _ in range(runs):
        p = subprocess.run([binary, "--data", path, "--timer", "-c", "financials | take 1"],
                           capture_output=True, text=True, timeout=TIMEOUT)
        found = pattern.findall(p.stderr)
        if p.returncode != 0 or not found:
            return "error: " + " ".join((p.stderr or p.stdout or f"exit {p.returncode}").split())[:160]
        s = float(found[-1])
        best = s if best is None else min(best, s)
    return best


def time_fastexcel(path: str, runs: int) -> float | str:
    try:
        import fastexcel
    except ImportError:
        return "not installed"
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        table = fastexcel.read_excel(path).load_sheet(0).to_arrow()
        s = time.perf_counter() - start
        assert table.num_rows > 0
        best = s if best is None else min(best, s)
    return best


def time_openpyxl(path: str) -> float | str:
    try:
        import openpyxl
    except ImportError:
        return "not installed"
    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [r for r in wb.worksheets[0].iter_rows(values_only=True)]
    s = time.perf_counter() - start
    wb.close()
    assert len(rows) > 1
    return s


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--realize", required=True, help="the realize binary (release build)")
    ap.add_argument("--data", required=True, help="a folder written by gen_portfolio.py")
    ap.add_argument("--rows", type=int, default=500_000, help="financial rows in the workbook")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure; the best is kept")
    args = ap.parse_args(argv)

    path, rows = make_workbook(args.realize, args.data, args.rows)
    size = os.path.getsize(path) / 1e6
    print(f"\n== XLSX load: {rows:,} financial rows, {size:.1f} MB ({os.path.basename(path)}), best of {args.runs}")
    realize = time_realize(args.realize, path, args.runs)
    peers = [("fastexcel (calamine)", time_fastexcel(path, args.runs)),
             ("openpyxl read-only (1 run)", time_openpyxl(path))]
    print(f"{'reader':<28} {'seconds':>9} {'realize / it':>13}")
    print(f"{'realize':<28} {realize if isinstance(realize, str) else f'{realize:9.3f}':>9}")
    for name, figure in peers:
        if isinstance(figure, str):
            print(f"{name:<28} {figure:>9}")
        else:
            ratio = f"{realize / figure:.2f}" if not isinstance(realize, str) and figure > 0 else "-"
            print(f"{name:<28} {figure:9.3f} {ratio:>13}")
    fast = peers[0][1]
    if not isinstance(realize, str) and not isinstance(fast, str):
        verdict = "within" if realize <= GOAL * fast else "NOT within"
        print(f"realize is {verdict} {GOAL}x of fastexcel ({realize / fast:.2f}x)")
    return 1 if isinstance(realize, str) else 0


if __name__ == "__main__":
    sys.exit(main())
