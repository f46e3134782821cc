# ruff: noqa: T201  (a command-line benchmark: it prints)
"""How long the test suite (or part of it) takes with 0, 2, ... pytest-xdist workers.

    .venv/bin/python bench/testduur.py                       # tests/aanbod, -n 0 and -n 2, SQLite
    .venv/bin/python bench/testduur.py --postgres tests/aanbod tests/kalender --workers 0 2 3
    .venv/bin/python bench/testduur.py --rounds 2 --log /tmp/duur tests -- -m "not browser"

Runs pytest as ./pz test does (a throwaway Redis; with --postgres a throwaway PostgreSQL
cluster, tests/servers.py) once per worker count and round, the counts interleaved so that
load from elsewhere on the machine hits them alike. Prints wall-clock seconds, the CPU seconds
of pytest and its children (workers, browsers, servers; a PostgreSQL server's own CPU is not
counted), and the pytest summary line. Not a test: nothing is asserted.
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import servers  # noqa: E402


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(paths, workers, extra, env, log):
    command = [sys.executable, "-m", "pytest", "-q", "-n", str(workers), *paths, *extra]
    cpu, start = children_cpu(), time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall, cpu = time.monotonic() - start, children_cpu() - cpu
    if log:
        Path(log).write_text(done.stdout + done.stderr)
    lines = [line for line in done.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    summary = lines[-1].strip("= ") if lines else f"exit {done.returncode}"
    return wall, cpu, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["tests/aanbod"])
    parser.add_argument("--workers", nargs="+", type=int, default=[0, 2])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster")
    parser.add_argument("--log", help="write pytest's output to LOG-<round>-<workers>.txt")
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]

    env = {**os.environ, "DJANGO_ALLOW_ASYNC_UNSAFE": "true"}
    env.pop("DATABASE_URL", None)
    rows = []
    with servers.throwaway_redis() as redis_url:
        env["REDIS_URL"] = redis_url
        if args.postgres:
            database = servers.throwaway_postgres()
            env["DATABASE_URL"] = database.__enter__()
        try:
            for round_ in range(1, args.rounds + 1):
                for workers in args.workers:
                    log = args.log and f"{args.log}-{round_}-{workers}.txt"
                    wall, cpu, summary = run(args.paths, workers, extra, env, log)
                    rows.append((round_, workers, wall, cpu, summary))
                    print(f"  round {round_}, -n {workers}: {wall:.0f} s", file=sys.stderr)
        finally:
            if args.postgres:
                database.__exit__(None, None, None)

    load = os.getloadavg()[0]
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(f"\n{' '.join(args.paths)} on {engine}, {os.cpu_count()} cores, load now {load:.1f}")
    base = f"vs -n {args.workers[0]}"
    print(f"{'round':>5} {'-n':>3} {'wall s':>8} {'cpu s':>8} {base:>9}  result")
    first = {}
    for round_, workers, wall, cpu, summary in rows:
        first.setdefault(round_, wall)
        ratio = first[round_] / wall
        print(f"{round_:>5} {workers:>3} {wall:>8.1f} {cpu:>8.1f} {ratio:>8.2f}x  {summary}")


if __name__ == "__main__":
    main()
