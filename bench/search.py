# ruff: noqa: T201  (a command-line benchmark: it prints)
"""Benchmark the public search against what Wagtail gives out of the box, on synthetic offers.

    .venv/bin/python bench/search.py [--sizes 10000 100000] [--queries 60] [--profile]

Not a test. Everything happens in a temporary directory (SQLite file + index), removed at the
end unless --keep. Sizes are reached incrementally in one database (10k, then +90k for 100k).
Per size: bulk insert (bench/bulk_aanbod.py), tree check, index rebuild (docs/s), first search after
the rebuild (facet-cache build), the Wagtail database-backend index build, ANALYZE, then
median/p95 over the same queries (1-2 words + two facets drawn from real facet values) for
  engine text, new       preventiezoeker.search.search(...): the engine's per-generation text
                         and term caches are emptied before every call
  engine text, repeated  the same call again (cached text part: a facet click after a search)
  engine browse          the same two facets without words
  HTML                   GET /aanbod/?q=...&<facet>=... through django.test.Client (new query)
  baseline text/browse   Wagtail's default database search backend for the words (count + top
                         20 by relevance) plus ORM COUNT ... GROUP BY for the 9 facets, each
                         counted with the other facets' filters (disjunctive, like ours)
ratio = baseline median / our median. Browse-only totals and facet counts are compared.
"""

import argparse
import cProfile
import io
import os
import platform
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# How often a facet is one of the two active ones (thema and wijk are the common clicks);
# every other facet of the registry (aanbod/facetten.py) weighs 1.
WEIGHTS = {"thema": 3, "wijk": 3, "doelgroep": 2}


def facets():
    from aanbod.facetten import FACETTEN  # after django.setup()

    return FACETTEN


TARGETS = {  # from the issue: (size, measure) -> maximum median ms
    (10_000, "text"): 10,
    (100_000, "text"): 100,
    (100_000, "browse"): 2,
    (10_000, "html"): 50,
}
MIN_REBUILD_DOCS_S = 1_000
MIN_BULK_OFFERS_S = 2_000


