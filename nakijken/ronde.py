"""The daily round of the freshness loop (manage.py aanbod_nakijken).

Per organisation, its due published offers get a request (Nakijkverzoek) and each of its
partner accounts one mail listing them; after NAKIJKEN_HERINNERING_NA_DAGEN one reminder; after
NAKIJKEN_COORDINATOR_NA_DAGEN more the coordinators are told. The rows say what was done, so a
second run the same day finds nothing left to do. Everything runs in one transaction: a dry run
rolls it back, and a run that fails halfway leaves no mail queued.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from aanbod import actualiteit
from aanbod.models import AanbodPage, OrganisatiePage
from aanbod.search import SOURCE
from preventiezoeker.outbox.sending import enqueue
from preventiezoeker.permissions import COORDINATOR_GROUP
from preventiezoeker.search.sync import queue

from .links import aanpassen_url, absoluut, klopt_nog_url
from .models import Nakijkverzoek

# Offers that crossed the stale line this many days back are reindexed again: the hide option
# drops them from the index, also when cron skipped a few days.
HERINDEX_VENSTER_DAGEN = 31


@dataclass
class Mail:
    to: list
    subject: str
    body: str


@dataclass
class Verslag:
    """What a round did (or, dry, would do): for the command's output and the tests."""

    nieuw: list = field(default_factory=list)  # Nakijkverzoek
    herinnerd: list = field(default_factory=list)
    coordinator: list = field(default_factory=list)
    afgesloten: list = field(default_factory=list)
    mails: list = field(default_factory=list)  # Mail
    herindexeerd: int = 0


