#!/usr/bin/env python3
"""Times realize against DuckDB and Polars on one generated portfolio.

Usually started by bench/run.sh, which builds realize and generates the data:

    python3 bench/bench.py --realize PATH/TO/realize --data /tmp/realize-bench-small [--runs 3]

Measures, best of --runs rounds each (a round times every engine once, so a machine whose speed drifts
treats the engines alike):
  * loading financials.csv and projects.csv: realize (`Load Time:` on stderr of
    `realize --data F --data P --timer -c 'financials | take 1'`), DuckDB with 1 and with 2
    threads (`CREATE TABLE ... AS SELECT * FROM read_csv(...)`), and Polars on 1 and on 2
    threads (`read_csv`, in a subprocess with POLARS_MAX_THREADS);
  * every query of QUERIES: realize (`Run Time:` on stderr), DuckDB and Polars on 1 and 2
    threads; the tables a query needs are loaded first and not timed;
  * the domain commands (COMMANDS, appended to QUERIES: evm, trend, appraise, nps, benefits),
    realize only, except `evm by program` whose DuckDB peer is EVM_SQL;
  * the peak resident memory of realize loading the two files, and of a DuckDB process doing
    the same (its Python interpreter included; the baseline after `import duckdb` is shown).

Prints one table with each figure and the ratio realize/peer (below 1: realize is faster).
A failing realize query is reported as "realize: error ..." and the run goes on. Exits 0 when
realize loaded the data, 1 otherwise, 2 on bad arguments.

To add a query, append a Query to QUERIES. A query whose realize text is empty is skipped
(Q1-Q4 wait for joins and grouping in the language).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

Q2_PROGRAM = 'Finance Transformation, "Phase II"'


@dataclass
class Query:
    """One benchmark query, written for each engine."""
    id: str
    title: str
    tables: list[str]                # CSV stems the query reads
    realize: str                     # pipeline text; "" = not expressible yet, skipped
    duckdb: str                      # SQL over tables named after the stems; "" = no DuckDB peer
    polars: Callable | None          # (pl, {stem: LazyFrame}) -> LazyFrame; None = no Polars peer
    notes: str = ""


def _q0_polars(pl, t):
    f = t["financials"]
    return f.filter(pl.col("actual_cost") > pl.col("earned_value")).sort("actual_cost", descending=True).head(10)


def _q1_polars(pl, t):
    return (t["financials"].join(t["projects"].select("project_id", "program"), on="project_id")
            .group_by("program")
            .agg(pv=pl.col("planned_value").sum(), ev=pl.col("earned_value").sum(), ac=pl.col("actual_cost").sum())
            .with_columns(cpi=pl.col("ev") / pl.col("ac"), spi=pl.col("ev") / pl.col("pv"))
            .sort("program"))


def _q2_polars(pl, t):
    ids = t["projects"].filter(pl.col("program") == Q2_PROGRAM).select("project_id")
    return (t["financials"].join(ids, on="project_id")
            .group_by("period")
            .agg(ev=pl.col("earned_value").sum(), ac=pl.col("actual_cost").sum())
            .select("period", cpi=pl.col("ev") / pl.col("ac"))
            .sort("period"))


def _q3_polars(pl, t):
    return (t["financials"].join(t["projects"].select("project_id", "project"), on="project_id")
            .group_by("project_id", "project")
            .agg(cv=(pl.col("earned_value") - pl.col("actual_cost")).sum())
            .sort("cv", "project_id")
            .head(10))


def _q4_polars(pl, t):
    period = pl.col("period").cast(pl.Utf8)
    quarter = period.str.slice(0, 4) + "-Q" + ((period.str.slice(5, 2).cast(pl.Int32) + 2) // 3).cast(pl.Utf8)
    return (t["nps"].with_columns(quarter=quarter)
            .group_by("program", "quarter")
            .agg(responses=pl.len(),
                 nps=100.0 * ((pl.col("score") >= 9).sum().cast(pl.Int64)
                              - (pl.col("score") <= 6).sum().cast(pl.Int64)) / pl.len())
            .sort("program", "quarter"))


QUARTER_SQL = ("substr(CAST(period AS VARCHAR), 1, 4) || '-Q' || "
               "CAST((CAST(substr(CAST(period AS VARCHAR), 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR)")

QUERIES: list[Query] = [
    Query("Q0", "filter and sort: costliest overrunning months", ["financials"],
          realize="financials | where actual_cost > earned_value | sort -actual_cost | take 10",
          duckdb="SELECT * FROM financials WHERE actual_cost > earned_value ORDER BY actual_cost DESC LIMIT 10",
          polars=_q0_polars),
    Query("Q1", "PV, EV, AC, CPI and SPI by program (join)", ["financials", "projects"],
          realize="financials | join projects on project_id | by program agg pv = sum(planned_value), "
                  "ev = sum(earned_value), ac = sum(actual_cost), cpi = sum(earned_value) / sum(actual_cost), "
                  "spi = sum(earned_value) / sum(planned_value) | sort program",
          duckdb="SELECT p.program, SUM(f.planned_value) AS pv, SUM(f.earned_value) AS ev, "
                 "SUM(f.actual_cost) AS ac, SUM(f.earned_value) / SUM(f.actual_cost) AS cpi, "
                 "SUM(f.earned_value) / SUM(f.planned_value) AS spi "
                 "FROM financials f JOIN projects p USING (project_id) GROUP BY p.program ORDER BY p.program",
          polars=_q1_polars),
    Query("Q2", "monthly CPI of one program", ["financials", "projects"],
          realize="financials | join projects on project_id | where program = 'Finance Transformation, \"Phase II\"' "
                  "| by period agg cpi = sum(earned_value) / sum(actual_cost) | sort period",
          duckdb="SELECT f.period, SUM(f.earned_value) / SUM(f.actual_cost) AS cpi "
                 "FROM financials f JOIN projects p USING (project_id) "
                 "WHERE p.program = 'Finance Transformation, \"Phase II\"' GROUP BY f.period ORDER BY f.period",
          polars=_q2_polars),
    Query("Q3", "top 10 projects by cumulative cost variance", ["financials", "projects"],
          realize="financials | by project_id agg cv = sum(earned_value - actual_cost) | join projects on project_id "
                  "| select project_id, project, cv | sort cv, project_id | take 10",
          duckdb="SELECT f.project_id, p.project, SUM(f.earned_value - f.actual_cost) AS cv "
                 "FROM financials f JOIN projects p USING (project_id) "
                 "GROUP BY f.project_id, p.project ORDER BY cv, f.project_id LIMIT 10",
          polars=_q3_polars),
    Query("Q4", "NPS by program and quarter", ["nps"],
          realize="nps | by program, year = period.year, quarter = period.quarter agg responses = count(), "
                  "nps = 100.0 * (sum(score >= 9) - sum(score <= 6)) / count() | sort program, year, quarter",
          duckdb=f"SELECT program, {QUARTER_SQL} AS quarter, COUNT(*) AS responses, "
                 "100.0 * (COUNT(*) FILTER (WHERE score >= 9) - COUNT(*) FILTER (WHERE score <= 6)) / COUNT(*) AS nps "
                 "FROM nps GROUP BY ALL ORDER BY program, quarter",
          polars=_q4_polars),
]

# `evm by program` in SQL: cumulative PV, EV, AC to the status period (the latest period in financials), BAC from
# projects (null when a project of the program has no budget), and the ratios as EVMFigures defines them (null
# where realize's are undefined). Earned schedule (es, sv_t, spi_t…) is left out: it needs each program's PV curve.
EVM_SQL = """
WITH s AS (SELECT max(period) AS st FROM financials WHERE project_id IS NOT NULL AND period IS NOT NULL),
c AS (SELECT p.program, sum(f.planned_value) AS pv, sum(f.earned_value) AS ev, sum(f.actual_cost) AS ac
      FROM financials f JOIN projects p USING (project_id), s WHERE f.period <= s.st GROUP BY p.program),
