# ruff: noqa: T201  (a command-line benchmark: it prints)
"""HTTP load on two servers of one deployment: 2 gunicorn masters x 2 workers, production
settings, one PostgreSQL (the PostgreSQL search engine) and one Redis, all on 127.0.0.1.

    .venv/bin/python bench/load.py [--offers 10000] [--duration 20] [--connections 8]

Standalone it builds its own database first (like bench/search.py --backend postgres: on the
server of DATABASE_URL, else a throwaway cluster), with `--offers` synthetic offers; REDIS_URL
or a throwaway redis-server. bench/search.py calls load_run() on its own database at 10,000.

The load client: `--connections` threads, each a new HTTP/1.1 connection per request (gunicorn's
sync workers close it anyway), half of them to each server, walking a rotating list of real
search URLs (/aanbod/?q=...&thema=...&wijk=..., built from real facet values and words). It
stops by itself: after `--warmup` unrecorded seconds and `--duration` recorded ones, or at
MAX_REQUESTS. Errors: any status but 200, or an exception (timeout 10 s).
"""

import argparse
import contextlib
import http.client
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "preventiezoeker.example.org"
MAX_REQUESTS = 200_000
TARGET_RPS, TARGET_P95_MS = 60, 300


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


def _get(port, url):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", url, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        body = response.read()
        return response.status, body
    finally:
        conn.close()


def hammer(ports, urls, connections, duration, warmup):
    """The load client. Returns [(ms, status or exception name, port)] of the recorded part."""
    samples, lock = [], threading.Lock()
    start = time.monotonic()
    record_from, stop = start + warmup, start + warmup + duration
    sent = [0]

    def worker(i):
        port, k = ports[i % len(ports)], i * 17
        mine = []
        while True:
            t0 = time.monotonic()
            with lock:
                if t0 >= stop or sent[0] >= MAX_REQUESTS:
                    break
                sent[0] += 1
            url = urls[k % len(urls)]
            k += 1
            try:
                status, _body = _get(port, url)
            except Exception as exc:  # noqa: BLE001  (every failure is an error of the run)
                status = type(exc).__name__
            if t0 >= record_from:
                mine.append(((time.monotonic() - t0) * 1000, status, port))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ended = time.monotonic()
    return samples, ended - record_from


def load_run(database_url, redis_url, urls, tmp, size, duration=20, connections=8, warmup=3,
             servers_count=2, workers=2, report=None):  # fmt: skip
    """Start the servers, run the load, stop them. Returns a dict for print_load()."""
    sys.path.insert(0, str(ROOT))
    from tests import servers

    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        if not redis_url:
            redis_url = stack.enter_context(servers.throwaway_redis())
            redis = "throwaway redis-server"
        else:
            redis = "REDIS_URL"
        common = servers.production(
            HOST, database_url, redis_url, tmp / "static", DJANGO_LOG_LEVEL="WARNING"
        )
        envs = [
            servers.server_env(**common, PREVENTIEZOEKER_VAR_DIR=tmp / f"server{i}")
            for i in range(servers_count)
        ]
        t0 = time.perf_counter()
        servers.manage(envs[0], "collectstatic", "--no-input", "-v", "0")
        print(f"load: collectstatic {time.perf_counter() - t0:.0f} s", flush=True)
        ports = [servers.free_port() for _ in envs]
        logs = [tmp / f"server{i}.log" for i in range(servers_count)]
        masters = [
            stack.enter_context(servers.gunicorn(env, port, log, workers=workers))
            for env, port, log in zip(envs, ports, logs, strict=True)
        ]
        for master, port, log in zip(masters, ports, logs, strict=True):
            servers.wait_until_up(master, port, HOST, log)
        for port in ports:  # every URL answers 200 on both servers before the clock runs
            status, body = _get(port, urls[0])
            assert status == 200, (status, body[:500])
        sequential = []  # one request at a time, round-robin over the servers (also a warm-up)
        for i, url in enumerate(urls[:40]):
            t0 = time.perf_counter()
            status, _body = _get(ports[i % len(ports)], url)
            sequential.append((time.perf_counter() - t0) * 1000)
        load_before = os.getloadavg()[0]
        c0 = time.process_time()
        samples, seconds = hammer(ports, urls, connections, duration, warmup)
        client_cpu = (time.process_time() - c0) / (seconds + warmup)
        load_after = os.getloadavg()[0]
    log_text = "\n".join(log.read_text(errors="replace") for log in logs)
    times = [ms for ms, _status, _port in samples]
    errors = {}
    for _ms, status, _port in samples:
        if status != 200:
            errors[status] = errors.get(status, 0) + 1
    result = {
        "size": size, "servers": servers_count, "workers": workers,
        "connections": connections, "duration": seconds, "warmup": warmup,
        "urls": len(urls), "requests": len(samples), "rps": len(samples) / seconds,
        "p50": statistics.median(times) if times else float("nan"),
        "p95": percentile(times, 95) if times else float("nan"),
        "p99": percentile(times, 99) if times else float("nan"),
        "max": max(times) if times else float("nan"),
        "errors": sum(errors.values()), "error_kinds": errors,
        "per_server": {p: sum(1 for s in samples if s[2] == p) for p in ports},
        "fallbacks": log_text.count("Zoekindex onbruikbaar"),
        "tracebacks": log_text.count("Traceback"),
        "sequential": statistics.median(sequential),
        "load": (load_before, load_after), "client_cpu": client_cpu, "redis": redis,
    }  # fmt: skip
    if report is not None:
        report.note(load_summary(result))
        for label, ok in load_checks(result):
            report.check(label, ok)
    return result


