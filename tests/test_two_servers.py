"""Two servers, one truth (issue 10): what one server changes, the other shows within a second.

Two gunicorn masters with production settings, each with its own PREVENTIEZOEKER_VAR_DIR (index,
file caches, uploads), one PostgreSQL cluster of their own and one Redis: two hosts of one
deployment behind a load balancer. Everything is checked as a visitor sees it, over HTTP.

Changes are made on server A the way its editors' actions end up there: a Django process with
server A's environment publishes, unpublishes and edits (Wagtail's publish and unpublish
actions, the snippet's save), as the admin's views do; driving the admin's edit forms over
HTTP would mostly test form plumbing. Logging in does go through A's admin over HTTP.
"""

import contextlib
import random
import string
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from doorverwijzing.ratelimit import LIMIETEN
from doorverwijzing.views import TE_VEEL
from tests import servers

pytestmark = pytest.mark.servers

HOST = "preventiezoeker.example.org"
WITHIN = 1.0  # seconds: what A changes, B shows within this
POLL = 0.05  # seconds between two looks at B
PATIENCE = 5.0  # keep looking this long after WITHIN, to say how late it came


def woord():
    """A made-up word no offer contains (letters only: the analyser keeps it whole)."""
    return "pz" + "".join(random.choices(string.ascii_lowercase, k=10))


@pytest.fixture(scope="module")
def deployment(redis_url, tmp_path_factory):
    """redis_url: tests/redis_fixture.py (REDIS_URL, else a throwaway redis-server)."""
    if servers.pg_bin() is None:  # a failure, not a skip: ./pz test installs it
        pytest.fail("PostgreSQL ontbreekt: apt-get install -y postgresql", pytrace=False)
    tmp = tmp_path_factory.mktemp("twee-servers")
    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(servers.throwaway_postgres())
        smtp_port, mails = stack.enter_context(servers.smtp_sink())
        # The SMTP backend, as in production, to a mail server that keeps what it gets.
        common = servers.production(
            HOST, database_url, redis_url, tmp / "static",
            DJANGO_EMAIL_HOST="127.0.0.1", DJANGO_EMAIL_PORT=smtp_port,
        )  # fmt: skip
        env_a = servers.server_env(**common, PREVENTIEZOEKER_VAR_DIR=tmp / "a")
        env_b = servers.server_env(**common, PREVENTIEZOEKER_VAR_DIR=tmp / "b")
        # Overlapped where it is safe: static files while the database is migrated; the
        # servers boot while the demo data loads (they read the static manifest at start).
        with ThreadPoolExecutor(1) as pool:
            static = pool.submit(servers.manage, env_a, "collectstatic", "--no-input", "-v", "0")
            servers.manage(env_a, "migrate", "--no-input", "-v", "0")
            static.result()
        port_a, port_b = servers.free_port(), servers.free_port()
        a = stack.enter_context(servers.gunicorn(env_a, port_a, tmp / "a.log"))
        b = stack.enter_context(servers.gunicorn(env_b, port_b, tmp / "b.log"))
        shell_a = stack.enter_context(servers.django_shell(env_a, tmp / "shell-a.log"))
        servers.manage(env_a, "demo")
        servers.wait_until_up(a, port_a, HOST, tmp / "a.log")
        servers.wait_until_up(b, port_b, HOST, tmp / "b.log")
        yield SimpleNamespace(
            shell_a=shell_a,
            a=servers.Client(port_a, HOST),
            b=servers.Client(port_b, HOST),
            port_b=port_b,
            mails=mails,
            database_url=database_url,
        )


def op_a(deployment, code):
    """Run code in a Django process with server A's environment; what it prints."""
    return deployment.shell_a.run(code).strip()


