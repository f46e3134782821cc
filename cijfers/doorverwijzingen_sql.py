"""The referral breakdowns (theme, wijk, stadsbreed, no wijk, organisation, top offers) in one
statement: the period's visible counts are summed per offer once (a CTE) and every breakdown
groups those sums. Five ORM queries each re-read the Telling rows: about 2.5 s at 100,000 rows
on SQLite, against one pass here."""

from collections import defaultdict

from django.db import connection

from aanbod.models import AanbodPage, Thema, Wijk
from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling

TOP = 50


def _m2m(veld, doel):
    through = AanbodPage._meta.get_field(veld).remote_field.through
    return (
        through._meta.db_table,
        through._meta.get_field("aanbodpage").column,
        through._meta.get_field(doel).column,
    )


def _sql(periode):
    zichtbaar, params = (
        AanbodPage.objects.zichtbaar().order_by().values("pk").query.sql_with_params()
    )
    qn = connection.ops.quote_name
    telling = Telling._meta
    t_tabel, t_offer, t_doel = (qn(x) for x in _m2m("themas", "thema"))
    w_tabel, w_offer, w_doel = (qn(x) for x in _m2m("wijken", "wijk"))
    aanbod = qn(AanbodPage._meta.db_table)
    page = qn(AanbodPage._meta.get_field("page_ptr").related_model._meta.db_table)
    org = f"SUBSTR(pg.path, 1, LENGTH(pg.path) - {int(AanbodPage.steplen)})"
    sql = f"""
    WITH per_aanbod AS (
        SELECT {qn(telling.get_field("aanbod").column)} AS aanbod_id, soort, SUM(aantal) AS n
        FROM {qn(telling.db_table)}
        WHERE maand >= %s AND maand <= %s AND aanbod_id IN ({zichtbaar})
        GROUP BY aanbod_id, soort
    ), top AS (
        SELECT aanbod_id FROM per_aanbod GROUP BY aanbod_id
        ORDER BY SUM(n) DESC, aanbod_id LIMIT {TOP}
    )
    SELECT 'thema', th.label, p.soort, SUM(p.n) FROM per_aanbod p
        JOIN {t_tabel} x ON x.{t_offer} = p.aanbod_id
        JOIN {qn(Thema._meta.db_table)} th ON th.id = x.{t_doel}
        GROUP BY th.label, p.soort
    UNION ALL
    SELECT 'wijk', w.label, p.soort, SUM(p.n) FROM per_aanbod p
        JOIN {w_tabel} x ON x.{w_offer} = p.aanbod_id
        JOIN {qn(Wijk._meta.db_table)} w ON w.id = x.{w_doel}
        GROUP BY w.label, p.soort
    UNION ALL
    SELECT 'stadsbreed', '', p.soort, SUM(p.n) FROM per_aanbod p
        JOIN {aanbod} a ON a.page_ptr_id = p.aanbod_id
        WHERE a.stadsbreed GROUP BY p.soort
    UNION ALL
    SELECT 'geen-wijk', '', p.soort, SUM(p.n) FROM per_aanbod p
        JOIN {aanbod} a ON a.page_ptr_id = p.aanbod_id
        WHERE NOT a.stadsbreed
          AND NOT EXISTS (SELECT 1 FROM {w_tabel} x WHERE x.{w_offer} = p.aanbod_id)
        GROUP BY p.soort
    UNION ALL
    SELECT 'organisatie', {org}, p.soort, SUM(p.n) FROM per_aanbod p
        JOIN {page} pg ON pg.id = p.aanbod_id
        GROUP BY {org}, p.soort
    UNION ALL
    SELECT 'aanbod', CAST(p.aanbod_id AS VARCHAR(20)), p.soort, p.n FROM per_aanbod p
        WHERE p.aanbod_id IN (SELECT aanbod_id FROM top)
    """  # noqa: S608 (names from model meta, values as parameters)
    datum = connection.ops.adapt_datefield_value
    return sql, [datum(periode.van), datum(periode.tot), *params]


def uitsplitsing(periode):
    """{"thema"|"wijk"|"organisatie"|"aanbod": {key: {soort: n}}, "stadsbreed"|"geen-wijk":
    {"": {soort: n}}}: sums of the visible offers' counts whose month starts in the period."""
    result = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(Soort.values, 0)))
    sql, params = _sql(periode)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for soort_tabel, sleutel, soort, n in cursor.fetchall():
            if soort in Soort.values:
                result[soort_tabel][sleutel][soort] += int(n or 0)
    return result
