"""Dated activities in the shape of UiTdatabank's event model (publiq, the Flemish event database).

A later connection to UiTdatabank is then a transport question: authenticate, resolve the nested
`location` and `organizer` to UiTdatabank place and organizer ids, and send `event(...)`.
Model: https://docs.publiq.be/docs/uitdatabank/models/event (JSON schemas in
cultuurnet/udb3-json-schemas); our subset: tests/api/uitdatabank-event.schema.json.

| Ours (ActiviteitPage, its visible offer, its organisation) | UiTdatabank event              |
|-------------------------------------------------------------|--------------------------------|
| (always)                                                    | mainLanguage "nl"              |
| title (+ offer translation fr/en/de if the same title)      | name {nl, fr, en, de}          |
| in_het_kort + beschrijving as text (+ translation, idem)    | description {nl, ...}          |
| languages with a name or description / with both            | languages / completedLanguages |
| stored moments (Moment), cancelled dates                    | calendarType, startDate,       |
|                                                             | endDate, status, subEvent[],   |
|                                                             | openingHours[],                |
|                                                             | openingHoursClosedDays[]       |
|   weekly rule, one weekly slot                              |   periodic + openingHours      |
|   one moment / several                                      |   single / multiple + subEvent |
|   cancelled occurrence of a rule                            |   subEvent status Unavailable  |
| place: praktisch.plaats (name, street, postcode, gemeente)  | location {name, address.nl}    |
| online_link                                                 | attendanceMode, onlineUrl      |
| thema + vorm (own, else the offer's), number of moments     | terms: 1 eventtype, <= 1 theme |
|                                                             | (table: termen.py)             |
| organisation: title, website or page, address               | organizer                      |
| organisation: telefoon, email, website                      | contactPoint                   |
| enrolment phone/e-mail/link (activity, else offer)          | bookingInfo (+ urlLabel)       |
| bedrag, or "gratis" (praktisch.prijs)                       | priceInfo base "Basistarief"   |
| offer min_leeftijd / max_leeftijd                           | typicalAgeRange "6-12"         |
| (public activities only)                                    | audience.audienceType everyone |
| visible campaign title                                      | labels [title]                 |
| the activity page's URL                                     | sameAs [url]                   |

Not mapped, and why:
- Kansentarief / UiTPAS: UiTdatabank adds `uitpas` prices itself, from the base price, when the
  organizer is a UiTPAS organizer; clients may not send them (publiq: "You must only provide the
  non-UiTPAS price tariffs"). We know no kansentarief amount either (only free text).
  "Terugbetaald" and "korting verhoogde tegemoetkoming": no amount, no UiTdatabank field.
- Arabic and Turkish translations: UiTdatabank accepts nl, fr, de and en only.
- talen (languages spoken at the activity), doelgroep, wijk, toegankelijkheid: no UiTdatabank
  field or no verified term (see termen.py).
- location/organizer ids: we have no UiTdatabank ids; the nested place and organizer carry what
  the transport needs to find or create them. A place without street, postcode and gemeente goes
  without address.
- permanent calendars, images, videos, bookingAvailability: we have no such data.
"""

from .event import event, ontbrekend
from .selectie import Bron, exporteerbaar, laad, selecteer

__all__ = ["Bron", "event", "exporteerbaar", "laad", "ontbrekend", "selecteer"]