b AS (SELECT program, count(*) AS projects, CASE WHEN count(budget) = count(*) THEN sum(budget) END AS bac
      FROM projects GROUP BY program),
e AS (SELECT b.program, b.projects, b.bac, coalesce(c.pv, 0) AS pv, coalesce(c.ev, 0) AS ev, coalesce(c.ac, 0) AS ac,
             coalesce(c.ev, 0) / nullif(coalesce(c.ac, 0), 0) AS cpi, coalesce(c.ev, 0) / nullif(coalesce(c.pv, 0), 0) AS spi
      FROM b LEFT JOIN c USING (program))
SELECT program, projects, (SELECT st FROM s) AS status_period, bac, pv, ev, ac, ev - ac AS cv, ev - pv AS sv, cpi, spi,
       100 * (ev - ac) / nullif(ev, 0) AS cv_pct, 100 * (ev - pv) / nullif(pv, 0) AS sv_pct,
       100 * ev / nullif(bac, 0) AS pct_complete, 100 * ac / nullif(bac, 0) AS pct_spent,
       bac / nullif(cpi, 0) AS eac_cpi, ac + (bac - ev) AS eac_plan, ac + (bac - ev) / nullif(cpi * spi, 0) AS eac_cpi_spi,
       bac / nullif(cpi, 0) - ac AS etc, bac - bac / nullif(cpi, 0) AS vac,
       CASE WHEN bac - ac > 0 THEN (bac - ev) / (bac - ac) END AS tcpi_bac,
       CASE WHEN least(cpi, spi) < 0.9 THEN 'red' WHEN least(cpi, spi) < 0.95 THEN 'amber'
            WHEN coalesce(cpi, spi) IS NOT NULL THEN 'green' END AS status
