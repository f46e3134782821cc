"""Revision comparison for multi-choice fields: labels, not the stored Python list.

Without this, Wagtail falls back to the plain field comparison and the coordinator reads
`['gratis']['gratis', 'kansentarief']`. Each choice is diffed as an item, like Wagtail does for
many-to-many fields (thema's, wijken), and shown by its label.
"""

from wagtail.admin.compare import M2MFieldComparison, register_comparison_class

from aanbod.fields import MultiChoiceField


class MultiChoiceFieldComparison(M2MFieldComparison):
    def get_items(self):
        return list(self.val_a or []), list(self.val_b or [])

    def get_item_display(self, item):
        return str(dict(self.field.options).get(item, item))


register_comparison_class(MultiChoiceField, comparison_class=MultiChoiceFieldComparison)
