"""Every Oscar report's CSV is written through ``SpreadsheetSafeWriter``: each report's formatter gets its
writer from ``ReportCSVFormatter.get_csv_writer`` (loaded with ``get_class`` by the order, basket, offer,
voucher and analytics reports), so overriding it here covers all of them."""

from oscar.apps.dashboard.reports import reports as oscar_reports

from shop.core.spreadsheets import SpreadsheetSafeWriter

ReportGenerator = oscar_reports.ReportGenerator
ReportFormatter = oscar_reports.ReportFormatter
ReportHTMLFormatter = oscar_reports.ReportHTMLFormatter


class ReportCSVFormatter(oscar_reports.ReportCSVFormatter):
    def get_csv_writer(self, file_handle, **kwargs):
        return SpreadsheetSafeWriter(open_file=file_handle, **kwargs)