def load_summary(r):
    return (
        f"{r['size']}: HTTP load, {r['servers']} gunicorn masters x {r['workers']} workers, "
        f"{r['connections']} connections, {r['urls']} rotating search URLs, {r['warmup']} s "
        f"warm-up + {r['duration']:.1f} s: {r['requests']:,} requests, {r['rps']:.1f}/s, p50 "
        f"{r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, p99 {r['p99']:.0f} ms, max {r['max']:.0f} "
        f"ms, errors {r['errors']} {r['error_kinds'] or ''}; one request at a time (no "
        f"load): median {r['sequential']:.0f} ms; per server "
        f"{list(r['per_server'].values())}; search fallbacks in the server logs "
        f"{r['fallbacks']}, tracebacks {r['tracebacks']}; load average {r['load'][0]:.1f} -> "
        f"{r['load'][1]:.1f}; the load client used {r['client_cpu'] * 100:.0f} % of a core; "
        f"Redis: {r['redis']}"
    )


def load_checks(r):
    size = f"{r['size']:,}"
    rps = r["rps"]
    return [
        (f"{size}: HTTP load {rps:.1f} search pages/s >= {TARGET_RPS}", rps >= TARGET_RPS),
        (f"{size}: HTTP load p95 {r['p95']:.0f} ms <= {TARGET_P95_MS} ms",
         r["p95"] <= TARGET_P95_MS),
        (f"{size}: HTTP load errors {r['errors']} == 0", r["errors"] == 0),
    ]  # fmt: skip


def print_load(r):
    print(
        "| size | servers x workers | connections | seconds | requests | requests/s | p50 ms | "
        "p95 ms | p99 ms | max ms | errors |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {r['size']:,} | {r['servers']} x {r['workers']} | {r['connections']} | "
        f"{r['duration']:.1f} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | "
        f"{r['p95']:.0f} | {r['p99']:.0f} | {r['max']:.0f} | {r['errors']} |"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--urls", type=int, default=200)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from bench import search as bench

    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    redis_url = os.environ.get("REDIS_URL")
    try:
        with bench.bench_database(keep=False) as database_url:
            made = bench.setup_django(tmp, database_url)
            try:
                from django.core.management import call_command

                from bench.bulk_aanbod import maak_bulk_aanbod
                from home.inrichting import richt_site_in
                from preventiezoeker.search import SearchQuery, search
                from preventiezoeker.search.sync import rebuild

                t0 = time.perf_counter()
                call_command("migrate", verbosity=0)
                richt_site_in()
                maak_bulk_aanbod(args.offers)
                bench.use_engine("postgres")
                rebuild()
                bench.analyze()
                first = search(SearchQuery(per_page=1))
                print(f"database with {first.total:,} offers: {time.perf_counter() - t0:.0f} s")
                values = {
                    f: sorted(v for v, c in vc.items() if c) for f, vc in first.facets.items()
                }
                result = load_run(
                    database_url, redis_url, bench.search_urls(args.urls, values), tmp / "load",
                    size=args.offers, duration=args.duration, connections=args.connections,
                    warmup=args.warmup,
                )  # fmt: skip
            finally:
                bench.close_connections()
                for path in made:
                    if Path(path).name.startswith("preventiezoeker-"):
                        shutil.rmtree(path, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print_load(result)
    print()
    print(load_summary(result))
    print("\nTargets:")
    for label, ok in load_checks(result):
        print(f"  {'met    ' if ok else 'MISSED '} {label}")


if __name__ == "__main__":
    main()