def setup_django(tmp):
    """Test settings, but everything in `tmp`: SQLite file, index. Returns the temporary dirs the
    settings module made for itself (removed at the end)."""
    os.environ.pop("DATABASE_URL", None)  # always a temporary SQLite file
    os.environ["PREVENTIEZOEKER_VAR_DIR"] = str(tmp)
    os.environ["PREVENTIEZOEKER_INDEX_DIR"] = str(tmp / "index")
    os.environ["DJANGO_SETTINGS_MODULE"] = "preventiezoeker.settings.test"
    os.environ.setdefault("DJANGO_LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]  # loads the settings, before any connection
    made_by_settings = [Path(database["NAME"]).parent]
    database["NAME"] = tmp / "db.sqlite3"
    django.setup()
    made_by_settings += [settings.MEDIA_ROOT, settings.STATIC_ROOT, settings.SEARCH_INDEX_DIR]
    settings.DEBUG = False  # no query log
    settings.SEARCH_INDEX_DIR = tmp / "index"
    if "localhost" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    return made_by_settings


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


class Timer:
    def __init__(self):
        self.wall, self.cpu = [], []

    def __call__(self, fn, *args):
        c0, t0 = time.thread_time(), time.perf_counter()
        out = fn(*args)
        self.wall.append((time.perf_counter() - t0) * 1000)
        self.cpu.append((time.thread_time() - c0) * 1000)
        return out

    def stats(self):
        if not self.wall:
            return float("nan"), float("nan"), float("nan")
        return statistics.median(self.wall), percentile(self.wall, 95), statistics.median(self.cpu)


class Report:
    def __init__(self):
        self.rows, self.notes, self.checks = [], [], []

    def note(self, text):
        self.notes.append(text)
        print(text, flush=True)

    def check(self, label, ok):
        self.checks.append(f"{'met    ' if ok else 'MISSED '} {label}")


# -- the engine ------------------------------------------------------------------------------
def engine_cache():
    from preventiezoeker.search import get_backend

    return get_backend()._state()[1]  # the per-generation FacetCache (bench only)


def forget_text(cache):
    cache.text_results.clear()
    cache.term_postings.clear()


def engine_search(words, filters):
    from preventiezoeker.search import SearchQuery, search

    return search(SearchQuery(text=words, filters=filters, per_page=20))


# -- the baseline: Wagtail's database search backend + ORM counts ---------------------------
class Baseline:
    def __init__(self):
        # facet -> (AanbodPage field, through-model field); facet -> JSON list column
        self.M2M = {
            f.naam: (f.relatie, f.vocabularium._meta.model_name) for f in facets() if f.relatie
        }
        self.JSON = {f.naam: f.veld for f in facets() if f.veld}
        from django.db import connection

        from wagtail.search.backends import get_search_backend

        from aanbod.models import AanbodPage, OrganisatiePage, Wijk

        self.backend = get_search_backend()
        self.connection = connection
        self.Page = AanbodPage
        self.org_path = dict(OrganisatiePage.objects.values_list("slug", "path"))
        self.org_slug = {path: slug for slug, path in self.org_path.items()}
        used = AanbodPage.wijken.through.objects.values("wijk_id")
        self.used_wijken = set(Wijk.objects.filter(pk__in=used).values_list("slug", flat=True))
        self.table = connection.ops.quote_name(AanbodPage._meta.db_table)

    def through(self, facet):
        return getattr(self.Page, self.M2M[facet][0]).through

    def json_each(self, column):
        if self.connection.vendor == "postgresql":
            return f"jsonb_array_elements_text(a.{column}) j(value)"
        return f"json_each(a.{column}) j"

    def condition(self, facet, values):
        from django.db.models import Q
        from django.db.models.expressions import RawSQL

        if facet in self.M2M:
            other = self.M2M[facet][1]
            slugs = [v for v in values if v != "stadsbreed"]
            linked = self.through(facet).objects.filter(**{f"{other}__slug__in": slugs})
            q = Q(pk__in=linked.values("aanbodpage_id"))
            declared = next(f for f in facets() if f.naam == facet)
            if declared.alles_veld:  # a city-wide offer is in every wijk (the engine's MATCH_ALL)
                q |= Q(**{declared.alles_veld: True})
            return q
        if facet in self.JSON:
            marks = ", ".join(["%s"] * len(values))
            sql = (
                f"SELECT a.page_ptr_id FROM {self.table} a, {self.json_each(self.JSON[facet])} "
                f"WHERE j.value IN ({marks})"
            )
            return Q(pk__in=RawSQL(sql, list(values)))
        if facet == "organisatie":
            q = Q(pk__in=[])
            for slug in values:
                q |= Q(path__startswith=self.org_path[slug])
            return q
        raise KeyError(facet)

    def text_pks(self, words):
        """The backend's own query (an FTS5 MATCH subquery on SQLite), unranked, for counts."""
        results = self.backend.search(words, self.Page.objects.all(), order_by_relevance=False)
        return results.get_queryset().values("pk")

    def counts(self, facet, scope):
        from django.db.models import Count
        from django.db.models.functions import Length, Substr

        if facet in self.M2M:
            other = self.M2M[facet][1]
            rows, city_wide = scope, 0
            if facet == "wijk":
                city_wide = scope.filter(stadsbreed=True).count()
                rows = scope.filter(stadsbreed=False)
            grouped = (
                self.through(facet)
                .objects.filter(aanbodpage_id__in=rows.values("pk"))
                .values_list(f"{other}__slug")
                .annotate(n=Count("id"))
                .order_by()
            )
            counts = dict(grouped)
            if facet == "wijk":
                counts = {w: counts.get(w, 0) + city_wide for w in self.used_wijken | set(counts)}
                counts["stadsbreed"] = city_wide
            return counts
        if facet in self.JSON:
            sql, params = scope.values("pk").query.sql_with_params()
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT j.value, COUNT(*) FROM {self.table} a, "
                    f"{self.json_each(self.JSON[facet])} "
                    f"WHERE a.page_ptr_id IN ({sql}) GROUP BY j.value",
                    params,
                )
                return dict(cursor.fetchall())
        parent = Substr("path", 1, Length("path") - self.Page.steplen)
        grouped = (
            scope.annotate(parent=parent).values_list("parent").annotate(n=Count("pk")).order_by()
        )
        return {self.org_slug.get(path, path): n for path, n in grouped}

    def run(self, words, filters):
        base = self.Page.objects.zichtbaar()
        if words:
            base = base.filter(pk__in=self.text_pks(words))
        conditions = {f: self.condition(f, v) for f, v in filters.items()}
        hits = base.filter(*conditions.values())
        if words:
            ranked = self.backend.search(words, self.Page.objects.filter(pk__in=hits.values("pk")))
            total = ranked.count()
            top = [p.pk for p in ranked[:20]]
        else:
            total = hits.count()
            top = list(hits.order_by("title").values_list("pk", flat=True)[:20])
        counts = {}
        for facet in (f.naam for f in facets()):
            scope = base.filter(*(c for f, c in conditions.items() if f != facet))
            counts[facet] = {v: n for v, n in self.counts(facet, scope).items() if n}
        return total, top, counts


