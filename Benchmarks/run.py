#!/usr/bin/env python3
"""Times the release binary as a user meets it. Usage: python3 Benchmarks/run.py [RUNS]
Builds with `swift build -c release` first; prints a Markdown table for BENCHMARKS.md."""
import os, statistics, subprocess, sys, tempfile, time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, capture_output=True)
BIN = os.path.join(ROOT, ".build", "release", "kpicoach")
ENV = dict(os.environ, NO_COLOR="1", KPICOACH_TODAY="2026-11-23")
ANA = open(os.path.join(ROOT, "Examples", "onboarding-ana.txt"), encoding="utf-8").read()
TURNS = len([l for l in ANA.splitlines() if l])


def timed(args, stdin="", fresh_db=True):
    samples = []
    for _ in range(RUNS):
        db = tempfile.mkdtemp() + "/bench.sqlite"
        full = [BIN, *args] + (["--db", db] if fresh_db else [])
        t0 = time.perf_counter()
        subprocess.run(full, input=stdin, text=True, capture_output=True, env=ENV, check=True)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


start_up = timed(["--version"], fresh_db=False)
first_prompt = timed(["start", "--client", "Ana"])          # new database, migrations, first question, EOF
whole = timed(["start", "--client", "Ana"], stdin=ANA)      # the whole onboarding, one commit per answer
smart = timed(["smart", "Close 12 new deals by 2027-06-30 for my promotion", "--json"], fresh_db=False)
per_turn = (whole - first_prompt) / TURNS

print(f"| measure | median of {RUNS} runs |")
print("|---|---|")
print(f"| start-up (`kpicoach --version`) | {start_up:.1f} ms |")
print(f"| first prompt (`start`, new database, then end of input) | {first_prompt:.1f} ms |")
print(f"| whole Ana onboarding ({TURNS} answers) | {whole:.1f} ms |")
print(f"| per answered turn, commit included | {per_turn:.2f} ms |")
print(f"| `kpicoach smart --json` (process included) | {smart:.1f} ms |")
