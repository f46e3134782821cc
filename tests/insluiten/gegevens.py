"""The data the embed tests share (tests/insluiten/ and tests/test_browser_insluiten.py)."""

import datetime

from django.utils import timezone

from aanbod.models import Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne


def maak_embed_data(partner_a, partner_b):
    """Partner A: two offers (one in Rabot); partner B: one mondzorg offer; a campaign with an
    activity of partner A in two days. Call with a fresh search index (index_dir)."""
    rabot = Wijk.objects.get(slug="rabot-blaisantvest")
    tweede = AanbodPageFactory(parent=partner_a.organisatie, title="Wandelen met Alfa")
    tweede.wijken.set([rabot])
    tweede.save()
    publish(tweede)
    tand = AanbodPageFactory(
        parent=partner_b.organisatie,
        title="Tandenpoetsen met Beta",
        themas=[Thema.objects.get(slug="mondzorg")],
    )
    publish(tand)
    today = timezone.localdate()
    campagne = maak_campagne(
        "Week van de valpreventie", "week-van-de-valpreventie", today,
        today + datetime.timedelta(days=20),
    )  # fmt: skip
    dag = today + datetime.timedelta(days=2)
    activiteit = maak_activiteit(
        partner_a.organisatie, "Valtest in Rabot", campagne=campagne, data=[(dag, T(14), T(15))],
    )  # fmt: skip
    rebuild()
    return {"campagne": campagne, "activiteit": activiteit, "tweede": tweede, "tand": tand}
