"""Embeds for partner sites (/insluiten/...): before the Wagtail catch-all."""

urlpatterns = []
