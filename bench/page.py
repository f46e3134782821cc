# ruff: noqa: T201  (a command-line benchmark: it prints)
"""CPU and wall time of the full /aanbod/ page, per URL, with Django's test client.

    DATABASE_URL=postgres://... DJANGO_SETTINGS_MODULE=preventiezoeker.settings.test \\
        .venv/bin/python bench/page.py [--requests 40] [URL ...]

Not a test: runs against the database in DATABASE_URL as it is (an indexed copy, e.g. 10,000
offers from bench/bulk_aanbod.py). CPU (time.process_time) is this process only, the figure to
compare on a shared machine; wall includes waiting for the database. Searches are logged
(ZoekStatistiek) like any page-1 search.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

URLS = (
    "/aanbod/",
    "/aanbod/?q=bewegen&thema=beweging&wijk=ledeberg",
    "/aanbod/?thema=mentale-gezondheid&wijk=brugse-poort",
    "/aanbod/?q=koken gezond",
)


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=40, help="GETs per URL (default 40)")
    parser.add_argument("urls", nargs="*", default=URLS)
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "preventiezoeker.settings.test")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    cpu = {url: [] for url in args.urls}
    wall = {url: [] for url in args.urls}
    for url in args.urls:  # warm up: templates, caches, connections
        assert client.get(url).status_code == 200, url
    for _ in range(args.requests):  # interleaved, so load on the machine hits every URL alike
        for url in args.urls:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            cpu[url].append((time.process_time() - started_cpu) * 1000)
            wall[url].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url

    print(f"{'URL':<55} {'CPU med':>8} {'CPU p95':>8} {'wall med':>9} {'wall p95':>9}  (ms)")
    for url in [*args.urls, "all"]:
        c = [v for u in args.urls for v in cpu[u]] if url == "all" else cpu[url]
        w = [v for u in args.urls for v in wall[u]] if url == "all" else wall[url]
        print(
            f"{url[:55]:<55} {statistics.median(c):8.1f} {p95(c):8.1f} "
            f"{statistics.median(w):9.1f} {p95(w):9.1f}"
        )


if __name__ == "__main__":
    main()
