#!/usr/bin/env python3
"""Writes the curated default sample portfolio of Realize.

Dev tooling, not product: Python standard library only, one fixed seed, so
running it again gives byte-identical CSVs in sample-portfolios/default/.
After changing this script, run it, then `python3 sample-portfolios/embed.py`
to refresh the copy compiled into the binary.

    python3 sample-portfolios/make_default.py            # writes default/
    python3 sample-portfolios/make_default.py --check    # also prints the story's figures

The story (see README.md) is built in on purpose:
  * P001 Atlas ERP Rollout overruns, cumulative CPI 0.78;
  * P009 Zürich Warehouse Automation overruns, cumulative CPI 0.85;
  * P016 Mobile App Relaunch runs behind schedule, cumulative SPI 0.80;
  * Digital Customer Experience's NPS falls from about +35 to below +5 in 2025 Q3 and Q4;
  * Operations, Shared Services stays at maturity level 2 in every assessment, target 4;
  * Zürich Hub Consolidation realizes only about half of its planned benefits.
"""
from __future__ import annotations

import argparse
import calendar
import math
import os
import random
import sys

SEED = 20251231
FIRST_PERIOD = (2023, 1)    # financials, NPS: 2023-01 ... 2025-12
LAST_PERIOD = (2025, 12)    # the data date: actuals are reported up to here
LAST_MEASURED = (2025, 9)   # benefits are measured one quarter in arrears
BENEFIT_HORIZON = (2026, 12)
LIFE_HORIZON = (2030, 12)   # the business case's planned benefits run on to here (appended rows, own seed)

FIN = 'Finance Transformation, "Phase II"'
ZRH = "Zürich Hub Consolidation"
DCX = "Digital Customer Experience"
SCR = "Supply Chain Resilience"
PPL = "People & Workplace"

PROGRAMS = {
    # program: (portfolio, NPS by quarter index 0..11 as (start, end) of a linear trend)
    FIN: "Transform the Business",
    ZRH: "Run the Business",
    DCX: "Grow the Business",
    SCR: "Run the Business",
    PPL: "Transform the Business",
}

# Overrides for the story; every other project draws CPI and SPI near 1.
STORY_CPI = {"P001": 0.78, "P009": 0.85}
STORY_SPI = {"P016": 0.80}