FROM e ORDER BY program
"""

# The domain commands: realize only, except `evm by program`, whose DuckDB peer is EVM_SQL.
COMMANDS: list[Query] = [
    Query("C1", "evm by program", ["financials", "projects"], realize="evm by program", duckdb=EVM_SQL, polars=None),
    Query("C2", "evm by project", ["financials", "projects"], realize="evm by project", duckdb="", polars=None),
    Query("C3", "trend cpi by program", ["financials", "projects"], realize="trend cpi by program", duckdb="", polars=None),
    Query("C4", "appraise by program", ["financials", "projects", "benefits"], realize="appraise by program",
          duckdb="", polars=None),
    Query("C5", "nps by program quarterly", ["nps", "projects"], realize="nps by program quarterly", duckdb="",
          polars=None),
    Query("C6", "benefits by program", ["benefits", "projects"], realize="benefits by program", duckdb="", polars=None),
]
QUERIES += COMMANDS

LOAD_TABLES = ["financials", "projects"]
LOAD_QUERY = "financials | take 1"
TIMEOUT = 900  # seconds for one subprocess


# ---------------------------------------------------------------- measurements

@dataclass
class Figure:
    """Best time of one engine for one measure, or why there is none."""
    seconds: float | None = None
    error: str | None = None


@dataclass
class Row:
    label: str
    realize: Figure = field(default_factory=Figure)
    peers: dict[str, Figure] = field(default_factory=dict)


def best(kept: Figure | None, new: Figure) -> Figure:
    """The faster of two figures of one measure; an error only while no round has given a time."""
    if kept is None or kept.seconds is None:
        return new if new.seconds is not None or kept is None or kept.error is None else kept
    if new.seconds is None:
        return kept
    return new if new.seconds < kept.seconds else kept


def _csv(data: str, stem: str) -> str:
    return os.path.join(data, f"{stem}.csv")


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def realize_time(binary: str, data: str, tables: list[str], query: str, marker: str, runs: int) -> Figure:
    """Best of `runs` of the `marker: X s` figure realize prints on stderr with --timer."""
    cmd = [binary]
    for stem in tables:
        cmd += ["--data", _csv(data, stem)]
    cmd += ["--timer", "-c", query]
    pattern = re.compile(re.escape(marker) + r":\s*([0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*s")
    best = None
    for _ in range(runs):
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as e:
            return Figure(error=_short(str(e)))
        found = pattern.findall(p.stderr)
        if p.returncode != 0 or not found:
            why = p.stderr.strip() or p.stdout.strip() or f"exit {p.returncode}"
            if p.returncode == 0:
                why = f"no '{marker}: X s' on stderr: {why}"
            return Figure(error=_short(why))
        s = float(found[-1])
        best = s if best is None else min(best, s)
    return Figure(seconds=best)


def duckdb_times(data: str, threads: int | None, runs: int) -> tuple[Figure, dict[str, Figure]]:
    """DuckDB load of LOAD_TABLES and each query, best of `runs`; threads None = DuckDB's default."""
    try:
        import duckdb
    except ImportError:
        return Figure(error="duckdb not installed"), {q.id: Figure(error="duckdb not installed") for q in QUERIES}

    def connect():
        con = duckdb.connect()
        if threads is not None:
            con.execute(f"SET threads={threads}")
        return con

    def create(con, stem):
        path = _csv(data, stem).replace("'", "''")
        con.execute(f"CREATE TABLE {stem} AS SELECT * FROM read_csv('{path}')")

    load = None
    try:
        for _ in range(runs):
            con = connect()
            t0 = time.perf_counter()
            for stem in LOAD_TABLES:
                create(con, stem)
            dt = time.perf_counter() - t0
            load = dt if load is None else min(load, dt)
            con.close()
        load_fig = Figure(seconds=load)
    except Exception as e:  # noqa: BLE001 - any engine failure is reported, not fatal
        load_fig = Figure(error=_short(str(e)))

    out = {}
    con = connect()
    loaded = set()
    for q in QUERIES:
        if not q.duckdb.strip():
            out[q.id] = Figure()
            continue
        try:
            for stem in q.tables:
                if stem not in loaded:
                    create(con, stem)
                    loaded.add(stem)
            best = None
            for _ in range(runs):
                t0 = time.perf_counter()
                con.execute(q.duckdb).fetchall()
                dt = time.perf_counter() - t0
                best = dt if best is None else min(best, dt)
            out[q.id] = Figure(seconds=best)
        except Exception as e:  # noqa: BLE001
            out[q.id] = Figure(error=_short(str(e)))
    con.close()
    return load_fig, out


