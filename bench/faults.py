# ruff: noqa: T201  (a command-line fault run: it prints)
"""The fault suite (issue 11): break a running site on purpose and watch it heal by itself.

    .venv/bin/python bench/faults.py [--offers 2000] [--only NAME ...] [--heal-within 60]

One gunicorn master with 2 workers and the production settings on the embedded default
(SQLite + the on-disk index), the demo data plus `--offers` synthetic offers, a mail server of
its own (a sink it can stop), and the index on a small tmpfs (when this user may mount one) so
the disk can be filled. Then, one by one, each fault below; after each, nobody does anything
but visitors searching (and, for mail, the documented cron command): the table says what the
visitors saw (status codes, the notice, latency), whether anything was lost (the database's
visible offers vs what the search finds) and how many seconds until the site healed.

Healed = the search page answers 200 from the index (no "Zoeken werkt even minder goed"),
the changed offer is as the database says, and the unfiltered total equals the database's.
"""

import argparse
import contextlib
import os
import random
import re
import shutil
import signal
import socketserver
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import servers  # noqa: E402

HOST = "preventiezoeker.example.org"
NOODLIJST = "Zoeken werkt even minder goed"
TOTAAL = re.compile(r"(\d+) aanbod gevonden")
POLL = 0.2


@dataclass
class Rij:
    fout: str
    statussen: Counter = field(default_factory=Counter)
    melding: int = 0  # answers with the database-fallback notice
    ms: list = field(default_factory=list)
    verloren: str = "?"
    genezen: float | None = None
    workers_gedood: int = 0
    opmerking: str = ""

    def cellen(self):
        ms = sorted(self.ms) or [0]
        return [
            self.fout,
            " ".join(f"{k}×{v}" for k, v in sorted(self.statussen.items(), key=str)),
            str(self.melding),
            f"{statistics.median(ms):.0f} / {ms[-1]:.0f}",
            self.verloren,
            "nooit" if self.genezen is None else f"{self.genezen:.1f}",
            str(self.workers_gedood),
            self.opmerking,
        ]


def woord():
    return "pz" + "".join(random.choices(string.ascii_lowercase, k=10))


class Sink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class MailServer:
    """servers.smtp_sink() that can be stopped and started again on the same port."""

    def __init__(self):
        self.port, self.messages, self.server = servers.free_port(), [], None

    def start(self):
        self.server = Sink(("127.0.0.1", self.port), servers._SmtpHandler)
        self.server.messages = self.messages
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}).start()

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


