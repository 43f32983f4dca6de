#!/usr/bin/env python3
"""Times a practice on PostgreSQL against issue 14's measures, beside SQLite.
Usage: python3 Benchmarks/practice.py [RUNS] [ROOT]   (default 15 runs; ROOT: the checkout, default this one)
First build both binaries in ROOT with the same flags (the second then reuses the first's modules):
    swift build -c release --static-swift-stdlib --product kpicoach
    swift build -c release --static-swift-stdlib --product kpicoach-bench

Starts its own PostgreSQL 15 server (initdb into a temporary folder, a Unix socket only, the
default durability settings: fsync and synchronous commit on), sets up a practice with 20 coaches
and a lead through `kpicoach practice`, then measures:
  - each answer's commit (median and 99th percentile) with 20 coach processes answering at once,
    and with one alone, from `kpicoach-bench commits` (the storage call of each turn, timed inside);
  - a lead's `kpicoach clients --practice` and a coach's `kpicoach clients` over 1,000 clients ×
    2 KPIs × 25 check-ins (filled through the storage port by `kpicoach-bench practice`);
  - time to the first prompt over PostgreSQL and, in the same run, over SQLite.
Whole-process figures are medians of RUNS runs timed from Python's subprocess (about 1 ms)."""
import json, os, statistics, subprocess, sys, tempfile, time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
ROOT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "kpicoach")
BENCH = os.path.join(ROOT, ".build", "release", "kpicoach-bench")
PG = "/usr/lib/postgresql/15/bin"
ENV = dict(os.environ, NO_COLOR="1", KPICOACH_TODAY="2026-11-23")
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []

work = tempfile.mkdtemp(prefix="kpicoach-practice-bench-")
if os.getuid() == 0:
    subprocess.run(["chown", "postgres", work], check=True)
subprocess.run(AS_POSTGRES + [f"{PG}/initdb", "-D", f"{work}/data", "-A", "trust", "-U", "postgres"], check=True, capture_output=True)
subprocess.run(AS_POSTGRES + [f"{PG}/pg_ctl", "-D", f"{work}/data", "-l", f"{work}/log", "-w", "-o", f"-k {work} -c listen_addresses='' -c max_connections=100", "start"],
               check=True, capture_output=True)


def url(user, db="practice"):
    return f"postgresql://{user}@/{db}?host={work}"


def kpicoach(*args, stdin=""):
    return subprocess.run([BIN, *args], input=stdin, text=True, env=ENV, capture_output=True, check=True).stdout


def psql(sql, db="postgres"):
    subprocess.run(["psql", "-X", "-q", "-h", work, "-U", "postgres", "-d", db, "-c", sql], check=True, capture_output=True)


def timed(args):
    samples = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run([BIN, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=True)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), min(samples)


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


try:
    psql("CREATE DATABASE practice")
    owner = url("postgres")
    kpicoach("practice", "init", "--db", owner)
    coaches = [f"coach{i:02d}" for i in range(1, 21)]
    for coach in coaches:
        kpicoach("practice", "add-coach", coach, "--db", owner)
    kpicoach("practice", "add-coach", "lead", "--lead", "--db", owner)

    rows = []
    ANSWERS = 200
    alone = json.loads(subprocess.run([BENCH, "commits", url("coach20"), os.path.join(ROOT, "Prompts"), str(ANSWERS)],
                                      check=True, capture_output=True, text=True).stdout)["commit_ms"]
    rows.append((f"one answer's commit, one coach alone ({ANSWERS} answers)", statistics.median(alone), percentile(alone, 99)))
    procs = [subprocess.Popen([BENCH, "commits", url(c), os.path.join(ROOT, "Prompts"), str(ANSWERS)], stdout=subprocess.PIPE, text=True)
             for c in coaches]
    together = [ms for p in procs for ms in json.loads(p.communicate()[0])["commit_ms"]]
    rows.append((f"one answer's commit, 20 coaches answering at once ({20 * ANSWERS:,} answers)", statistics.median(together), percentile(together, 99)))

    # The fill is 50,000 check-ins, each its own transaction: without waiting for the disk it
    # takes a minute instead of several; the measured commands run with durability back on.
    psql("ALTER DATABASE practice SET synchronous_commit = off")
    subprocess.run([BENCH, "practice", url("coach01"), "1000", "25"], check=True, capture_output=True)
    psql("ALTER DATABASE practice RESET synchronous_commit")

    print(f"| measure (PostgreSQL 15 on a Unix socket) | median | 99th percentile |")
    print("|---|---|---|")
    for name, median, p99 in rows:
        print(f"| {name} | {median:.2f} ms | {p99:.2f} ms |")
    print()
    sqlite = os.path.join(work, "existing.sqlite")
    kpicoach("start", "--client", "Ana", "--db", sqlite, stdin="/quit\n")
    kpicoach("start", "--client", "Ana", "--db", url("coach02"), stdin="/quit\n")
    whole = [
        ("`kpicoach clients --practice` as the lead, 1,000 clients × 2 KPIs × 25 check-ins across 21 coaches", ["clients", "--practice", "--db", url("lead")]),
        ("`kpicoach clients` as the coach of those 1,000 clients", ["clients", "--db", url("coach01")]),
        ("time to first prompt over PostgreSQL (`start --client Bo`, existing practice)", ["start", "--client", "Bo", "--db", url("coach02")]),
        ("time to first prompt over SQLite (`start --client Bo`, existing file), same run", ["start", "--client", "Bo", "--db", sqlite]),
    ]
    print(f"| measure | median of {RUNS} runs | fastest |")
    print("|---|---|---|")
    for name, args in whole:
        median, fastest = timed(args)
        print(f"| {name} | {median:.2f} ms | {fastest:.2f} ms |")
finally:
    subprocess.run(AS_POSTGRES + [f"{PG}/pg_ctl", "-D", f"{work}/data", "-m", "immediate", "stop"], capture_output=True)