def polars_times(data: str, threads: int, runs: int) -> tuple[Figure, dict[str, Figure]]:
    """Polars on `threads` threads, in a subprocess so that POLARS_MAX_THREADS takes effect."""
    env = dict(os.environ, POLARS_MAX_THREADS=str(threads))
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", "polars", "--data", data, "--runs", str(runs)]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT)
        if p.returncode != 0:
            raise RuntimeError(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}")
        res = json.loads(p.stdout)
    except Exception as e:  # noqa: BLE001
        err = Figure(error=_short(str(e)))
        return err, {q.id: err for q in QUERIES}
    figs = {k: Figure(**v) for k, v in res["queries"].items()}
    return Figure(**res["load"]), figs


def polars_worker(data: str, runs: int) -> None:
    """Runs in the subprocess: prints {"load": …, "queries": {…}} as JSON."""
    try:
        import polars as pl
    except ImportError:
        err = {"error": "polars not installed"}
        print(json.dumps({"load": err, "queries": {q.id: err for q in QUERIES}}))
        return
    load = None
    for _ in range(runs):
        t0 = time.perf_counter()
        for stem in LOAD_TABLES:
            pl.read_csv(_csv(data, stem))
        dt = time.perf_counter() - t0
        load = dt if load is None else min(load, dt)
    frames = {}
    queries = {}
    for q in QUERIES:
        if q.polars is None:
            queries[q.id] = {}
            continue
        try:
            for stem in q.tables:
                if stem not in frames:
                    frames[stem] = pl.read_csv(_csv(data, stem))
            lazy = {k: v.lazy() for k, v in frames.items()}
            best = None
            for _ in range(runs):
                t0 = time.perf_counter()
                q.polars(pl, lazy).collect()
                dt = time.perf_counter() - t0
                best = dt if best is None else min(best, dt)
            queries[q.id] = {"seconds": best}
        except Exception as e:  # noqa: BLE001
            queries[q.id] = {"error": _short(str(e))}
    print(json.dumps({"load": {"seconds": load}, "queries": queries}))


