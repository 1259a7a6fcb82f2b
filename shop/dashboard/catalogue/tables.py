"""Oscar's catalogue dashboard tables (``get_class("dashboard.catalogue.tables", …)`` looks here first); only the
category table differs: its actions column has a heading in the page's language, where Oscar's prints the
attribute name "Actions"."""

from django.utils.translation import gettext_lazy as _
from django_tables2 import TemplateColumn
from oscar.apps.dashboard.catalogue.tables import CategoryTable as OscarCategoryTable


class CategoryTable(OscarCategoryTable):
    actions = TemplateColumn(
        template_name="oscar/dashboard/catalogue/category_row_actions.html",
        orderable=False,
        verbose_name=_("Thao tác"),
    )

    class Meta(OscarCategoryTable.Meta):
        pass
