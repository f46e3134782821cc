from django.core.management.base import BaseCommand

from preventiezoeker.outbox.sending import purge_sent, send_due


class Command(BaseCommand):
    help = (
        "Verstuur de e-mails die nog wachten (voor cron, elke minuut). Veilig om vaak en "
        "tegelijk te draaien: elke e-mail gaat één keer weg. Verstuurde en opgegeven e-mails "
        "ouder dan OUTBOX_KEEP_SENT_DAYS dagen worden gewist."
    )

    def add_arguments(self, parser):
        parser.add_argument("--max", type=int, default=100, help="Hooguit zoveel e-mails per keer.")

    def handle(self, *args, **options):
        sent, failed = send_due(limit=options["max"])
        purge_sent()
        if options["verbosity"] > 0 and (sent or failed):
            self.stdout.write(f"{sent} verstuurd, {failed} mislukt (later opnieuw).")