def publiceer_op_a(deployment, woord):
    """A new offer with `woord` in its title, created and published like an editor does."""
    code = f"""
from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.models import AanbodPage, OrganisatiePage, Taal, Thema
org = OrganisatiePage.objects.live().order_by("pk").first()
page = AanbodPage(
    title="Beweegcoach {woord}", live=False,
    in_het_kort="Samen wandelen in de buurt met {woord}.",
    vormen=[Vorm.GROEPSAANBOD], prijs=[PrijsCategorie.GRATIS],
    inschrijving=[Inschrijving.ZONDER_AFSPRAAK], planning="Elke dinsdag van 14 tot 16 uur",
)
page.themas.set([Thema.objects.get(slug="beweging")])
page.talen.set([Taal.objects.get(slug="nl")])
org.add_child(instance=page)
page.save_revision().publish()
print(page.pk, page.slug)
"""
    pk, slug = op_a(deployment, code).split()[-2:]
    return int(pk), slug


def hoe_snel(check):
    """Seconds until check() holds, looking every POLL s; None if not within WITHIN + PATIENCE."""
    start = time.monotonic()
    while True:
        if check():
            return time.monotonic() - start
        if time.monotonic() - start > WITHIN + PATIENCE:
            return None
        time.sleep(POLL)


# What the search page says when it lists from the database instead (aanbod/zoeken.py
# _fallback): that list always matches the database, so it would prove nothing about sharing.
NOODLIJST = "Zoeken werkt even minder goed"


def gevonden(client, q, slug):
    response = client.get(f"/aanbod/?q={q}")
    assert response.status == 200, response.text[:500]
    assert NOODLIJST not in response.text, (
        "server B zoekt niet in de zoekmachine maar in de noodlijst"
    )
    return f"/{slug}/" in response.text


def assert_op_tijd(seconden, wat):
    assert seconden is not None, f"{wat}: na {WITHIN + PATIENCE} s nog niet op server B"
    assert seconden < WITHIN, f"{wat}: pas na {seconden:.2f} s op server B"


def test_beide_servers_tonen_dezelfde_site(deployment):
    for client in (deployment.a, deployment.b):
        response = client.get("/aanbod/")
        assert response.status == 200
        assert response.header("strict-transport-security"), "geen productie-instellingen?"


def test_beide_servers_melden_zich_gezond(deployment):
    for client in (deployment.a, deployment.b):
        response = client.get("/health/")
        assert response.status == 200, response.text[:300]
        assert '"search": "ok"' in response.text


def test_na_verbroken_databaseverbindingen_antwoordt_elk_volgend_verzoek(deployment):
    """As after a PostgreSQL restart: every server connection is cut. The next requests check
    their connection first (CONN_HEALTH_CHECKS) and open a new one: not one error."""
    import psycopg

    with psycopg.connect(deployment.database_url, autocommit=True) as beheer:
        gestopt = beheer.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert gestopt >= 2  # at least one worker of each server had a connection open
    antwoorden = [
        client.get(url).status
        for _ in range(4)  # every worker of both servers gets some of these
        for client in (deployment.a, deployment.b)
        for url in ("/aanbod/?q=beweging", "/aanbod/", "/health/", "/kalender/")
    ]
    assert antwoorden == [200] * len(antwoorden)


def test_gepubliceerd_op_a_is_vindbaar_op_b(deployment):
    w = woord()
    assert not gevonden(deployment.b, w, "beweegcoach-" + w)
    _pk, slug = publiceer_op_a(deployment, w)
    assert_op_tijd(hoe_snel(lambda: gevonden(deployment.b, w, slug)), "gepubliceerd aanbod")


def test_gedepubliceerd_op_a_verdwijnt_op_b(deployment):
    w = woord()
    pk, slug = publiceer_op_a(deployment, w)
    assert hoe_snel(lambda: gevonden(deployment.b, w, slug)) is not None
    op_a(
        deployment,
        f"from aanbod.models import AanbodPage\nAanbodPage.objects.get(pk={pk}).unpublish()",
    )
    assert_op_tijd(hoe_snel(lambda: not gevonden(deployment.b, w, slug)), "gedepubliceerd aanbod")
    assert deployment.b.get(f"/aanbod/?q={w}").status == 200


