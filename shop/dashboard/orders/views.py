"""Oscar's order pages, with the order list's CSV written through the spreadsheet-safe writer: buyers type
the names and emails it exports (``shop.core.spreadsheets``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views as oscar_views

from shop.core import order_statuses as statuses
from shop.core.spreadsheets import SpreadsheetSafeWriter
from shop.order import fulfilment


class OrderListView(oscar_views.OrderListView):
    # No bulk "change status": an order's status is derived from its lines (OrderDetailView below).
    actions = ("download_selected_orders",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["order_statuses"] = []  # hides Oscar's status-change form; the filter keeps its own choices
        return ctx

    def download_selected_orders(self, request, orders):
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = "attachment; filename=%s" % self.get_download_filename(request)
        writer = SpreadsheetSafeWriter(open_file=response)
        writer.writerow(self.CSV_COLUMNS.values())
        for order in orders:
            values = self.get_row_values(order)
            writer.writerow([values.get(column, "") for column in self.CSV_COLUMNS])
        return response


class OrderDetailView(oscar_views.OrderDetailView):
    """Oscar's order page, whose actions go through the same rules as the producers' portal.

    Oscar's own actions set a line's status by hand (no stock returned on a cancellation, no refund, no email,
    the order's status left behind), set the order's status by hand, and record payment and shipping events that
    the settlements would read as money received. Here a line's status changes only through
    ``shop.order.fulfilment`` (the platform acting for the producer: stock, refunds, emails and the order's
    derived status as in the portal), with the reason, carrier and tracking number those services require;
    the order's status is never chosen (it is derived from its lines); payments move only through
    ``payments.states`` (the payment desk and the providers). Acting needs ``order.change_order``; viewing
    needs ``order.view_order`` (the app's permissions map).
    """

    order_actions = ("save_note", "delete_note")
    line_actions = ("change_line_statuses",)

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("order.change_order"):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["line_status_choices"] = [
            (code, label) for code, label in statuses.LINE_LABELS.items() if code != statuses.LINE_PENDING
        ]
        ctx["order_status_derived"] = True
        return ctx

    def get_order_status_form(self):
        return None  # derived from the lines (shop.core.order_statuses.order_status_for)

    def change_line_statuses(self, request, order, lines, quantities):
        new_status = request.POST.get("new_status", "").strip()
        try:
            for producer_lines in _lines_by_producer(lines):
                fulfilment.act_as_platform(
                    order,
                    producer_lines,
                    request.user,
                    new_status,
                    reason=request.POST.get("reason", ""),
                    carrier=request.POST.get("carrier", ""),
                    tracking_number=request.POST.get("tracking_number", ""),
                )
        except fulfilment.FulfilmentRefused as refused:
            return self.reload_page(error=refused.message)
        messages.success(request, _("Đã cập nhật trạng thái các dòng hàng đã chọn."))
        return self.reload_page()


def _lines_by_producer(lines):
    groups: dict[int, list] = {}
    for line in lines:
        groups.setdefault(line.partner_id, []).append(line)
    return list(groups.values())