# -- the run ---------------------------------------------------------------------------------
def make_queries(count, seed, values):
    from aanbod.demo import WOORDEN

    rng = random.Random(seed)
    names = [f.naam for f in facets() if values.get(f.naam)]
    weights = [WEIGHTS.get(f, 1) for f in names]
    queries = []
    for _ in range(count):
        words = " ".join(rng.sample(WOORDEN, rng.choice((1, 1, 2))))
        chosen = []
        while len(chosen) < 2:
            facet = rng.choices(names, weights=weights)[0]
            if facet not in chosen:
                chosen.append(facet)
        filters = {
            f: tuple(rng.sample(values[f], min(len(values[f]), 2 if rng.random() < 0.2 else 1)))
            for f in chosen
        }
        queries.append((words, filters))
    return queries


def build_wagtail_index():
    from django.core.management import call_command

    from wagtail.search.backends import get_search_backend

    from modelsearch.conf import get_app_config

    index_entry = get_app_config().get_model("IndexEntry")
    get_search_backend().reset_indexes()  # a full build, not an update of existing entries
    t0 = time.perf_counter()
    call_command("update_index", verbosity=0)
    return time.perf_counter() - t0, index_entry.objects.count()


def wagtail_count_ms(word):
    """One `.search(word).count()` the way Wagtail runs it."""
    from wagtail.search.backends import get_search_backend

    from aanbod.models import AanbodPage

    t0 = time.perf_counter()
    get_search_backend().search(word, AanbodPage.objects.live()).count()
    return (time.perf_counter() - t0) * 1000


