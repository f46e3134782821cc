from django.utils.functional import SimpleLazyObject

from doorverwijzing.selectie import Selectie


def selectie(request):
    """selectie_aantal for the header link, read from the session only when a template uses it."""
    session = getattr(request, "session", None)
    if session is None:
        return {}
    return {"selectie_aantal": SimpleLazyObject(lambda: len(Selectie(session)))}
