"""A revocation decision naming many certificates, in two steps: the reviewer enters the decision (number,
date, one reason), the certificates (decision numbers pasted one a line, or ticked from a list filtered by
province or issuer) and what becomes of their products (stop selling, or keep on sale until a date); the
confirmation step lists exactly what will be revoked; confirming revokes all of them or none
(``catalogue.ocop.revocations`` over ``workflow.revoke_certificates``). A line naming nothing revocable
(unknown, already revoked, shared by several products) is reported and nothing is revoked.

Access: OCOP reviewers (the app's default permissions), naming the certificates of their provinces only
(``shop.users.offices``: another province's certificate is unknown here, and the workflow refuses it too).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalogue.ocop import revocations, workflow
from catalogue.programme import rules
from shop.dashboard.review.forms import RevocationFilterForm, RevocationForm
from shop.users import offices

OcopCertificate = get_model("catalogue", "OcopCertificate")

LIST_LIMIT = 500  # certificates listed for ticking; the filter narrows a longer list


class RevocationView(TemplateView):
    template_name = "oscar/dashboard/ocop/revocations.html"
    steps = ("check", "revoke")  # POST "step": show the confirmation, then revoke

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        filter_form = RevocationFilterForm(self.request.GET or None)
        certificates = offices.scope_certificates(filter_form.certificates(), self.request.user)
        context.update(
            filter_form=filter_form,
            certificates=certificates[:LIST_LIMIT],
            certificates_total=certificates.count(),
            list_limit=LIST_LIMIT,
            form=kwargs.get("form") or RevocationForm(initial={"decision_date": today}),
            today=today,
            latest_until=rules.add_months(today, rules.KEPT_ON_SALE_MAX_MONTHS),
        )
        return context

    def post(self, request, *args, **kwargs):
        step = request.POST.get("step", "")
        if step not in self.steps:
            messages.error(request, _("Thao tác không hợp lệ."))
            return redirect("dashboard:ocop-revocations")
        form = RevocationForm(
            request.POST, among=offices.scope_certificates(OcopCertificate.objects.all(), request.user)
        )
        if not form.is_valid():
            messages.error(request, _("Chưa thu hồi giấy chứng nhận nào: xem lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return getattr(self, step)(form)

    def check(self, form):
        """The confirmation step: exactly what will be revoked, and what becomes of the products."""
        return self.render_to_response(
            self.get_context_data(
                form=form, confirm=form.lookup.certificates, keep_on_sale_until=form.keep_on_sale_until()
            )
        )

    def revoke(self, form):
        data = form.cleaned_data
        try:
            revoked = revocations.revoke(
                form.lookup.certificates,
                self.request.user,
                data["decision_number"],
                data["decision_date"],
                data["reason"],
                form.keep_on_sale_until(),
            )
        except workflow.TransitionRefused as refusal:
            messages.error(self.request, _("Chưa thu hồi giấy chứng nhận nào: %(reason)s") % {"reason": refusal})
            return self.render_to_response(self.get_context_data(form=form), status=403)
        messages.success(
            self.request,
            ngettext(
                "Đã thu hồi %(count)s giấy chứng nhận theo quyết định %(number)s và báo cho các chủ thể.",
                "Đã thu hồi %(count)s giấy chứng nhận theo quyết định %(number)s và báo cho các chủ thể.",
                len(revoked),
            )
            % {"count": len(revoked), "number": data["decision_number"]},
        )
        return redirect("dashboard:ocop-uncertified")
