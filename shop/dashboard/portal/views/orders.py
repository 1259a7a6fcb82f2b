"""The producer's orders in the portal: home, order list, one order with its fulfilment forms.

A producer sees only its own lines of each order (their prices, statuses and shipping events) and
the customer's name, delivery address and phone — never other producers' lines, prices or the
order's total. Views are thin: every change goes through ``shop.order.fulfilment``, which checks
the actor and the lines again; an order without this producer's lines is a 404.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView

from shop.core import addresses
from shop.core import order_statuses as statuses
from shop.dashboard.portal.mixins import PortalMixin
from shop.einvoice.models import EInvoice
from shop.einvoice.providers import configured_provider
from shop.order import fulfilment
from shop.partner import access


class PortalHomeView(PortalMixin, TemplateView):
    """Where a producer lands: what waits for it, and the way to each part of the portal."""

    template_name = "oscar/dashboard/portal/home.html"

    # (URL name, label, description); pages another part of the portal has not added yet are skipped.
    LINKS = [
        (
            "dashboard:portal-orders",
            gettext_lazy("Đơn hàng"),
            gettext_lazy("Xác nhận, gửi hàng hoặc huỷ sản phẩm trong đơn"),
        ),
        (
            "dashboard:portal-products",
            gettext_lazy("Sản phẩm của tôi"),
            gettext_lazy("Thêm, sửa sản phẩm, giá và số lượng trong kho"),
        ),
        ("dashboard:portal-sales", gettext_lazy("Doanh số"), gettext_lazy("Đã bán được bao nhiêu, theo kỳ")),
        (
            "dashboard:portal-settlements",
            gettext_lazy("Đối soát, thanh toán"),
            gettext_lazy("Số tiền nền tảng thanh toán cho chủ thể"),
        ),
        ("dashboard:portal-team", gettext_lazy("Người dùng của chủ thể"), gettext_lazy("Mời, gỡ người cùng quản lý")),
    ]

    def get_links(self):
        links = []
        for name, label, description in self.LINKS:
            try:
                links.append({"url": reverse(name), "label": label, "description": description})
            except NoReverseMatch:
                continue
        return links

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(fulfilment.pending_counts(self.producer))
        context["portal_links"] = self.get_links()
        context["waiting_orders"] = (
            fulfilment.orders_for_producer(self.producer)
            .filter(my_pending__gt=0)
            .select_related("shipping_address")
            .order_by("-date_placed", "-pk")[:5]
        )
        return context


class OrderFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái phần hàng của tôi"),
        required=False,
        choices=[("", gettext_lazy("Tất cả"))] + list(statuses.ORDER_LABELS.items()),
    )


class OrderListView(PortalMixin, ListView):
    """Orders holding this producer's lines, newest first, with only its part's total and status."""

    template_name = "oscar/dashboard/portal/orders.html"
    context_object_name = "orders"
    paginate_by = 20

    def get_queryset(self):
        self.form = OrderFilterForm(self.request.GET)
        orders = (
            fulfilment.orders_for_producer(self.producer)
            .select_related("shipping_address")
            .order_by("-date_placed", "-pk")
        )
        if self.form.is_valid() and self.form.cleaned_data["status"]:
            orders = orders.filter(my_status=self.form.cleaned_data["status"])
        return orders

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["status_labels"] = statuses.ORDER_LABELS
        context.update(fulfilment.pending_counts(self.producer))
        return context


class LinesForm(forms.Form):
    """Some of this producer's lines of the order that may take ``target`` status."""

    target = None

    lines = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Sản phẩm"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Hãy chọn ít nhất một sản phẩm."),
            "invalid_choice": gettext_lazy("Sản phẩm đã chọn không còn thực hiện được việc này."),
        },
    )

    def __init__(self, *args, order_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.eligible = [line for line in order_lines if self.target in statuses.LINE_PIPELINE.get(line.status, ())]
        self.fields["lines"].choices = [(line.pk, f"{line.title} × {line.quantity}") for line in self.eligible]


class ConfirmForm(LinesForm):
    target = statuses.LINE_CONFIRMED

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("lines", [line.pk for line in self.eligible])


class ShipForm(LinesForm):
    target = statuses.LINE_SHIPPED
    carrier = forms.CharField(
        label=gettext_lazy("Đơn vị vận chuyển"),
        max_length=120,
        error_messages={"required": gettext_lazy("Hãy nhập đơn vị vận chuyển.")},
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("Ví dụ: Bưu điện (VNPost)")}),
    )
    tracking_number = forms.CharField(
        label=gettext_lazy("Mã vận đơn"),
        max_length=64,
        error_messages={"required": gettext_lazy("Hãy nhập mã vận đơn.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("lines", [line.pk for line in self.eligible if line.status == statuses.LINE_CONFIRMED])


class CancelForm(LinesForm):
    target = statuses.LINE_CANCELLED
    reason = forms.CharField(
        label=gettext_lazy("Lý do huỷ (gửi cho khách hàng)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Hãy ghi lý do huỷ để báo cho khách hàng.")},
    )


class DeliverForm(LinesForm):
    target = statuses.LINE_DELIVERED


class OrderDetailView(PortalMixin, TemplateView):
    """One order as this producer sees it, with the confirm / ship / cancel forms."""

    template_name = "oscar/dashboard/portal/order.html"
    form_classes = {"confirm": ConfirmForm, "ship": ShipForm, "cancel": CancelForm, "deliver": DeliverForm}
    post_needs = access.FULFIL  # a suspended producer still fulfils orders already placed

    @cached_property
    def order(self):
        order = fulfilment.order_for_producer(self.producer, self.kwargs["number"])
        if order is None:
            raise Http404(_("Không tìm thấy đơn hàng."))
        return order

    def get_lines(self):
        return list(fulfilment.producer_lines(self.order, self.producer).select_related("product"))

    def get_forms(self, lines, bound_action=None, data=None):
        forms_by_action = {
            action: form_class(data if action == bound_action else None, prefix=action, order_lines=lines)
            for action, form_class in self.form_classes.items()
        }
        # The producer's usual carrier (its delivery preferences, views/profile.py), pre-filled.
        forms_by_action["ship"].initial.setdefault("carrier", self.producer.preferred_carrier)
        return forms_by_action

    def get(self, request, *args, **kwargs):
        lines = self.get_lines()
        return self.render_to_response(self.get_context_data(lines=lines, forms=self.get_forms(lines)))

    def post(self, request, *args, **kwargs):
        self.order  # noqa: B018 — 404 for an order without this producer's lines, before anything else
        action = request.POST.get("action")
        if action not in self.form_classes:
            return HttpResponseBadRequest(_("Thao tác không hợp lệ."))
        lines = self.get_lines()
        forms_by_action = self.get_forms(lines, action, request.POST)
        form = forms_by_action[action]
        if form.is_valid():
            chosen = form.cleaned_data["lines"]
            try:
                messages.success(request, getattr(self, f"action_{action}")(chosen, form.cleaned_data))
            except fulfilment.FulfilmentRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                return redirect("dashboard:portal-order", number=self.order.number)
        return self.render_to_response(self.get_context_data(lines=lines, forms=forms_by_action), status=200)

    # --- Actions (one per entry of ``form_classes``): each returns the message to show ------------

    def action_confirm(self, chosen, data):
        fulfilment.confirm_lines(self.order, self.producer, self.request.user, chosen)
        return _("Đã xác nhận. Hãy chuẩn bị hàng và gửi đi.")

    def action_ship(self, chosen, data):
        fulfilment.ship_lines(
            self.order, self.producer, self.request.user, chosen, data["carrier"], data["tracking_number"]
        )
        return _("Đã ghi nhận gửi hàng. Khách hàng được báo mã vận đơn.")

    def action_deliver(self, chosen, data):
        fulfilment.deliver_lines(self.order, self.producer, self.request.user, chosen)
        return _("Đã ghi nhận khách đã nhận hàng.")

    def action_cancel(self, chosen, data):
        fulfilment.cancel_lines(self.order, self.producer, self.request.user, chosen, data["reason"])
        return _("Đã huỷ. Khách hàng được báo lý do qua email.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lines = kwargs["lines"]
        order = self.order
        live = [line for line in lines if line.status != statuses.LINE_CANCELLED]
        einvoices = list(
            EInvoice.objects.filter(order=order, partner=self.producer).select_related("replaces").order_by("-pk")
        )
        context.update(
            {
                "order": order,
                "part_status": statuses.ORDER_LABELS[fulfilment.part_status(lines)],
                "my_total": sum((line.line_price_incl_tax for line in live), 0),
                "address": order.shipping_address,
                "delivery_address": addresses.delivery_address(order.shipping_address),
                # The part's e-invoices, newest first: the current one (draft or issued) and those cancelled or
                # replaced (views/einvoices.py acts on them).
                "einvoices": einvoices,
                "einvoice_current": next((e for e in einvoices if e.status in EInvoice.CURRENT_STATUSES), None),
                "einvoice_provider": configured_provider() is not None,
                "events": (
                    order.shipping_events.filter(partner=self.producer)
                    .select_related("event_type", "actor", "on_behalf_of")
                    .prefetch_related("line_quantities__line")
                    .order_by("date_created", "pk")
                ),
            }
        )
        return context