# id, name, program, sponsor, status, start (YYYY-MM), end (YYYY-MM), BAC (approx.),
# last month reported if on hold, [(benefit, category, annual value)]
PROJECTS = [
    ("P001", "Atlas ERP Rollout", FIN, "Seán O'Brien", "Active", "2023-02", "2026-06", 4_800_000, None,
     [("Finance headcount avoidance", "Operational", 1_100_000), ("Licence cost reduction", "Financial", 650_000)]),
    ("P002", "Record-to-Report Redesign", FIN, "Chen, Wei", "Completed", "2023-01", "2024-09", 1_350_000, None,
     [("Faster close, days saved", "Operational", 380_000)]),
    ("P003", "E-Invoicing, EU Wave 1", FIN, "Elena García", "Completed", "2023-04", "2024-12", 920_000, None,
     [("Postage and print savings", "Financial", 210_000), ("Days sales outstanding, reduced", "Financial", 340_000)]),
    ("P004", "Treasury Cash Visibility", FIN, "Chen, Wei", "Active", "2024-03", "2026-03", 1_600_000, None,
     [("Working capital release", "Financial", 520_000)]),
    ("P005", "Tax Engine Upgrade", FIN, "Elena García", "Completed", "2023-01", "2023-12", 640_000, None,
     [("Risk avoidance", "Strategic", 150_000)]),
    ("P006", "Procure-to-Pay Automation", FIN, "Seán O'Brien", "Active", "2024-07", "2026-09", 2_300_000, None,
     [("Purchase price savings", "Financial", 900_000)]),
    ("P007", 'Close Cockpit "Fast Close"', FIN, "Chen, Wei", "Active", "2025-01", "2026-06", 780_000, None,
     [("Faster close, days saved", "Operational", 260_000)]),
    ("P008", "Finance Data Lake", FIN, "Priya Sharma", "On Hold", "2024-01", "2026-03", 1_900_000, "2025-05",
     [("Reporting effort reduction", "Operational", 420_000)]),

    ("P009", "Zürich Warehouse Automation", ZRH, "Ursula Meier", "Active", "2023-06", "2026-03", 6_200_000, None,
     [("Labour cost reduction", "Financial", 1_800_000), ("Throughput increase", "Operational", 700_000)]),
    ("P010", "Basel–Zürich Network Refresh", ZRH, "Sven Öberg", "Completed", "2023-01", "2024-06", 1_450_000, None,
     [("Maintenance cost reduction", "Financial", 310_000)]),
    ("P011", "Site Exit: Genève Office", ZRH, "Ursula Meier", "Completed", "2023-03", "2024-03", 850_000, None,
     [("Lease cost avoidance", "Financial", 1_200_000)]),
    ("P012", "Fleet Telematics", ZRH, "Sven Öberg", "Active", "2024-01", "2026-06", 2_100_000, None,
     [("Fuel savings", "Financial", 480_000), ("Energy savings", "Operational", 160_000)]),
    ("P013", "Hub Energy Retrofit", ZRH, "Ursula Meier", "Active", "2024-09", "2026-12", 3_100_000, None,
     [("Energy savings", "Operational", 620_000)]),
    ("P014", "Customs, Duty & Trade Compliance", ZRH, "Katarzyna Nowak", "Completed", "2023-07", "2025-06", 1_250_000, None,
     [("Duty drawback recovered", "Financial", 450_000), ("Audit findings closed", "Compliance", 120_000)]),
    ("P015", "Pick-to-Light Pilot", ZRH, "Sven Öberg", "On Hold", "2024-04", "2026-02", 560_000, "2025-03",
     [("Picking error reduction", "Operational", 140_000)]),

    ("P016", "Mobile App Relaunch", DCX, "Zoë Dubois", "Active", "2024-01", "2026-06", 3_400_000, None,
     [("Digital revenue uplift", "Financial", 1_500_000), ("Customer retention", "Customer", 600_000)]),
    ("P017", "CRM Upgrade", DCX, "Jamal Wright", "Completed", "2023-01", "2024-06", 2_200_000, None,
     [("Sales productivity", "Operational", 700_000)]),
    ("P018", "Customer Portal Redesign", DCX, "Zoë Dubois", "Completed", "2023-05", "2024-11", 1_150_000, None,
     [("Call deflection savings", "Financial", 380_000)]),
    ("P019", 'Chatbot "Ask Ada" Pilot', DCX, "Zoë Dubois", "Completed", "2023-09", "2024-08", 420_000, None,
     [("Call deflection savings", "Financial", 160_000)]),
    ("P020", "Billing Revamp", DCX, "Jamal Wright", "Active", "2024-05", "2026-04", 2_600_000, None,
     [("Revenue leakage recovered", "Financial", 820_000)]),
    ("P021", "Loyalty Programme, Phase 2", DCX, "María José Pérez", "Active", "2025-02", "2026-09", 1_300_000, None,
     [("Customer retention", "Customer", 540_000)]),
    ("P022", "Contact Centre Cloud Migration", DCX, "Jamal Wright", "Active", "2024-02", "2026-02", 1_750_000, None,
     [("Infrastructure cost reduction", "Financial", 460_000)]),
    ("P023", "Pricing Engine", DCX, "María José Pérez", "Completed", "2023-02", "2025-03", 1_850_000, None,
     [("Margin improvement", "Financial", 980_000)]),

    ("P024", "Supplier Risk Radar", SCR, "Hiro Tanaka", "Completed", "2023-01", "2024-03", 690_000, None,
     [("Risk avoidance", "Strategic", 300_000)]),
    ("P025", "Demand Forecasting Model", SCR, "Priya Sharma", "Completed", "2023-03", "2024-10", 1_050_000, None,
     [("Inventory reduction", "Financial", 720_000)]),
    ("P026", "Dual Sourcing, APAC", SCR, "Hiro Tanaka", "Active", "2024-04", "2026-03", 1_400_000, None,
     [("Supply disruption avoided", "Strategic", 500_000)]),
    ("P027", "Inventory Optimisation", SCR, "Katarzyna Nowak", "Completed", "2023-08", "2025-05", 1_200_000, None,
     [("Working capital release", "Financial", 850_000)]),
    ("P028", "Kraków Distribution Centre", SCR, "Katarzyna Nowak", "Active", "2023-10", "2026-09", 5_400_000, None,
     [("Freight cost reduction", "Financial", 1_300_000), ("Delivery lead time, days saved", "Customer", 400_000)]),
    ("P029", "Supplier Portal", SCR, "Hiro Tanaka", "Active", "2025-03", "2026-06", 880_000, None,
     [("Procurement effort reduction", "Operational", 230_000)]),

    ("P030", "HR Self-Service", PPL, "Noah Williams", "Completed", "2023-01", "2024-02", 760_000, None,
     [("HR admin effort reduction", "Operational", 290_000)]),
    ("P031", "Payroll Migration, APAC", PPL, "Noah Williams", "Completed", "2023-06", "2025-01", 1_100_000, None,
     [("Payroll vendor savings", "Financial", 410_000)]),
    ("P032", "Learning Platform", PPL, "Grace Kim", "Active", "2024-06", "2026-01", 840_000, None,
     [("Training cost reduction", "Financial", 260_000)]),
    ("P033", "Hybrid Workplace Refit", PPL, "Grace Kim", "Active", "2024-02", "2026-04", 2_700_000, None,
     [("Office space reduction", "Financial", 950_000)]),
    ("P034", 'Identity & Access "Zero Trust"', PPL, "Noah Williams", "Active", "2024-10", "2026-06", 1_500_000, None,
     [("Risk avoidance", "Strategic", 400_000)]),
    ("P035", "Employee Wellbeing App", PPL, "Grace Kim", "On Hold", "2025-01", "2026-03", 390_000, "2025-08",
     []),
]

