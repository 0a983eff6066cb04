#!/usr/bin/env python3
"""Workspaces: loading the CSV portfolio vs reopening its saved workspace (Arrow IPC files), for realize,
with DuckDB reading the same Arrow files (through pyarrow's memory map) as a peer.

Usage: python3 bench/workspace.py --realize BIN --data DIR [--scale NAME] [--repeat N]
Prints one line per measurement, best of N (default 3), in milliseconds.
"""
import argparse, os, shutil, subprocess, sys, tempfile, time


def best(cmd, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - t0)
        if r.returncode != 0:
            sys.exit(f"workspace.py: {' '.join(cmd)} failed: {r.stderr.strip()}")
    return min(times) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--realize", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--scale", default="?")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="realize-ws-bench-")
    ws = os.path.join(tmp, "portfolio.realize")
    query = "financials | agg s = sum(actual_cost)"
    try:
        rows = []
        load = best([a.realize, "--data", a.data, "-c", ".print ready"], a.repeat)
        rows.append(("realize: CSV load to first prompt", load))
        t0 = time.perf_counter()
        subprocess.run([a.realize, "--data", a.data, "-c", f".save {ws}"], check=True, stdout=subprocess.DEVNULL)
        rows.append(("realize: CSV load + .save workspace", (time.perf_counter() - t0) * 1000))
        rows.append(("realize: reopen workspace to first prompt", best([a.realize, ws, "-c", ".print ready"], a.repeat)))
        rows.append(("realize: CSV load + sum(actual_cost)", best([a.realize, "--data", a.data, "-c", query], a.repeat)))
        rows.append(("realize: reopen workspace + sum(actual_cost)", best([a.realize, ws, "-c", query], a.repeat)))
        try:
            import duckdb, pyarrow as pa, pyarrow.ipc as ipc  # noqa: F401
            times = []
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                financials = ipc.open_file(pa.memory_map(os.path.join(ws, "financials.arrow"))).read_all()  # noqa: F841
                duckdb.sql("select sum(actual_cost) from financials").fetchall()
                times.append(time.perf_counter() - t0)
            rows.append(("duckdb: same Arrow file (pyarrow mmap) + sum(actual_cost)", min(times) * 1000))
        except ImportError as e:
            rows.append((f"duckdb: skipped ({e.name} not importable)", float("nan")))
        size = sum(os.path.getsize(os.path.join(ws, f)) for f in os.listdir(ws))
        print(f"== workspace ({a.scale}; workspace {size / 1e6:.0f} MB; best of {a.repeat})")
        for name, ms in rows:
            print(f"{name:62s} {ms:10.1f} ms")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
