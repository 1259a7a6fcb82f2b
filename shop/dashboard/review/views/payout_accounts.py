"""Producers' new payout accounts waiting for their province's office: approve (the account becomes the one in
use) or reject with a reason — ``shop.producers.payout``'s decisions, dispatched by name from ``DECISIONS``.
The list and every decision are narrowed to the officer's provinces (``shop.users.offices``): another
province's request is a 404."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from catalogue.ocop import workflow
from shop.producers import payout

PayoutAccountChange = get_model("partner", "PayoutAccountChange")

# POST "action" → the decision of ``shop.producers.payout`` (change, officer[, reason]).
DECISIONS = {"approve": "action_approve", "reject": "action_reject"}


class PayoutAccountQueueView(ListView):
    template_name = "oscar/dashboard/ocop/payout_accounts.html"
    context_object_name = "changes"
    paginate_by = 50

    def get_queryset(self):
        return payout.changes_to_decide(self.request.user)

    def post(self, request, *args, **kwargs):
        change = get_object_or_404(payout.changes_to_decide(request.user), pk=request.POST.get("change") or 0)
        method = DECISIONS.get(request.POST.get("action"))
        try:
            if method is None:
                raise workflow.TransitionRefused(_("Thao tác không hợp lệ."))
            getattr(self, method)(change, request)
        except workflow.TransitionRefused as refusal:
            messages.error(request, f"{change.partner.name}: {refusal}")
        return redirect("dashboard:ocop-payout-accounts")

    def action_approve(self, change, request):
        payout.approve(change, request.user)
        messages.success(request, _("Đã duyệt tài khoản nhận tiền của %(name)s.") % {"name": change.partner.name})

    def action_reject(self, change, request):
        payout.reject(change, request.user, request.POST.get("reason", ""))
        messages.success(request, _("Đã từ chối và báo lý do cho %(name)s.") % {"name": change.partner.name})
