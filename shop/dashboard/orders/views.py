"""Oscar's order pages, with the order list's CSV written through the spreadsheet-safe writer: buyers type
the names and emails it exports (``shop.core.spreadsheets``)."""

from django.http import HttpResponse
from oscar.apps.dashboard.orders import views as oscar_views

from shop.core.spreadsheets import SpreadsheetSafeWriter


class OrderListView(oscar_views.OrderListView):
    def download_selected_orders(self, request, orders):
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = "attachment; filename=%s" % self.get_download_filename(request)
        writer = SpreadsheetSafeWriter(open_file=response)
        writer.writerow(self.CSV_COLUMNS.values())
        for order in orders:
            values = self.get_row_values(order)
            writer.writerow([values.get(column, "") for column in self.CSV_COLUMNS])
        return response
