#!/usr/bin/env python3
"""Times the release binary as a user meets it, against issue 7's targets.
Usage: python3 Benchmarks/run.py [RUNS] [--start-up]   (default 20; prints the Markdown for BENCHMARKS.md)
--start-up times only start-up and the first prompt, without building `kpicoach-bench`.

Builds `kpicoach` as the README does (release, Swift runtime linked statically) and the
`kpicoach-bench` helper, which generates the large data sets: a 10,000-rule catalogue, a
conversation of 10,000 events, and a practice of 1,000 clients with their check-ins.
Each figure is the median of RUNS process runs (process start, database open, output
included), measured with `subprocess`; peak memory is the largest resident set of those runs."""
import json, os, statistics, subprocess, sys, tempfile, time

COUNTS = [a for a in sys.argv[1:] if not a.startswith("--")]
RUNS = int(COUNTS[0]) if COUNTS else 20
START_UP_ONLY = "--start-up" in sys.argv
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "kpicoach"], cwd=ROOT, check=True, capture_output=True)
if not START_UP_ONLY:
    subprocess.run(["swift", "build", "-c", "release", "--product", "kpicoach-bench", "--scratch-path", ".build-bench"], cwd=ROOT, check=True, capture_output=True)
BIN = os.path.join(ROOT, ".build", "release", "kpicoach")
BENCH = os.path.join(ROOT, ".build-bench", "release", "kpicoach-bench")
WORK = tempfile.mkdtemp(prefix="kpicoach-bench-")
# The cache of parsed Prompts/ and Rules/ lives in the run's own folder; NO_CACHE points it at a
# file, where no cache can be written, so every start parses the YAML.
ENV = dict(os.environ, NO_COLOR="1", KPICOACH_TODAY="2026-11-23", XDG_CACHE_HOME=os.path.join(WORK, "cache"))
NO_CACHE = dict(ENV, XDG_CACHE_HOME="/dev/null")
ANA = open(os.path.join(ROOT, "Examples", "onboarding-ana.txt"), encoding="utf-8").read()
TURNS = len([l for l in ANA.splitlines() if l])
peak_kb = {}


def run_once(args, stdin="", env=ENV):
    """One run: wall time in ms and peak resident set in KB."""
    t0 = time.perf_counter()
    p = subprocess.Popen([BIN, *args], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    p.stdin.write(stdin)
    p.stdin.close()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = (time.perf_counter() - t0) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"{args}: exit {p.returncode}: {p.stderr.read()}")
    return elapsed, usage.ru_maxrss


def timed(name, args, stdin="", fresh_db=False, env=ENV):
    """(median, fastest) of RUNS runs: the VM's neighbours make the median wander by a third."""
    samples = []
    for i in range(RUNS):
        extra = ["--db", os.path.join(tempfile.mkdtemp(dir=WORK), "new.sqlite")] if fresh_db else []
        ms, kb = run_once(args + extra, stdin, env)
        samples.append(ms)
        peak_kb[name] = max(peak_kb.get(name, 0), kb)
    return statistics.median(samples), min(samples)


def bench(*args):
    out = subprocess.run([BENCH, *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


existing = os.path.join(WORK, "existing.sqlite")
subprocess.run([BIN, "start", "--client", "Ana", "--db", existing], input="/quit\n", text=True, env=ENV, check=True, capture_output=True)

rows = []
start_up = timed("start-up", ["--version"])
rows.append(("start-up (`kpicoach --version`)", start_up, None))
first_new = timed("first prompt, new database", ["start", "--client", "Ana"], fresh_db=True)
rows.append(("time to first prompt, new database (`start`, migrations, first question)", first_new, 10))
first_existing = timed("first prompt, existing database", ["start", "--client", "Bo", "--db", existing])
rows.append(("time to first prompt, existing database", first_existing, 10))
first_parsing = timed("first prompt, existing database, no cache", ["start", "--client", "Bo", "--db", existing], env=NO_CACHE)
rows.append(("time to first prompt, existing database, parsing the YAML (no cache of parsed files)", first_parsing, None))
if not START_UP_ONLY:
    whole = timed("whole onboarding", ["start", "--client", "Ana"], stdin=ANA, fresh_db=True)
    per_turn = tuple((w - f) / TURNS for w, f in zip(whole, first_new))
    rows.append((f"per answered turn, its commit included (Ana's onboarding, {TURNS} answers)", per_turn, 2))

    suggest = [bench("suggest", "Rules", "10000") for _ in range(3)]
    rows.append((f"suggestions over a generated catalogue of {suggest[0]['rules']:,} rules (in process)",
                 (statistics.median(s["suggest_median_ms"] for s in suggest), min(s["suggest_median_ms"] for s in suggest)), 5))

    smart = [bench("smart", "Tests/Fixtures") for _ in range(3)]
    rows.append((f"one SMART critique, averaged over the {smart[0]['goals']} development-set goals (in process)",
                 (statistics.median(s["critique_median_ms"] for s in smart), min(s["critique_median_ms"] for s in smart)), 1))
    rows.append((f"one date answer read, averaged over the {smart[0]['dates']} development-set expressions (in process)",
                 (statistics.median(s["date_median_ms"] for s in smart), min(s["date_median_ms"] for s in smart)), None))

    long_db = os.path.join(WORK, "long.sqlite")
    long = bench("conversation", long_db, "Prompts", "10000")
    resume = timed("resume", ["resume", str(long["conversation"]), "--db", long_db])
    rows.append((f"resume a conversation of {long['events']:,} events ({long['answers']:,} answers) to its question", resume, 50))

    for per_kpi in (25, 50):
        practice = os.path.join(WORK, f"practice{per_kpi}.sqlite")
        bench("practice", practice, "1000", str(per_kpi))
        label = f"1,000 clients × 2 KPIs × {per_kpi} check-ins ({2000 * per_kpi:,} check-ins)"
        rows.append((f"`kpicoach clients`, {label}", timed(f"clients {per_kpi}", ["clients", "--db", practice]), 200))
        rows.append((f"`kpicoach report --client \"Client 500\"`, {label}", timed(f"report {per_kpi}", ["report", "--client", "Client 500", "--db", practice]), 200))

print(f"| measure | median of {RUNS} runs | fastest | target (on the median) |")
print("|---|---|---|---|")
for name, (ms, fastest), target in rows:
    verdict = "" if target is None else (f"≤ {target} ms ✓" if ms <= target else f"≤ {target} ms ✗")
    print(f"| {name} | {ms:.2f} ms | {fastest:.2f} ms | {verdict} |")
print()
print("| peak memory (largest resident set over the runs) | KB | target |")
print("|---|---|---|")
for name, kb in peak_kb.items():
    print(f"| {name} | {kb:,} | ≤ 30,720 {'✓' if kb <= 30720 else '✗'} |")
