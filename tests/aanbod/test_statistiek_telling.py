"""The day counts beside the search log (ZoekTelling): tel() counts every search under the
day's total and under each filter it used, in the same transaction as its log row."""

from django.utils import timezone

from aanbod.models import ZoekStatistiek, ZoekTelling
from aanbod.statistiek import OVERIGE, sleutels, tel, tellingen_van


def test_tel_counts_the_day_total_and_each_filter_beside_the_log(db, settings):
    settings.ZOEKSTATISTIEK_PER_DAG = 3
    for text, filters, total in [
        ("fietsen", {"thema": ["beweging"]}, 5),
        ("fietsen", {"thema": ["beweging"]}, 0),
        ("", {"thema": ["beweging"], "wijk": ["rabot-blaisantvest"]}, 2),
        ("tandarts", {}, 0),
        ("appel", {}, 1),  # the day is full: the overflow row, still counted for the day
        ("peer", {"wijk": ["rabot-blaisantvest"]}, 0),
    ]:
        tel({"text": text, "filters": filters}, total)
    dag = timezone.localdate()
    tellingen = {
        t.sleutel: (t.aantal, t.zonder_resultaat) for t in ZoekTelling.objects.filter(dag=dag)
    }
    assert tellingen == {
        "*": (6, 3),
        "*zonder-woorden": (1, 0),
        "*overige": (2, 1),
        "thema=beweging": (3, 1),
        "wijk=rabot-blaisantvest": (2, 1),
    }
    log = ZoekStatistiek.objects.filter(dag=dag)
    assert sum(log.values_list("aantal", flat=True)) == tellingen["*"][0]
    assert log.get(woorden=OVERIGE).aantal == tellingen["*overige"][0]


def test_keys_of_one_search():
    assert sleutels("fietsen", "") == ["*"]
    assert sleutels("", "thema=a&thema=a&wijk=b") == ["*", "*zonder-woorden", "thema=a", "wijk=b"]
    assert sleutels(OVERIGE, "") == ["*", "*overige"]
    assert sleutels("x", "thema=" + "a" * 500 + "&kapot")[1] == "thema=" + "a" * 114


def test_counts_for_rows_written_without_tel(db):
    dag = timezone.localdate()
    rijen = [
        (dag, "a", "thema=x", 2, 1),
        (dag, "", "thema=x&wijk=y", 3, 0),
        (dag, OVERIGE, "", 4, 4),
    ]
    result = {t.sleutel: (t.aantal, t.zonder_resultaat) for t in tellingen_van(rijen)}
    assert result == {
        "*": (9, 5), "thema=x": (5, 1), "*zonder-woorden": (3, 0), "wijk=y": (3, 0),
        "*overige": (4, 4),
    }  # fmt: skip


def test_the_migration_fills_the_day_counts_of_the_existing_log(db):
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    dag = timezone.localdate()
    rijen = [
        (dag, "a", "thema=x", 2, 1),
        (dag, "", "thema=x&wijk=y", 3, 0),
        (dag, OVERIGE, "", 4, 4),
    ]
    ZoekStatistiek.objects.bulk_create(
        ZoekStatistiek(dag=d, woorden=w, filters=f, aantal=n, zonder_resultaat=z)
        for d, w, f, n, z in rijen
    )
    migratie = importlib.import_module("aanbod.migrations.0015_zoektelling")
    migratie.vul_zoektellingen(apps, SimpleNamespace(connection=connection))
    gevuld = {t.sleutel: (t.aantal, t.zonder_resultaat) for t in ZoekTelling.objects.all()}
    assert gevuld == {t.sleutel: (t.aantal, t.zonder_resultaat) for t in tellingen_van(rijen)}
    assert gevuld["*"] == (9, 5)