def analyze():
    """Table statistics (what `PRAGMA optimize` keeps up to date). Without them SQLite joins the
    FTS5 table from the wrong side in Wagtail's search query: the MATCH is re-run per index
    entry, quadratic in the number of offers."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(size, queries, report, args, profile):
    from django.test import Client

    baseline = Baseline()
    client = Client()
    cache = engine_cache()

    def html(words, filters):
        params = {"q": words, **{f: list(v) for f, v in filters.items()}}
        response = client.get("/aanbod/", params, HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code
        return response

    # Warm-up with other queries: the timed ones stay new to the engine's text cache.
    for words, filters in make_queries(10, 99, args.values):
        engine_search(words, filters)
        html(words, filters)
        baseline.run(words, filters)
        baseline.run("", filters)
    names = ("text", "text_repeat", "browse", "html", "base_text", "base_browse")
    timers = {name: Timer() for name in names}
    agree = {"browse_total": 0, "browse_counts": 0, "text_total": 0}
    mismatches = []
    n = len(queries)
    text_limit = min(n, args.baseline_text_queries or n)
    for i, (words, filters) in enumerate(queries):
        forget_text(cache)
        ours = timers["text"](engine_search, words, filters)
        timers["text_repeat"](engine_search, words, filters)
        browse = timers["browse"](engine_search, "", filters)
        forget_text(cache)
        timers["html"](html, words, filters)
        if i < text_limit:
            base_total, _top, _facets = timers["base_text"](baseline.run, words, filters)
            agree["text_total"] += ours.total == base_total
        b_total, _top, b_facets = timers["base_browse"](baseline.run, "", filters)
        agree["browse_total"] += browse.total == b_total
        ours_counts = {f: {v: c for v, c in vc.items() if c} for f, vc in browse.facets.items()}
        same = ours_counts == b_facets
        agree["browse_counts"] += same
        if not same and len(mismatches) < 3:
            diff = {
                f: (ours_counts.get(f), b_facets.get(f))
                for f in (declared.naam for declared in facets())
                if ours_counts.get(f) != b_facets.get(f)
            }
            mismatches.append(f"  mismatch {filters}: {str(diff)[:600]}")
    if profile:  # untimed: cProfile roughly doubles the cost of pure-Python code
        for words, filters in queries:
            forget_text(cache)
            profile.enable()
            engine_search(words, filters)
            profile.disable()

    base_text, base_browse = timers["base_text"].stats(), timers["base_browse"].stats()
    limited = "" if text_limit == n else f", first {text_limit} queries"
    medians = {}
    for label, key, base in (
        ("engine text, new query", "text", base_text),
        ("engine text, repeated (facet click)", "text_repeat", base_text),
        ("engine browse (facets only)", "browse", base_browse),
        ("HTML /aanbod/, new query (ratio: vs baseline text)", "html", base_text),
        (f"baseline text: Wagtail db backend + ORM{limited}", "base_text", None),
        ("baseline browse: ORM", "base_browse", None),
    ):
        median, p95, cpu = timers[key].stats()
        medians[key] = median
        ratio = f"{base[0] / median:.1f}x" if base else "–"
        report.rows.append((size, label, median, p95, cpu, ratio))
    report.note(
        f"{size}: agreement with the baseline over {n} queries: browse totals "
        f"{agree['browse_total']}/{n}, browse facet counts {agree['browse_counts']}/{n}; text "
        f"totals {agree['text_total']}/{text_limit} (differ by design: Dutch stemming, prefix "
        f"on the last word and synonyms vs FTS5 unicode61 exact words)"
    )
    for line in mismatches:
        report.note(line)
    for (target_size, key), limit in TARGETS.items():
        if target_size == size:
            report.check(
                f"{size:,}: {key} median {medians[key]:.1f} ms <= {limit} ms", medians[key] <= limit
            )
    report.check(
        f"{size:,}: engine text faster than baseline text "
        f"({medians['text']:.1f} vs {medians['base_text']:.1f} ms)",
        medians["text"] < medians["base_text"],
    )
    report.check(
        f"{size:,}: engine browse faster than baseline browse "
        f"({medians['browse']:.1f} vs {medians['base_browse']:.1f} ms)",
        medians["browse"] < medians["base_browse"],
    )


def prepare(size, report, args):
    """Bring the database to `size` offers, check it, rebuild both indexes. Returns facet values."""
    from django.test import Client

    from wagtail.models import Page

    from aanbod.models import AanbodPage, OrganisatiePage
    from bench.bulk_aanbod import controleer_boom, maak_bulk_aanbod
    from preventiezoeker.search import SearchQuery, search
    from preventiezoeker.search.sync import rebuild

    added = size - AanbodPage.objects.count()
    t0, c0 = time.perf_counter(), time.process_time()
    maak_bulk_aanbod(added)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    report.note(
        f"{size}: bulk insert of {added:,} offers: {seconds:.1f} s = "
        f"{added / seconds:,.0f} offers/s (cpu {cpu:.1f} s)"
    )
    report.check(
        f"{size:,}: bulk insert {added / seconds:,.0f} offers/s >= {MIN_BULK_OFFERS_S:,}",
        added / seconds >= MIN_BULK_OFFERS_S,
    )

    problems = controleer_boom()
    organisation = OrganisatiePage.objects.order_by("-path").first()
    treebeard = Page.find_problems(parent=organisation)  # treebeard's own, per node: one branch
    offer = AanbodPage.objects.order_by("-path").first()
    client = Client()
    codes = [client.get(p.url, HTTP_HOST="localhost").status_code for p in (offer, organisation)]
    report.note(
        f"{size}: tree problems {[len(p) for p in problems]} (all pages), treebeard "
        f"find_problems {[len(p) for p in treebeard]} (one organisation); an offer "
        f"and an organisation page answer HTTP {codes}"
    )
    assert not any(problems) and not any(treebeard) and codes == [200, 200]

    t0, c0 = time.perf_counter(), time.process_time()
    count = rebuild()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    report.note(
        f"{size}: index rebuild (sync.rebuild) {count:,} docs in {seconds:.1f} s = "
        f"{count / seconds:,.0f} docs/s (cpu {cpu:.1f} s: {count / cpu:,.0f} docs/s)"
    )
    report.check(
        f"{size:,}: rebuild {count / seconds:,.0f} docs/s >= {MIN_REBUILD_DOCS_S:,}",
        count / seconds >= MIN_REBUILD_DOCS_S,
    )
    t0 = time.perf_counter()
    first = search(SearchQuery(per_page=20))
    report.note(
        f"{size}: first search after the rebuild (opens the index, builds the facet "
        f"cache): {(time.perf_counter() - t0) * 1000:,.0f} ms"
    )
    assert first.total == size, (first.total, size)

    seconds, entries = build_wagtail_index()
    report.note(
        f"{size}: Wagtail database backend index (update_index, all models): "
        f"{entries:,} entries in {seconds:.1f} s = {entries / seconds:,.0f}/s"
    )
    if size <= args.unanalyzed_up_to:
        before = wagtail_count_ms("vallen")
        analyze()
        after = wagtail_count_ms("vallen")
        report.note(
            f"{size}: one Wagtail .search('vallen').count(): {before:,.0f} ms before "
            f"ANALYZE (FTS5 joined from the wrong side), {after:,.0f} ms after; all "
            f"measurements below run after ANALYZE"
        )
    else:
        analyze()
        report.note(
            f"{size}: ANALYZE before measuring (without it Wagtail's SQLite search is "
            f"quadratic; not timed above {args.unanalyzed_up_to:,} offers)"
        )
    return {f: sorted(v for v, c in counts.items() if c) for f, counts in first.facets.items()}


def run(args, report):
    from django.core.management import call_command

    from home.inrichting import richt_site_in

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    richt_site_in()
    print(f"migrate + richt_site_in: {time.perf_counter() - t0:.1f} s", flush=True)
    load_before = os.getloadavg()[0]
    profile = cProfile.Profile() if args.profile else None
    for size in sorted(args.sizes):
        print(f"\n== {size:,} offers", flush=True)
        args.values = prepare(size, report, args)
        t0 = time.perf_counter()
        measure(size, make_queries(args.queries, size, args.values), report, args, profile)
        print(f"{size}: measured in {time.perf_counter() - t0:.0f} s", flush=True)

    cpu = platform.processor() or platform.machine()
    print(
        f"\nSearch benchmark {date.today()}: {os.cpu_count()} cores ({cpu}), Python "
        f"{platform.python_version()}, SQLite, {args.queries} queries per size, load average "
        f"{load_before:.1f} at the start and {os.getloadavg()[0]:.1f} at the end"
    )
    print("Wall-clock ms; 'cpu' = this thread's CPU time (less sensitive to other load).\n")
    header = ("size", "measure", "median ms", "p95 ms", "cpu median ms", "ratio vs baseline")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for size, label, median, p95, cpu_ms, ratio in report.rows:
        print(f"| {size:,} | {label} | {median:.2f} | {p95:.2f} | {cpu_ms:.2f} | {ratio} |")
    print()
    for note in report.notes:
        print(note)
    print("\nTargets:")
    for line in report.checks:
        print("  " + line)
    if profile:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats(25)
        print("\nProfile of the engine text calls (new queries, untimed pass):\n" + out.getvalue())


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--profile", action="store_true", help="cProfile the engine text calls")
    parser.add_argument(
        "--baseline-text-queries",
        type=int,
        default=0,
        metavar="N",
        help="run the slow Wagtail text baseline for the first N queries only (0 = all)",
    )
    parser.add_argument(
        "--unanalyzed-up-to",
        type=int,
        default=20_000,
        metavar="N",
        help="up to this size, also time one Wagtail count before ANALYZE (slow)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if args.queries < 50:
        parser.error("--queries must be at least 50")

    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    made_by_settings = setup_django(tmp)
    started = time.perf_counter()
    try:
        run(args, Report())
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        for path in map(Path, made_by_settings):  # the test settings' own temporary dirs
            own = path.name.startswith(("preventiezoeker-", "pz-db-"))
            if own and str(path.parent) == tempfile.gettempdir():
                shutil.rmtree(path, ignore_errors=True)
        kept = f"; kept {tmp}" if args.keep else ""
        print(f"\nTotal run time {time.perf_counter() - started:.0f} s{kept}")


if __name__ == "__main__":
    main()
