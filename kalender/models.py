"""Campagnes and Activiteiten arrive with the calendar issue; the app exists already."""