def test_synoniem_op_a_werkt_op_b(deployment):
    w, synoniem = woord(), woord()
    _pk, slug = publiceer_op_a(deployment, w)
    assert hoe_snel(lambda: gevonden(deployment.b, w, slug)) is not None
    assert not gevonden(deployment.b, synoniem, slug)
    op_a(
        deployment,
        f"from aanbod.models import Synoniem\nSynoniem.objects.create(term='{synoniem}', "
        f"uitbreidingen='{w}')",
    )
    assert_op_tijd(hoe_snel(lambda: gevonden(deployment.b, synoniem, slug)), "nieuw synoniem")


def test_label_hernoemd_op_a_staat_in_de_filters_van_b(deployment):
    label = "Bewegen " + woord().capitalize()
    assert label not in deployment.b.get("/aanbod/").text
    op_a(
        deployment,
        "from aanbod.models import Thema\nthema = Thema.objects.get(slug='beweging')\n"
        f"thema.label = '{label}'\nthema.save()",
    )
    assert_op_tijd(hoe_snel(lambda: label in deployment.b.get("/aanbod/").text), "hernoemd thema")


def test_limiet_telt_over_beide_servers(deployment):
    pk = int(op_a(deployment, _EEN_ZICHTBAAR_AANBOD))
    pad = f"/doorverwijzing/correctie/{pk}/"
    limiet, _venster = LIMIETEN["correctie-ip"]
    antwoorden = []
    client = deployment.a
    for i in range(limiet + 1):
        server = client if i % 2 == 0 else client.on(deployment.port_b)
        formulier = server.get(pad)
        assert formulier.status == 200, formulier.text[:500]
        data = {
            "csrfmiddlewaretoken": servers.csrf_token(formulier.text),
            "bericht": f"Het telefoonnummer klopt niet meer ({i}).",
            "email": "",
            "website": "",
        }
        antwoorden.append(server.post_form(pad, data))
    assert [r.status for r in antwoorden[:-1]] == [200] * limiet, antwoorden[-2].text[:500]
    assert len([m for m in deployment.mails if "telefoonnummer klopt niet" in m]) == limiet
    laatste = antwoorden[-1]
    assert laatste.status == 429, f"{limiet + 1}e melding over A en B samen werd niet geweigerd"
    assert TE_VEEL.split(".")[0] in laatste.text


_EEN_ZICHTBAAR_AANBOD = (
    "from aanbod.models import AanbodPage\nprint(AanbodPage.objects.zichtbaar().order_by('pk')"
    ".values_list('pk', flat=True).first())"
)


def test_sessie_van_a_werkt_op_b(deployment):
    naam, wachtwoord = woord(), woord()
    op_a(
        deployment,
        "from django.contrib.auth import get_user_model\nget_user_model().objects."
        f"create_superuser('{naam}', '{naam}@example.org', '{wachtwoord}', "
        f"first_name='Twee', last_name='{naam.capitalize()}')",
    )
    a = deployment.a
    login = a.get("/admin/login/")
    assert login.status == 200
    data = {
        "csrfmiddlewaretoken": servers.csrf_token(login.text),
        "username": naam,
        "password": wachtwoord,
        "next": "/admin/",
    }
    aangemeld = a.post_form("/admin/login/", data)
    assert aangemeld.status == 302, aangemeld.text[:800]
    assert aangemeld.header("location").endswith("/admin/")
    assert "sessionid" in a.cookies

    dashboard = a.on(deployment.port_b).get("/admin/")
    assert dashboard.status == 200, f"server B: {dashboard.status} {dashboard.header('location')}"
    assert 'name="password"' not in dashboard.text
    assert naam.capitalize() in dashboard.text
