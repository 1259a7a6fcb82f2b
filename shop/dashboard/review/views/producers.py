"""Producers as reviewers see them: the list with their verification status (verify, suspend, reject
an application), and one producer's application — the data, the registration scan, the applicant's
consents, and the decision (verify, or reject with a reason). The decisions are
``shop.producers.verification``'s, dispatched by name from ``DECISIONS``. A reviewer sees the producers of
their provinces only (``shop.users.offices``): another province's producer is absent, 404 by id."""

import os

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View
from oscar.core.loading import get_model

from catalogue.ocop import workflow
from shop.core.csp import embeddable_by_own_pages
from shop.producers import onboarding, verification
from shop.producers.forms import DecisionForm
from shop.users import offices

Partner = get_model("partner", "Partner")
Consent = get_model("users", "Consent")

# POST "action" → the decision of ``shop.producers.verification`` (producer, reviewer, reason).
DECISIONS = {
    "verify": "verify_producer",
    "suspend": "suspend_producer",
    "reject": "reject_application",
}
# An application is verified or rejected (suspending is for verified producers, from the list).
APPLICATION_DECISIONS = {name: DECISIONS[name] for name in ("verify", "reject")}


class ApplicationDetailView(DetailView):
    template_name = "oscar/dashboard/ocop/application_detail.html"
    context_object_name = "producer"

    def get_queryset(self):
        return offices.scope_producers(Partner.objects.select_related("director"), self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        producer = self.object
        users = list(producer.users.order_by("last_name", "first_name"))
        context.update(
            {
                "members": users,
                "consents": (
                    Consent.objects.filter(
                        user__in=[u.pk for u in users] + [producer.director_id], context=onboarding.CONSENT_CONTEXT
                    )
                    .select_related("user")
                    .order_by("-recorded_at")
                ),
                "decision_form": kwargs.get("decision_form") or DecisionForm(),
                "director_unconfirmed": onboarding.director_unconfirmed(producer),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        self.object = producer = self.get_object()
        form = DecisionForm(request.POST)
        form.is_valid()
        reason = form.cleaned_data.get("reason", "")
        decision = APPLICATION_DECISIONS.get(request.POST.get("action"))
        try:
            if decision is None:
                raise workflow.TransitionRefused(_("Thao tác không hợp lệ."))
            getattr(verification, decision)(producer, request.user, reason)
        except workflow.TransitionRefused as refusal:
            form.add_error("reason", str(refusal))
            messages.error(request, str(refusal))
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        messages.success(request, _("Đã lưu quyết định và báo cho chủ thể."))
        return redirect("dashboard:ocop-application", pk=producer.pk)


class ApplicationScanView(View):
    """The applicant's business registration scan, streamed to reviewers only (it has no public URL)."""

    CONTENT_TYPES = {
        ".pdf": "application/pdf",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".webp": "image/webp",
    }

    def get(self, request, pk):
        producer = get_object_or_404(offices.scope_producers(Partner.objects.all(), request.user), pk=pk)
        scan = producer.business_registration_scan
        if not scan:
            raise Http404(_("Chủ thể chưa nộp bản chụp giấy đăng ký kinh doanh."))
        extension = os.path.splitext(scan.name)[1].lower()
        response = FileResponse(
            scan.open("rb"), content_type=self.CONTENT_TYPES.get(extension, "application/octet-stream")
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return embeddable_by_own_pages(response)  # the application page shows the scan inline


class ProducerVerificationView(ListView):
    """Producers with their verification status; reviewers verify, reject (pending applications, with a
    reason) or suspend them. Each row links to the application's detail (scan, consents)."""

    template_name = "oscar/dashboard/ocop/producers.html"
    context_object_name = "producers"
    paginate_by = 50

    def get_queryset(self):
        producers = offices.scope_producers(Partner.objects.select_related("director"), self.request.user).order_by(
            "verification_status", "name"
        )
        status = self.request.GET.get("status")
        if status in Partner.Verification.values:
            producers = producers.filter(verification_status=status)
        else:
            # The registry's unclaimed stubs (thousands per province) only when asked for: nobody has applied
            # for them yet; the per-commune page (communes.py) follows them.
            producers = producers.exclude(verification_status=Partner.Verification.UNCLAIMED)
        return producers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Partner.Verification.choices
        context["current_status"] = self.request.GET.get("status", "")
        return context

    def post(self, request, *args, **kwargs):
        producer = get_object_or_404(
            offices.scope_producers(Partner.objects.all(), request.user), pk=request.POST.get("producer") or 0
        )
        decision = DECISIONS.get(request.POST.get("action"))
        try:
            if decision is None:
                raise workflow.TransitionRefused(_("Thao tác không hợp lệ."))
            getattr(verification, decision)(producer, request.user, request.POST.get("reason", ""))
        except workflow.TransitionRefused as refusal:
            messages.error(request, f"{producer.name}: {refusal}")
        else:
            messages.success(request, _("Đã lưu quyết định và báo cho chủ thể."))
        return redirect("dashboard:ocop-producers")
