"""Every e-mail the referral features send. Plain text, short. Mails to the public (the
selection, the caregiver's request, the reporter) are in the language they used on the site;
mails to partners and coordinators are Dutch, like the admin.

Nothing is sent here: each mail goes into the outbox (preventiezoeker.outbox) in the caller's
transaction and leaves after the commit, with retries, so a mail outage never fails a form."""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from preventiezoeker.outbox.sending import enqueue
from preventiezoeker.permissions import COORDINATOR_GROUP


def _adressen(users):
    return sorted({u.email for u in users if u.email})


def coordinator_adressen():
    users = get_user_model().objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
    return _adressen(users)


def _stuur(template, context, to, reply_to=(), bewaren=True, taal="nl"):
    """Queue one mail; the template's first line is the subject. None when nobody gets it."""
    if not to:
        return None
    with translation.override(taal):
        text = render_to_string(f"doorverwijzing/mail/{template}.txt", context)
    subject, _, body = text.partition("\n")
    return enqueue(
        to=to, subject=subject, body=body.strip() + "\n", reply_to=reply_to,
        delete_when_sent=not bewaren,
    )  # fmt: skip


def mail_selectie(email, paginas, deel_url, fiche_url, taal="nl"):
    # The form promises the address is not kept: the outbox deletes this mail once sent.
    context = {"paginas": paginas, "deel_url": deel_url, "fiche_url": fiche_url}
    return _stuur("selectie", context, [email], bewaren=False, taal=taal)


def labels(objecten):
    """ "Albanees, Arabisch": what a person reads, never a QuerySet's repr."""
    return ", ".join(str(o) for o in objecten)


def mail_aanvraag_nieuw(aanvraag, admin_url):
    _stuur("aanvraag_ontvangen", {"aanvraag": aanvraag}, [aanvraag.email], taal=aanvraag.taal)
    context = {"aanvraag": aanvraag, "talen": labels(aanvraag.talen.all()), "admin_url": admin_url}
    _stuur("aanvraag_coordinator", context, coordinator_adressen())


def mail_statuswijziging(aanvraag):
    if not aanvraag.email:  # anonymised
        return None
    return _stuur(
        f"aanvraag_{aanvraag.status}", {"aanvraag": aanvraag}, [aanvraag.email], taal=aanvraag.taal
    )


def behandelaar_adressen(page):
    """Who may edit the offer (so may handle a report about it) besides the coordinators: the
    owning partner's accounts; the organisation's public address when it has none."""
    if page is None:
        return []
    users = PagePermissionPolicy(Page).users_with_permission_for_instance(
        "change", page, include_superusers=False
    )
    partners = users.exclude(groups__name=COORDINATOR_GROUP)
    organisatie = page.organisatie
    fallback = [organisatie.email] if organisatie and organisatie.email else []
    return _adressen(partners) or fallback


def mail_correctie(melding, url, admin_url):
    """A new report: to whoever may handle it. Names this offer only."""
    page = melding.aanbod
    context = {"melding": melding, "page": page, "url": url, "admin_url": admin_url}
    to = sorted({*behandelaar_adressen(page), *coordinator_adressen()})
    return _stuur("correctie", context, to, reply_to=[melding.email] if melding.email else ())


def mail_melding_afgehandeld(melding, url):
    """Tell the reporter the report is closed. `url` is the offer's public page, or "" when it
    is not public: the mail never names anything else. Deleted once sent (the address is theirs)."""
    if not melding.email:
        return None
    context = {"melding": melding, "url": url}
    return _stuur(
        f"melding_{melding.status}", context, [melding.email], bewaren=False, taal=melding.taal
    )
