from django.core.management.base import BaseCommand

from home.inrichting import richt_site_in


class Command(BaseCommand):
    help = "Richt de site in: paginaboom, coördinatorenrol en goedkeuringsworkflow (idempotent)."

    def handle(self, *args, **options):
        home, index, group = richt_site_in()
        self.stdout.write(self.style.SUCCESS(f"Site ingericht: {home.url_path} → {index.url_path}"))