# Benefit realization (share of plan actually realized) by program.
REALIZATION = {FIN: (0.85, 1.02), ZRH: (0.42, 0.58), DCX: (0.88, 1.05), SCR: (0.90, 1.08), PPL: (0.86, 1.04)}

# NPS target by program: (level at 2023-01, level at 2025-12); DCX is overridden below.
NPS_TREND = {FIN: (18, 27), ZRH: (12, 14), DCX: (34, 36), SCR: (24, 29), PPL: (30, 41)}
DCX_LATE = {2025 * 4 + 2: 3, 2025 * 4 + 3: -6}  # (year*4 + quarter index): NPS in 2025 Q3, Q4
SEGMENTS = [("Customer", 0.5), ("Staff", 0.35), ("Partner", 0.15)]

UNITS = [
    # unit, starting level, improvement per assessment, target
    ("Group Portfolio Office", 2.8, 0.18, 5),
    ("Finance PMO", 2.5, 0.16, 4),
    ("IT Delivery Office", 2.9, 0.12, 4),
    ("Operations, Shared Services", 2.1, 0.0, 4),   # stuck at level 2
    ("Zürich Hub PMO", 2.3, 0.10, 4),
    ("Customer & Digital Office", 2.6, 0.15, 4),
]
DIMENSIONS = [
    "Management Control", "Benefits Management", "Financial Management",
    "Stakeholder Engagement", "Risk Management", "Organisational Governance",
    "Resource Management",
]
ASSESSMENTS = [(2023, 6), (2023, 12), (2024, 6), (2024, 12), (2025, 6), (2025, 12)]


# ---------------------------------------------------------------- helpers

def ym(s: str) -> int:
    """'YYYY-MM' -> months since year 0."""
    y, m = s.split("-")
    return int(y) * 12 + int(m) - 1