class Site:
    def __init__(self, tmp, offers):
        self.tmp = tmp
        self.mail = MailServer()
        self.disk = tmp / "schijf"
        self.disk.mkdir()
        self.tmpfs = _mount_tmpfs(self.disk, "64m")
        self.index = self.disk / "index"
        (tmp / "var").mkdir()
        self.db = tmp / "var" / "db.sqlite3"
        self.env = servers.server_env(
            DJANGO_SETTINGS_MODULE="preventiezoeker.settings.production",
            DJANGO_SECRET_KEY=servers.secret_key(),
            DJANGO_ALLOWED_HOSTS=HOST,
            WAGTAILADMIN_BASE_URL=f"https://{HOST}",
            DJANGO_STATIC_ROOT=tmp / "static",
            PREVENTIEZOEKER_VAR_DIR=tmp / "var",
            PREVENTIEZOEKER_INDEX_DIR=self.index,
            DJANGO_EMAIL_HOST="127.0.0.1",
            DJANGO_EMAIL_PORT=self.mail.port,
        )
        self.offers = offers
        self.log = tmp / "gunicorn.log"

    def __enter__(self):
        self.stack = contextlib.ExitStack()
        self.mail.start()
        self.stack.callback(self.mail.stop)
        servers.manage(self.env, "migrate", "--no-input", "-v", "0")
        servers.manage(self.env, "collectstatic", "--no-input", "-v", "0")
        servers.manage(self.env, "demo")
        if self.offers:
            servers.django_script(
                self.env,
                f"from bench.bulk_aanbod import maak_bulk_aanbod\nmaak_bulk_aanbod({self.offers})",
                timeout=600,
            )
        servers.manage(self.env, "zoekindex", timeout=600)
        self.port = servers.free_port()
        self.proc = self.stack.enter_context(servers.gunicorn(self.env, self.port, self.log))
        self.shell = self.stack.enter_context(
            servers.django_shell(self.env, self.tmp / "shell.log")
        )
        servers.wait_until_up(self.proc, self.port, HOST, self.log)
        self.client = servers.Client(self.port, HOST)
        return self

    def __exit__(self, *exc):
        self.stack.close()
        self.unmount()

    def unmount(self):
        """Also when set-up failed (then __exit__ never runs): a tmpfs must not outlive us."""
        if self.tmpfs:
            subprocess.run(["umount", "-l", str(self.disk)], check=False)
            self.tmpfs = False

    # -- the database's truth -------------------------------------------------------------
    def run(self, code):
        return self.shell.run(code).strip()

    def zichtbaar(self):
        return int(self.run(
            "from aanbod.models import AanbodPage\n"
            "print(AanbodPage.objects.zichtbaar().count())"
        ))  # fmt: skip

    def nieuw_aanbod(self, w):
        """A live offer whose title carries the made-up word w; its pk."""
        return int(self.run(f"""
from aanbod.models import AanbodPage
page = AanbodPage.objects.zichtbaar().order_by("?").first().specific
page.title = page.title[:200] + " {w}"
page.save_revision().publish()
print(page.pk)
"""))  # fmt: skip

    def depubliceer(self, pk, shell=None):
        code = f"from aanbod.models import AanbodPage\nAanbodPage.objects.get(pk={pk}).unpublish()"
        started = time.monotonic()
        (shell or self.shell).run(code, timeout=60)
        return time.monotonic() - started

    # -- what a visitor sees --------------------------------------------------------------
    def zoek(self, q, rij):
        started = time.monotonic()
        try:
            response = self.client.get(f"/aanbod/?q={q}" if q else "/aanbod/")
        except Exception as exc:  # noqa: BLE001 - a refused or reset connection is a finding
            rij.statussen[type(exc).__name__] += 1
            return None
        rij.ms.append((time.monotonic() - started) * 1000)
        rij.statussen[response.status] += 1
        if NOODLIJST in response.text:
            rij.melding += 1
        return response

    def gezond(self, rij, w, verwacht_gevonden, totaal):
        """One look as a visitor: True when the index answers and agrees with the database."""
        eigen = self.zoek(w, rij)
        alles = self.zoek("", rij)
        if eigen is None or alles is None or eigen.status != 200 or alles.status != 200:
            return False
        if NOODLIJST in eigen.text or NOODLIJST in alles.text:
            return False
        gevonden = "Geen aanbod gevonden" not in eigen.text
        match = TOTAAL.search(alles.text)
        return gevonden == verwacht_gevonden and match and int(match.group(1)) == totaal

    def wacht_op_genezing(self, rij, w, verwacht_gevonden, since, limit):
        totaal = self.zichtbaar()
        goed = 0
        while time.monotonic() - since < limit:
            if self.gezond(rij, w, verwacht_gevonden, totaal):
                goed += 1
                if goed == 2:  # twice in a row: both workers, most likely
                    rij.genezen = time.monotonic() - since
                    break
            else:
                goed = 0
            time.sleep(POLL)
        rij.verloren = self.verlies()

    def verlies(self):
        """Offers the database shows but the search does not, and the other way round."""
        out = self.run("""
from aanbod.models import AanbodPage
from preventiezoeker.search import SearchQuery, SearchUnavailable, search
db = set(AanbodPage.objects.zichtbaar().values_list("pk", flat=True))
try:
    found, page, pages = set(), 1, 1
    while page <= pages:  # the engine gives at most 100 per page
        result = search(SearchQuery(page=page, per_page=100))
        found |= {h.id for h in result.hits}
        page, pages = page + 1, result.num_pages
except SearchUnavailable:
    print("index onleesbaar")
else:
    print(f"{len(db - found)} ontbreken, {len(found - db)} te veel")
""")
        return "niets" if out == "0 ontbreken, 0 te veel" else out

    def gedode_workers(self):
        text = self.log.read_text(errors="replace")
        return len(re.findall(r"was sent SIG|WORKER TIMEOUT|exited with code", text))

    def segment(self):
        segs = sorted(self.index.glob("*.seg"), key=lambda p: p.stat().st_size)
        return segs[-1] if segs else None


