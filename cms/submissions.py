"""The contact form's submissions list in the CMS admin, whose CSV export keeps what visitors typed as
text: a message starting with ``=``, ``+``, ``-`` or ``@`` would otherwise run as a formula in the
spreadsheet of the administrator who opens the file (``shop.core.spreadsheets``). The XLSX export
already stores every cell as text (Wagtail turns formulas back into strings)."""

from wagtail.contrib.forms.views import SubmissionsListView

from shop.core.spreadsheets import spreadsheet_safe


class SafeSubmissionsListView(SubmissionsListView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value
