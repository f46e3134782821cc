"""Every e-mail the referral features send. Plain text, Dutch, short."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from aanbod.partners import partner_group_name
from preventiezoeker.permissions import COORDINATOR_GROUP


def _adressen(users):
    return sorted({u.email for u in users if u.email})


def coordinator_adressen():
    users = get_user_model().objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
    return _adressen(users)


def partner_adressen(organisatie):
    """The partner's editors; the organisation's public address when it has no accounts."""
    users = get_user_model().objects.filter(
        groups__name=partner_group_name(organisatie), is_active=True
    )
    return _adressen(users) or ([organisatie.email] if organisatie.email else [])


def _stuur(template, context, to, reply_to=None):
    if not to:
        return 0
    text = render_to_string(f"doorverwijzing/mail/{template}.txt", context)
    subject, _, body = text.partition("\n")
    message = EmailMessage(
        subject=subject.strip(),
        body=body.strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    return message.send()


def mail_selectie(email, paginas, deel_url, fiche_url):
    return _stuur(
        "selectie", {"paginas": paginas, "deel_url": deel_url, "fiche_url": fiche_url}, [email]
    )


def mail_aanvraag_nieuw(aanvraag, admin_url):
    _stuur("aanvraag_ontvangen", {"aanvraag": aanvraag}, [aanvraag.email])
    _stuur(
        "aanvraag_coordinator",
        {"aanvraag": aanvraag, "admin_url": admin_url},
        coordinator_adressen(),
    )


def mail_statuswijziging(aanvraag):
    if not aanvraag.email:  # anonymised
        return 0
    return _stuur(f"aanvraag_{aanvraag.status}", {"aanvraag": aanvraag}, [aanvraag.email])


def mail_correctie(page, url, bericht, email):
    context = {"page": page, "url": url, "bericht": bericht, "email": email}
    to = sorted({*partner_adressen(page.organisatie), *coordinator_adressen()})
    return _stuur("correctie", context, to, reply_to=[email] if email else None)