def ym_str(i: int) -> str:
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def month_index(pair: tuple[int, int]) -> int:
    return pair[0] * 12 + pair[1] - 1


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def field(s: str) -> str:
    """RFC 4180: quote only when needed, double inner quotes."""
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def scale_to_total(values: list[float], total_cents: int) -> list[int]:
    """Cents proportional to `values`, summing exactly to `total_cents` (largest remainder)."""
    s = sum(values)
    raw = [v / s * total_cents for v in values]
    out = [math.floor(x) for x in raw]
    rest = total_cents - sum(out)
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[:rest]:
        out[i] += 1
    return out


# ---------------------------------------------------------------- tables

def make_projects_and_financials(rng: random.Random):
    first, data_date = month_index(FIRST_PERIOD), month_index(LAST_PERIOD)
    projects, financials, facts = [], [], {}
    for pid, name, program, sponsor, status, start, end, bac, hold, _ in PROJECTS:
        s, e = ym(start), ym(end)
        n = e - s + 1
        # Planned value: an S-curve over the whole life; BAC is its exact sum.
        w = [0.3 + math.sin(math.pi * (t + 0.5) / n) for t in range(n)]
        bac_cents = round(bac * 100 / 1000) * 1000  # a round-ish budget, to ten units
        pv = scale_to_total(w, bac_cents)
        last = min(e, data_date, ym(hold) if hold else e)
        k = last - s + 1  # months reported
        assert s >= first and k > 0, pid

        cpi = STORY_CPI.get(pid, round(rng.uniform(0.95, 1.06), 3))
        spi = STORY_SPI.get(pid, round(rng.uniform(0.93, 1.03), 3))
        pv_done = pv[:k]
        # Earned value: a completed project has earned its whole budget; others earn SPI x PV to date.
        ev_total = sum(pv) if status == "Completed" else round(sum(pv_done) * spi)
        drift = 0.15 if pid in STORY_SPI else 0.06
        ev_w = [p * (1 - drift / 2 + drift * t / max(1, k - 1)) * rng.uniform(0.93, 1.07)
                for t, p in enumerate(pv_done)]
        ev = scale_to_total(ev_w, ev_total)
        # Actual cost: overrunning projects drift from CPI ~0.95 down, others wobble around their CPI.
        if pid in STORY_CPI:
            m_cpi = [0.97 - (0.97 - cpi) * 1.6 * t / max(1, k - 1) for t in range(k)]
        else:
            m_cpi = [cpi * rng.uniform(0.95, 1.05) for _ in range(k)]
        ac_w = [x / c * rng.uniform(0.97, 1.03) for x, c in zip(ev, m_cpi)]
        ac = scale_to_total(ac_w, round(sum(ev) / cpi))
        for t in range(k):
            financials.append(f"{pid},{ym_str(s + t)},{money(pv[t])},{money(ev[t])},{money(ac[t])}\n")

        day = rng.randint(1, 20)
        ey, em = divmod(e, 12)
        projects.append(",".join([
            pid, field(name), field(program), field(PROGRAMS[program]), field(sponsor), status,
            f"{ym_str(s)}-{day:02d}", f"{ey:04d}-{em + 1:02d}-{calendar.monthrange(ey, em + 1)[1]:02d}",
            money(sum(pv)),
        ]) + "\n")
        facts[pid] = dict(cpi=sum(ev) / sum(ac), spi=sum(ev) / sum(pv_done), program=program,
                          start=s, end=e, last=last, status=status)
    return projects, financials, facts


