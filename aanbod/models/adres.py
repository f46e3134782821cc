class MetAdres:
    """`adres` in one line, for every model with straat_nummer, postcode and gemeente."""

    @property
    def adres(self):
        return ", ".join(
            p for p in (self.straat_nummer, f"{self.postcode} {self.gemeente}".strip()) if p
        )
