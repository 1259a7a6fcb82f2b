"""Approved products without a valid certificate today (``catalogue.ocop.uncertified``), in two groups:
kept on sale by an administrator's decision (who, when, why, until when — end it, or extend it), and off
sale since their certificate expired or was revoked (keep on sale until a date, or suspend).

Access: OCOP reviewers (the app's default permissions), for the products of their provinces
(``shop.users.offices``). Thin view: the actions are the workflow's
(``keep_on_sale``, ``end_keep_on_sale``, ``suspend``), which check the reviewer again and refuse a
reviewer who belongs to the producer; they are dispatched by name from a whitelist, as Oscar's order
dashboard does.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from catalogue.ocop import uncertified, workflow
from catalogue.programme import rules
from shop.dashboard.review.forms import KeepOnSaleForm, ReasonForm
from shop.users import offices


class UncertifiedProductsView(TemplateView):
    template_name = "oscar/dashboard/ocop/uncertified.html"
    # POST "action" → (method, form).
    actions = {
        "end_decision": ReasonForm,
        "extend_decision": KeepOnSaleForm,
        "keep_on_sale": KeepOnSaleForm,
        "suspend": ReasonForm,
    }

    def in_scope(self, products):
        return offices.scope_products(products, self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context.update(
            report=uncertified.uncertified_products(today, scope=self.in_scope),
            today=today,
            latest_until=rules.add_months(today, rules.KEPT_ON_SALE_MAX_MONTHS),
            max_months=rules.KEPT_ON_SALE_MAX_MONTHS,
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action not in self.actions:
            messages.error(request, _("Thao tác không hợp lệ."))
            return redirect("dashboard:ocop-uncertified")
        product = get_object_or_404(
            self.in_scope(uncertified.approved_without_certificate()), pk=request.POST.get("product") or 0
        )
        form = self.actions[action](request.POST)
        if not form.is_valid():
            errors = "; ".join(str(error) for field_errors in form.errors.values() for error in field_errors)
            messages.error(
                request,
                _("Chưa lưu quyết định về “%(product)s”: %(errors)s") % {"product": product.title, "errors": errors},
            )
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            text = getattr(self, action)(product, form.cleaned_data)
        except workflow.TransitionRefused as refusal:
            messages.error(request, str(refusal))
            return self.render_to_response(self.get_context_data(), status=403)
        messages.success(request, text)
        return redirect("dashboard:ocop-uncertified")

    # --- Actions: each returns the message to show ------------------------------------

    def end_decision(self, product, data):
        workflow.end_keep_on_sale(product, self.request.user, data["reason"])
        return _("Đã kết thúc quyết định vẫn bán “%(product)s”: sản phẩm ngừng bán từ hôm nay; đã báo cho chủ thể.") % {
            "product": product.title
        }

    def extend_decision(self, product, data):
        workflow.keep_on_sale(product, self.request.user, data["reason"], data["until"])
        return _("Đã gia hạn quyết định vẫn bán “%(product)s” đến hết ngày %(day)s; đã báo cho chủ thể.") % {
            "product": product.title,
            "day": data["until"].strftime("%d/%m/%Y"),
        }

    def keep_on_sale(self, product, data):
        workflow.keep_on_sale(product, self.request.user, data["reason"], data["until"])
        return _(
            "“%(product)s” được bán lại như sản phẩm địa phương, không dấu OCOP, đến hết ngày %(day)s; "
            "đã báo cho chủ thể."
        ) % {"product": product.title, "day": data["until"].strftime("%d/%m/%Y")}

    def suspend(self, product, data):
        workflow.suspend(product, self.request.user, data["reason"])
        return _("Đã tạm ngừng bán “%(product)s”; đã báo cho chủ thể.") % {"product": product.title}