def make_benefits(rng: random.Random, facts):
    measured, horizon = month_index(LAST_MEASURED), month_index(BENEFIT_HORIZON)
    rows, totals = [], {}
    for pid, _, program, _, status, *_rest, benefits in PROJECTS:
        f = facts[pid]
        lo, hi = REALIZATION[program]
        # Benefits begin in the quarter after go-live (60% through the plan, or completion).
        golive = f["end"] if status == "Completed" else f["start"] + round(0.6 * (f["end"] - f["start"]))
        q_first = (golive // 3 + 1) * 3 + 2  # end month of the next quarter
        for bname, cat, annual in benefits:
            share = rng.uniform(lo, hi)
            for q, idx in enumerate(range(q_first, horizon + 1, 3)):
                ramp = min(1.0, (q + 1) / 4)
                planned = round(annual / 4 * ramp * rng.uniform(0.98, 1.02) / 10) * 1000  # to ten units
                realized = ""
                if idx <= measured:
                    lag = min(1.0, 0.8 + 0.1 * q)
                    r = round(planned * share * lag * rng.uniform(0.9, 1.1))
                    realized = money(r)
                    t = totals.setdefault(program, [0, 0])
                    t[0] += planned
                    t[1] += r
                rows.append(f"{pid},{field(bname)},{cat},{ym_str(idx)},{money(planned)},{realized}\n")
    # The rest of each benefit's planned life, 2027 to 2030, for the whole-life business case: appended after the
    # rows above and drawn from a seed of its own, so that every earlier row (and everything drawn after) is unchanged.
    later = random.Random(SEED + 1)
    life = month_index(LIFE_HORIZON)
    for pid, _, program, _, status, *_rest, benefits in PROJECTS:
        f = facts[pid]
        golive = f["end"] if status == "Completed" else f["start"] + round(0.6 * (f["end"] - f["start"]))
        q_first = (golive // 3 + 1) * 3 + 2
        start = max(q_first, horizon + 3 - (horizon - q_first) % 3 if q_first <= horizon else q_first)
        for bname, cat, annual in benefits:
            for idx in range(start, life + 1, 3):
                q = (idx - q_first) // 3
                ramp = min(1.0, (q + 1) / 4)
                planned = round(annual / 4 * ramp * later.uniform(0.98, 1.02) / 10) * 1000
                rows.append(f"{pid},{field(bname)},{cat},{ym_str(idx)},{money(planned)},\n")
    return rows, totals


def make_nps(rng: random.Random):
    first, last = month_index(FIRST_PERIOD), month_index(LAST_PERIOD)
    rows, rid, by_quarter = [], 0, {}
    for i in range(first, last + 1):
        for program in PROGRAMS:
            a, b = NPS_TREND[program]
            target = a + (b - a) * (i - first) / (last - first) + rng.uniform(-4, 4)
            quarter = (i // 12) * 4 + (i % 12) // 3
            if program == DCX and quarter in DCX_LATE:
                target = DCX_LATE[quarter] + rng.uniform(-3, 3)
            n = rng.randint(20, 32)
            # Stratified: exact counts of promoters and detractors for the month's target.
            promoters = round(n * (0.35 + target / 200))
            detractors = max(0, promoters - round(n * target / 100))
            passives = n - promoters - detractors
            assert passives >= 0, (program, i)
            scores = ([rng.choice([9, 9, 10]) for _ in range(promoters)]
                      + [rng.choice([7, 8, 8]) for _ in range(passives)]
                      + [rng.choice([2, 3, 4, 5, 5, 6, 6, 6]) for _ in range(detractors)])
            rng.shuffle(scores)
            for score in scores:
                rid += 1
                seg = rng.choices([s for s, _ in SEGMENTS], [w for _, w in SEGMENTS])[0]
                rows.append(f"{field(program)},{ym_str(i)},R{rid:05d},{seg},{score}\n")
                c = by_quarter.setdefault((program, quarter), [0, 0, 0])
                c[0] += 1
                c[1] += score >= 9
                c[2] += score <= 6
    return rows, by_quarter


def make_maturity(rng: random.Random):
    rows = []
    for u, (unit, start, step, target) in enumerate(UNITS):
        day = 10 + 3 * u
        for d, dim in enumerate(DIMENSIONS):
            base = start + rng.uniform(-0.3, 0.3)
            t_dim = target if step == 0 else min(5, max(3, target - (d == 1 and unit.startswith("Zürich"))))
            for a, (y, m) in enumerate(ASSESSMENTS):
                if step == 0:
                    score = rng.choice([2.0, 2.0, 2.1, 2.2, 2.3, 2.4])  # never reaches 2.5
                else:
                    score = min(5.0, base + step * a + rng.uniform(-0.1, 0.1))
                rows.append(f"{field(unit)},{dim},{y:04d}-{m:02d}-{day:02d},{score:.1f},{t_dim}\n")
    return rows


REBASELINED = ("P016", 1.15)  # December's extract raises P016's budget by 15 % (the re-plan after its delay)
SNAPSHOTS = ("2025-11", "2025-12")


def make_history(projects, financials, benefits):
    """Two monthly extracts stacked with a `snapshot` column: November 2025 and December 2025 (= the tables).

    November's extract has the financials up to 2025-11, P016's budget before its re-baseline, and the
    2025-09 quarter's benefits not yet measured (they are measured one quarter in arrears, in December).
    """
    nov, dec = SNAPSHOTS
    p_rows, f_rows, b_rows = [], [], []
    for row in projects:
        head, budget = row.rstrip("\n").rsplit(",", 1)
        old = budget
        if head.split(",", 1)[0] == REBASELINED[0]:
            old = money(round(float(budget) * 100 / REBASELINED[1] / 1000) * 1000)
        p_rows.append(f"{nov},{head},{old}\n")
    p_rows += [f"{dec},{row}" for row in projects]
    for row in financials:
        period = row.split(",", 2)[1]
        if period <= nov:
            f_rows.append(f"{nov},{row}")
    f_rows += [f"{dec},{row}" for row in financials]
    for row in benefits:
        head, period, planned, realized = row.rstrip("\n").rsplit(",", 3)
        b_rows.append(f"{nov},{head},{period},{planned},{'' if period >= '2025-09' else realized}\n")
    b_rows += [f"{dec},{row}" for row in benefits]
    return p_rows, f_rows, b_rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "default"))
    ap.add_argument("--check", action="store_true", help="print the story's figures")
    a = ap.parse_args(argv)

    rng = random.Random(SEED)
    projects, financials, facts = make_projects_and_financials(rng)
    benefits, ben_totals = make_benefits(rng, facts)
    nps, nps_q = make_nps(rng)
    maturity = make_maturity(rng)

    history = make_history(projects, financials, benefits)
    os.makedirs(a.out, exist_ok=True)
    files = {
        "projects.csv": ("project_id,project,program,portfolio,sponsor,status,start_date,end_date,budget\n", projects),
        "financials.csv": ("project_id,period,planned_value,earned_value,actual_cost\n", financials),
        "benefits.csv": ("project_id,benefit,category,period,planned,realized\n", benefits),
        "nps.csv": ("program,period,respondent_id,segment,score\n", nps),
        "maturity.csv": ("unit,dimension,assessed_on,score,target\n", maturity),
        "projects_history.csv": ("snapshot,project_id,project,program,portfolio,sponsor,status,start_date,end_date,budget\n", history[0]),
        "financials_history.csv": ("snapshot,project_id,period,planned_value,earned_value,actual_cost\n", history[1]),
        "benefits_history.csv": ("snapshot,project_id,benefit,category,period,planned,realized\n", history[2]),
    }
    for name, (header, rows) in files.items():
        with open(os.path.join(a.out, name), "w", encoding="utf-8", newline="") as f:
            f.write(header)
            f.writelines(rows)
        print(f"{name:15s} {len(rows):6d} rows {os.path.getsize(os.path.join(a.out, name)):8d} bytes")

    if a.check:
        print("\nCPI < 0.9 or SPI < 0.9:")
        for pid, f in facts.items():
            if f["cpi"] < 0.9 or f["spi"] < 0.9:
                print(f"  {pid} CPI {f['cpi']:.3f} SPI {f['spi']:.3f}")
        print("\nBenefits realized / planned, periods measured:")
        for p, (pl, re) in ben_totals.items():
            print(f"  {p:40s} {re / pl:.2f}")
        print("\nNPS by quarter:")
        for p in PROGRAMS:
            qs = sorted(q for (pp, q) in nps_q if pp == p)
            line = " ".join(f"{round(100 * (nps_q[(p, q)][1] - nps_q[(p, q)][2]) / nps_q[(p, q)][0]):+4d}" for q in qs)
            print(f"  {p:40s} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