def _mount_tmpfs(path, size):
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return result.returncode == 0


# -- the faults ---------------------------------------------------------------------------------


def geval(site, naam, breek, limit, wijziging=True):
    """Publish an offer with a new word, break something, unpublish it, watch until healed."""
    rij = Rij(naam)
    w = woord()
    pk = site.nieuw_aanbod(w)
    site.wacht_op_genezing(Rij("-"), w, True, time.monotonic(), limit)  # indexed first
    before = site.gedode_workers()
    since = time.monotonic()
    opmerking = breek(site, rij)
    if wijziging:
        duur = site.depubliceer(pk)
        rij.opmerking = f"depubliceren {duur:.1f} s; index meteen: {site.verlies()}"
    if opmerking:
        rij.opmerking = "; ".join(x for x in (rij.opmerking, opmerking) if x)
    site.wacht_op_genezing(rij, w, not wijziging, since, limit)
    rij.workers_gedood = site.gedode_workers() - before
    return rij


def index_weg(site, rij):
    shutil.rmtree(site.index)


def segment_afgekapt(site, rij):
    seg = site.segment()
    with open(seg, "r+b") as f:
        f.truncate(seg.stat().st_size // 2)
    site.zoek("gezond", rij)  # a visitor reads the broken segment first


def segment_willekeurig(site, rij):
    seg = site.segment()
    size = seg.stat().st_size
    with open(seg, "r+b") as f:
        f.seek(size // 3)
        f.write(os.urandom(min(4096, size // 3)))
    site.zoek("gezond", rij)


def _houder(site, code):
    shell = servers.DjangoShell(site.env, site.tmp / f"houder-{time.monotonic_ns()}.log")
    shell.run(code)
    return shell


def indexslot(site, rij):
    """Another process holds our index lock and Whoosh's own write lock for 10 s."""
    shell = _houder(
        site,
        """
from whoosh import index
from preventiezoeker.search import get_backend
b = get_backend()
held = b.writer(5)
assert held.__enter__()
ix_lock = index.open_dir(str(b.path)).storage.lock("MAIN_WRITELOCK")
assert ix_lock.acquire()
import builtins
builtins.pz_held = (held, ix_lock)  # the shell's globals go after each command; the locks stay
""",
    )
    threading.Timer(10, shell.close).start()
    return "slot 10 s vastgehouden"


def databankslot(site, rij):
    """Another process holds SQLite's write lock for 8 s while visitors search."""
    shell = _houder(
        site,
        f"""
import sqlite3
c = sqlite3.connect({str(site.db)!r}, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
import builtins
builtins.pz_held = c  # the shell's globals go after each command; the lock stays
""",
    )
    threading.Timer(8, shell.close).start()
    for _ in range(10):
        site.zoek(woord(), rij)
    return "schrijfslot 8 s"


def worker_gedood(site, rij):
    """The process publishing dies right after the commit, before it told the index."""
    return None  # the change is made in geval_worker()


def geval_worker(site, limit):
    rij = Rij("proces gedood na commit")
    w = woord()
    pk = site.nieuw_aanbod(w)
    site.wacht_op_genezing(Rij("-"), w, True, time.monotonic(), limit)
    since = time.monotonic()
    code = f"""
import os, signal
from django.db import transaction
from aanbod.models import AanbodPage
with transaction.atomic():
    transaction.on_commit(lambda: os.kill(os.getpid(), signal.SIGKILL))
    AanbodPage.objects.get(pk={pk}).unpublish()
"""
    result = subprocess.run(
        [servers.PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT, env=site.env, capture_output=True, timeout=120,
    )  # fmt: skip
    rij.opmerking = f"publicerend proces: signaal {-result.returncode}"
    # And a gunicorn worker killed while visitors search.
    workers = _workers(site.proc.pid)
    if workers:
        os.kill(workers[0], signal.SIGKILL)
    site.wacht_op_genezing(rij, w, False, since, limit)
    rij.workers_gedood = 0  # the one killed on purpose is not counted
    return rij


def _workers(master):
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def geval_schijf(site, limit):
    rij = Rij("schijf vol")
    if not site.tmpfs:
        rij.opmerking = "overgeslagen: geen tmpfs (root nodig)"
        return rij
    w = woord()
    pk = site.nieuw_aanbod(w)
    site.wacht_op_genezing(Rij("-"), w, True, time.monotonic(), limit)
    since = time.monotonic()
    vuller = site.disk / "vuller"
    with open(vuller, "wb") as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * (1 << 20))
    duur = site.depubliceer(pk)
    half = [p.name for p in site.disk.iterdir() if ".nieuw" in p.name]
    threading.Timer(5, vuller.unlink).start()
    rij.opmerking = f"depubliceren {duur:.1f} s; vol 5 s"
    site.wacht_op_genezing(rij, w, False, since, limit)
    rest = [p.name for p in site.disk.iterdir() if p.name not in ("index", "index.lock", "vuller")]
    if half or rest:
        rij.opmerking += f"; achtergelaten: {half + rest}"
    return rij


def geval_mail(site, limit):
    rij = Rij("mailserver gestopt")
    pk = int(site.run(
        "from aanbod.models import AanbodPage\n"
        "print(AanbodPage.objects.zichtbaar().order_by('pk').values_list('pk', flat=True)[0])"
    ))  # fmt: skip
    site.mail.stop()
    since = time.monotonic()
    pad = f"/doorverwijzing/correctie/{pk}/"
    kenmerk = woord()
    formulier = site.client.get(pad)
    started = time.monotonic()
    antwoord = site.client.post_form(pad, {
        "csrfmiddlewaretoken": servers.csrf_token(formulier.text),
        "bericht": f"Het telefoonnummer klopt niet meer {kenmerk}.",
        "email": "", "website": "",
    })  # fmt: skip
    rij.ms.append((time.monotonic() - started) * 1000)
    rij.statussen[antwoord.status] += 1
    threading.Timer(5, site.mail.start).start()
    rij.opmerking = "geen cron: bezoekers"
    limit = max(limit, 180)  # the outbox's first retry comes after a minute, by design
    while time.monotonic() - since < limit:
        if any(kenmerk in m for m in site.mail.messages):
            rij.genezen = time.monotonic() - since
            break
        site.client.get("/")  # visitors come by; one of them notices the due mail
        time.sleep(1)
    rij.verloren = "niets" if rij.genezen is not None else "melding niet gemaild"
    return rij


GEVALLEN = {
    "index-weg": lambda s, t: geval(s, "indexmap verwijderd", index_weg, t),
    "afgekapt": lambda s, t: geval(s, "segment afgekapt", segment_afgekapt, t),
    "willekeurig": lambda s, t: geval(s, "willekeurige bytes in segment", segment_willekeurig, t),
    "indexslot": lambda s, t: geval(s, "indexslot vastgehouden", indexslot, t),
    "databankslot": lambda s, t: geval(s, "databank-schrijfslot", databankslot, t),
    "worker": geval_worker,
    "schijf": geval_schijf,
    "mail": geval_mail,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--only", nargs="*", choices=sorted(GEVALLEN))
    parser.add_argument("--heal-within", type=float, default=60)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="pz-fouten-"))
    rows = []
    site = None
    try:
        site = Site(tmp, args.offers)
        with site:
            for name, run in GEVALLEN.items():
                if args.only and name not in args.only:
                    continue
                print(f"... {name}", file=sys.stderr, flush=True)
                try:
                    rows.append(run(site, args.heal_within))
                except Exception as exc:  # noqa: BLE001 - one broken case must not hide the rest
                    rows.append(Rij(name, opmerking=f"bench-fout: {exc!r}"[:200]))
    finally:
        if site is not None:
            site.unmount()
        shutil.rmtree(tmp, ignore_errors=True)
    kop = ["fout", "statussen", "noodlijst", "ms p50 / max", "verloren", "genezen na s",
           "workers gedood", "opmerking"]  # fmt: skip
    table = [kop] + [r.cellen() for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(kop))]
    for i, row in enumerate(table):
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        if i == 0:
            print("-+-".join("-" * w for w in widths))
    bad = [r for r in rows if r.genezen is None or r.verloren != "niets" or r.workers_gedood
           or any(str(k).startswith("5") for k in r.statussen)]  # fmt: skip
    print(f"\n{len(rows) - len(bad)} van {len(rows)} gevallen genezen zonder hand, niets verloren.")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