def _peak_rss_kb() -> int:
    """This process's peak RSS in KB. VmHWM, not ru_maxrss: Linux carries ru_maxrss over from
    the parent through fork and exec, so a child of a big process would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def duckdb_memory_worker(data: str) -> None:
    """Runs in the subprocess: peak RSS (KB) after `import duckdb`, and after loading the tables."""
    import duckdb
    base = _peak_rss_kb()
    con = duckdb.connect()
    for stem in LOAD_TABLES:
        path = _csv(data, stem).replace("'", "''")
        con.execute(f"CREATE TABLE {stem} AS SELECT * FROM read_csv('{path}')")
    con.execute("SELECT * FROM financials LIMIT 1").fetchall()
    print(json.dumps({"baseline_kb": base, "peak_kb": _peak_rss_kb()}))


def realize_memory(binary: str, data: str) -> tuple[float | None, str | None]:
    """Peak RSS in MB of one fresh realize process loading LOAD_TABLES."""
    cmd = [binary]
    for stem in LOAD_TABLES:
        cmd += ["--data", _csv(data, stem)]
    cmd += ["-c", LOAD_QUERY]
    if os.access("/usr/bin/time", os.X_OK):
        # A small C parent: its fork does not count the Python interpreter's pages.
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%x %M", *cmd], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, timeout=TIMEOUT)
            rc, kb = p.stderr.strip().splitlines()[-1].split()
            if rc != "0":
                return None, _short(p.stderr.strip())
            return int(kb) / 1024, None
        except Exception as e:  # noqa: BLE001
            return None, _short(str(e))
    probe = ("import resource, subprocess, sys\n"
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
             "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
             "sys.stderr.write(p.stderr)\n")
    try:
        p = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, timeout=TIMEOUT)
        rc, kb = p.stdout.split()
    except Exception as e:  # noqa: BLE001
        return None, _short(str(e))
    if rc != "0":
        return None, _short(p.stderr.strip() or f"exit {rc}")
    return int(kb) / 1024, None


def duckdb_memory(data: str) -> tuple[tuple[float, float] | None, str | None]:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", "duckdb-memory", "--data", data]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        res = json.loads(p.stdout)
    except Exception as e:  # noqa: BLE001
        return None, _short(str(e))
    return (res["baseline_kb"] / 1024, res["peak_kb"] / 1024), None


# ---------------------------------------------------------------- report

PEERS = [("duckdb-1t", "DuckDB, threads=1"), ("duckdb-2t", "DuckDB, threads=2"), ("polars-1t", "Polars, 1 thread"),
         ("polars-2t", "Polars, 2 threads")]


def _fmt_s(f: Figure) -> str:
    if f.seconds is None:
        return "error" if f.error else "-"
    s = f.seconds
    return f"{s * 1000:.2f} ms" if s < 1 else f"{s:.3f} s"


def _ratio(r: Figure, p: Figure) -> str:
    if r.seconds is None or p.seconds is None or p.seconds == 0:
        return "-"
    return f"{r.seconds / p.seconds:.2f}x"


def render(rows: list[Row], header: str) -> str:
    cols = ["measure", "realize"]
    for key, _ in PEERS:
        cols += [key, "ratio"]
    table = [cols]
    for r in rows:
        line = [r.label, _fmt_s(r.realize)]
        for key, _ in PEERS:
            p = r.peers.get(key, Figure())
            line += [_fmt_s(p), _ratio(r.realize, p)]
        table.append(line)
    widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
    out = [header, ""]
    for k, row in enumerate(table):
        out.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    errors = []
    for r in rows:
        if r.realize.error:
            errors.append(f"{r.label}: realize: error {r.realize.error}")
        for key, _ in PEERS:
            p = r.peers.get(key)
            if p and p.error:
                errors.append(f"{r.label}: {key}: error {p.error}")
    if errors:
        out += [""] + errors
    return "\n".join(out)


def describe_data(data: str) -> str:
    try:
        man = json.load(open(os.path.join(data, "manifest.json"), encoding="utf-8"))
        f = man["files"]
        return (f"financials {f['financials.csv']['rows']:,} rows ({f['financials.csv']['bytes'] / 1e6:.1f} MB), "
                f"projects {f['projects.csv']['rows']:,} rows, nps {f['nps.csv']['rows']:,} rows")
    except (OSError, ValueError, KeyError):
        return data


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--realize", help="the realize binary (release build)")
    ap.add_argument("--data", required=True, help="a folder written by gen_portfolio.py")
    ap.add_argument("--scale", default="", help="shown in the header")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure; the best is kept")
    ap.add_argument("--all", action="store_true",
                    help="also time the peers on queries realize cannot run yet (to check their SQL)")
    ap.add_argument("--worker", choices=["polars", "duckdb-memory"], help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker == "polars":
        polars_worker(a.data, a.runs)
        return 0
    if a.worker == "duckdb-memory":
        duckdb_memory_worker(a.data)
        return 0
    if not a.realize or not os.access(a.realize, os.X_OK):
        print(f"bench.py: realize binary not found: {a.realize}", file=sys.stderr)
        return 2
    for stem in {s for q in QUERIES for s in q.tables} | set(LOAD_TABLES):
        if not os.path.exists(_csv(a.data, stem)):
            print(f"bench.py: {_csv(a.data, stem)} not found", file=sys.stderr)
            return 2

    queries = [q for q in QUERIES if q.realize.strip() or a.all]
    skipped = [q.id for q in QUERIES if not q.realize.strip()]

    load = Row(f"load {' + '.join(LOAD_TABLES)}")
    qrows = {q.id: Row(f"{q.id} {q.title}") for q in queries}
    # --runs rounds, each timing every engine once (realize, DuckDB 1t and 2t, Polars 1t and 2t), the best of the
    # rounds kept: engines measured minutes apart would see a machine whose speed has drifted in between.
    for _ in range(a.runs):
        load.realize = best(load.realize, realize_time(a.realize, a.data, LOAD_TABLES, LOAD_QUERY, "Load Time", 1))
        for q in queries:
            if q.realize.strip():
                qrows[q.id].realize = best(qrows[q.id].realize, realize_time(a.realize, a.data, q.tables, q.realize, "Run Time", 1))
        for key, threads in (("duckdb-1t", 1), ("duckdb-2t", 2)):
            lf, qf = duckdb_times(a.data, threads, 1)
            load.peers[key] = best(load.peers.get(key), lf)
            for q in queries:
                qrows[q.id].peers[key] = best(qrows[q.id].peers.get(key), qf[q.id])
        for key, threads in (("polars-1t", 1), ("polars-2t", 2)):
            lf, qf = polars_times(a.data, threads, 1)
            load.peers[key] = best(load.peers.get(key), lf)
            for q in queries:
                qrows[q.id].peers[key] = best(qrows[q.id].peers.get(key), qf[q.id])

    header = (f"realize benchmark, scale {a.scale or '?'}: {describe_data(a.data)}\n"
              f"best of {a.runs} rounds (each round times every engine once); ratio = realize / peer (below 1: realize is faster); "
              f"peers with 1 and 2 threads ({os.cpu_count()} cores here); C1-C6: domain commands, "
              "realize only except C1's DuckDB SQL (EVM_SQL, without earned schedule)")
    print(render([load, *qrows.values()], header))
    if skipped and not a.all:
        print(f"\nnot yet run by realize (no query text): {', '.join(skipped)}")

    print("\npeak memory (loading " + " + ".join(LOAD_TABLES) + "):")
    mb, err = realize_memory(a.realize, a.data)
    print(f"  realize  {mb:8.1f} MB" if mb is not None else f"  realize: error {err}")
    dm, err = duckdb_memory(a.data)
    if dm is not None:
        print(f"  duckdb   {dm[1]:8.1f} MB  (Python process; {dm[0]:.1f} MB after import duckdb, {dm[1] - dm[0]:.1f} MB more)")
    else:
        print(f"  duckdb: error {err}")
    return 0 if load.realize.seconds is not None else 1


if __name__ == "__main__":
    sys.exit(main())