def partner_accounts(organisatie):
    """The active accounts with page rights on this organisation's own page: its partners
    (the coordinators hold theirs on the home page)."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__page_permissions__page=organisatie)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def coordinator_adressen():
    users = get_user_model().objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
    return sorted({u.email for u in users if u.email})


def _mail(verslag, dry_run, template, context, to):
    text = render_to_string(f"nakijken/mail/{template}.txt", context)
    subject, _, body = text.strip().partition("\n")
    mail = Mail(list(to), subject.strip(), body.strip() + "\n")
    verslag.mails.append(mail)
    if not dry_run:
        enqueue(to=mail.to, subject=mail.subject, body=mail.body)


def _in_omloop(vandaag):
    """Published offers still in their period: those a partner should keep true (also the
    ones the hide option keeps from the public: confirming them brings them back)."""
    return AanbodPage.objects.live().filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))


def _organisaties():
    return {o.path: o for o in OrganisatiePage.objects.all()}


def _organisatie_van(page, organisaties):
    return organisaties.get(page.path[: -AanbodPage.steplen])


def _regels(verzoeken):
    return [
        {
            "aanbod": v.aanbod,
            "laatst_nagekeken": v.aanbod.laatst_nagekeken,
            "klopt_nog": klopt_nog_url(v),
            "aanpassen": aanpassen_url(v.aanbod_id),
        }
        for v in verzoeken
    ]


def _mail_partners(verslag, dry_run, template, organisatie, verzoeken, geldig_tot):
    accounts = partner_accounts(organisatie)
    regels = _regels(verzoeken)
    for user in accounts:
        context = {
            "naam": user.first_name, "organisatie": organisatie, "regels": regels,
            "geldig_tot": geldig_tot, "admin_url": absoluut(reverse("wagtailadmin_home")),
        }  # fmt: skip
        _mail(verslag, dry_run, template, context, [user.email])
    return [u.email for u in accounts]


def afsluiten(vandaag, verslag):
    """Close the requests whose offer was checked another way, or left the site."""
    in_omloop = _in_omloop(vandaag)
    nog_te_doen = actualiteit.te_controleren(in_omloop, vandaag).values("pk")
    for verzoek in Nakijkverzoek.objects.open().exclude(aanbod__in=nog_te_doen):
        online = in_omloop.filter(pk=verzoek.aanbod_id).exists()
        verzoek.afgesloten_op = vandaag
        verzoek.afgesloten_reden = "intussen nagekeken" if online else "niet meer online"
        verzoek.save(update_fields=["afgesloten_op", "afgesloten_reden"])
        verslag.afgesloten.append(verzoek)


def nieuwe_verzoeken(vandaag, verslag, dry_run):
    open_ids = Nakijkverzoek.objects.open().values("aanbod_id")
    due = (
        actualiteit.te_controleren(_in_omloop(vandaag), vandaag)
        .exclude(pk__in=open_ids)
        .order_by("path")
    )
    organisaties = _organisaties()
    per_organisatie = defaultdict(list)
    for page in due:
        organisatie = _organisatie_van(page, organisaties)
        if organisatie is not None:  # an offer outside every organisation has no partners
            per_organisatie[organisatie].append(page)
    geldig_tot = vandaag + datetime.timedelta(days=settings.NAKIJKEN_LINK_GELDIG_DAGEN)
    for organisatie, pages in per_organisatie.items():
        verzoeken = [
            Nakijkverzoek.objects.create(
                aanbod=page,
                organisatie=organisatie,
                nagekeken_toen=page.laatst_nagekeken,
                verstuurd_op=vandaag,
                geldig_tot=geldig_tot,
            )  # fmt: skip
            for page in sorted(pages, key=lambda p: p.title.lower())
        ]
        ontvangers = _mail_partners(verslag, dry_run, "verzoek", organisatie, verzoeken, geldig_tot)
        Nakijkverzoek.objects.filter(pk__in=[v.pk for v in verzoeken]).update(ontvangers=ontvangers)
        for verzoek in verzoeken:
            verzoek.ontvangers = ontvangers
        verslag.nieuw += verzoeken


def herinneringen(vandaag, verslag, dry_run):
    grens = vandaag - datetime.timedelta(days=settings.NAKIJKEN_HERINNERING_NA_DAGEN)
    open_ = (
        Nakijkverzoek.objects.open()
        .filter(herinnerd_op__isnull=True, verstuurd_op__lte=grens)
        .select_related("aanbod")
        .order_by("aanbod__title")
    )
    organisaties = _organisaties()
    per_organisatie = defaultdict(list)
    for verzoek in open_:
        organisatie = _organisatie_van(verzoek.aanbod, organisaties)
        if organisatie is not None:
            per_organisatie[organisatie].append(verzoek)
    geldig_tot = vandaag + datetime.timedelta(days=settings.NAKIJKEN_LINK_GELDIG_DAGEN)
    for organisatie, verzoeken in per_organisatie.items():
        # The reminder carries the same links; they work a full period from today.
        Nakijkverzoek.objects.filter(pk__in=[v.pk for v in verzoeken]).update(
            herinnerd_op=vandaag, geldig_tot=geldig_tot
        )
        _mail_partners(verslag, dry_run, "herinnering", organisatie, verzoeken, geldig_tot)
        verslag.herinnerd += verzoeken


def coordinator_verwittigen(vandaag, verslag, dry_run):
    grens = vandaag - datetime.timedelta(days=settings.NAKIJKEN_COORDINATOR_NA_DAGEN)
    open_ = list(
        Nakijkverzoek.objects.open()
        .filter(coordinator_verwittigd_op__isnull=True, herinnerd_op__lte=grens)
        .select_related("aanbod")
        .order_by("aanbod__title")
    )
    if not open_:
        return
    organisaties = _organisaties()
    per_organisatie = defaultdict(list)
    for verzoek in open_:
        organisatie = _organisatie_van(verzoek.aanbod, organisaties)
        naam = organisatie.title if organisatie else "Zonder organisatie"
        per_organisatie[naam].append(
            {"aanbod": verzoek.aanbod, "verstuurd_op": verzoek.verstuurd_op,
             "aanpassen": aanpassen_url(verzoek.aanbod_id)}
        )  # fmt: skip
    Nakijkverzoek.objects.filter(pk__in=[v.pk for v in open_]).update(
        coordinator_verwittigd_op=vandaag
    )
    context = {
        "organisaties": sorted(per_organisatie.items(), key=lambda item: item[0].lower()),
        "overzicht_url": absoluut(reverse("nakijken_actualiteit")),
    }
    _mail(verslag, dry_run, "coordinator", context, coordinator_adressen())
    verslag.coordinator += open_


def herindexeren(vandaag):
    """Offers that became stale lately: the index drops them when the hide option is on."""
    grens = actualiteit.verouderd_grens(vandaag)
    ids = list(
        AanbodPage.objects.live()
        .filter(
            laatst_nagekeken__lte=grens,
            laatst_nagekeken__gt=grens - datetime.timedelta(days=HERINDEX_VENSTER_DAGEN),
        )
        .values_list("pk", flat=True)
    )
    queue(SOURCE, ids)
    return len(ids)


def ronde(vandaag, *, dry_run=False):
    verslag = Verslag()
    with transaction.atomic():
        afsluiten(vandaag, verslag)
        nieuwe_verzoeken(vandaag, verslag, dry_run)
        herinneringen(vandaag, verslag, dry_run)
        coordinator_verwittigen(vandaag, verslag, dry_run)
        if dry_run:
            transaction.set_rollback(True)
        else:
            verslag.herindexeerd = herindexeren(vandaag)
    return verslag
