"""The review queue (products waiting for review, new certificates of products on sale) and one
product's review page with its decisions. The decisions are the workflow's (``catalogue.ocop.workflow``);
access: OCOP reviewers (ReviewDashboardConfig's default permissions), each seeing the products of their
provinces only (``shop.users.offices``: another province's product is absent from the queue, 404 by id)."""

import datetime

from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from catalogue.ocop import review_version, workflow
from catalogue.programme import rules
from catalogue.programme.review import ReviewStatus
from shop.dashboard.review.forms import CERTIFICATE_ACTIONS, QUEUE, ReviewActionForm, ReviewQueueFilterForm
from shop.users import offices

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


class ReviewQueueView(ListView):
    """Products waiting for review (and new certificates of products on sale), filterable."""

    template_name = "oscar/dashboard/ocop/review_queue.html"
    context_object_name = "products"
    paginate_by = 25

    def get_queryset(self):
        self.form = ReviewQueueFilterForm(self.request.GET or {"status": QUEUE})
        pending_certificate = OcopCertificate.objects.filter(
            product=OuterRef("pk"), review=OcopCertificate.Review.PENDING
        )
        products = (
            offices.scope_products(Product.objects.browsable_dashboard(), self.request.user)
            .annotate(has_pending_certificate=Exists(pending_certificate))
            .prefetch_related("stockrecords__partner", "ocop_certificates")
            .order_by("submitted_at", "id")
        )
        if not self.form.is_valid():
            return products.none()
        data = self.form.cleaned_data
        if data["status"] == QUEUE:
            # New submissions, and new certificates of products already on sale (re-certification).
            products = products.filter(
                Q(review_status=ReviewStatus.SUBMITTED)
                | Q(review_status=ReviewStatus.APPROVED, has_pending_certificate=True)
            )
        elif data["status"]:
            products = products.filter(review_status=data["status"])
        if data["group"]:
            products = products.filter(ocop_group=data["group"])
        if data["province"]:
            products = products.filter(stockrecords__partner__province_code=data["province"])
        if data["stars"]:
            products = products.filter(ocop_certificates__star_rating=data["stars"])
        if data["min_days"]:
            cutoff = timezone.now() - datetime.timedelta(days=data["min_days"])
            products = products.filter(submitted_at__lte=cutoff)
        if data["q"]:
            products = products.filter(Q(title__icontains=data["q"]) | Q(upc__iexact=data["q"]))
        return products.distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["now"] = timezone.now()
        return context


class ReviewDetailView(DetailView):
    """One product with its certificate scan beside it, the decisions, and its history.

    Every decision form carries the version of the product the page shows (``seen``,
    ``catalogue/ocop/review_version.py``); when the product changed since, the decision is refused
    (409) and the page shows the new version with the changes highlighted.
    """

    template_name = "oscar/dashboard/ocop/review_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        return offices.scope_products(Product.objects.browsable_dashboard(), self.request.user).prefetch_related(
            "stockrecords__partner", "images", "categories", "attribute_values__attribute"
        )

    def get_object(self, queryset=None):
        product = super().get_object(queryset)
        # The version the forms carry is read first and everything shown after it: a change in between
        # makes the page show more than the version, so a decision on it is refused, never approved unseen.
        self.seen_token = review_version.token(product)
        return self.get_queryset().get(pk=product.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        user = self.request.user
        today = timezone.localdate()
        changes = kwargs.get("changes") or []
        changed = {change.key for change in changes}
        certificates = list(product.ocop_certificates.order_by("-decision_date", "pk"))
        for certificate in certificates:
            certificate.problems = workflow.certificate_problems(certificate, today)
            certificate.changed = f"certificate-{certificate.pk}" in changed
        actions = workflow.available_actions(product, user)
        decisions = []
        for transition in actions:
            problems = (
                workflow.approval_problems(product, transition.action, today, certificates)
                if transition.action in workflow.BOUND_TO_VERSION
                else []
            )
            decisions.append(
                {
                    "transition": transition,
                    "blocked": workflow.refusal_message(transition.action, problems) if problems else "",
                }
            )
        context.update(
            {
                "producer": product.producer,
                "certificates": certificates,
                "history": product.review_log.select_related("actor", "on_behalf_of", "certificate"),
                "actions": actions,
                "decisions": decisions,
                "may_review": workflow.is_reviewer(user) and not workflow.belongs_to(user, product.producer),
                "action_form": kwargs.get("action_form") or ReviewActionForm(),
                "seen_token": self.seen_token,
                "changes": changes,
                "changed": changed,
                "changed_labels": ", ".join(change.label for change in changes),
                "today": today,
                "keep_on_sale_default": rules.add_months(today, rules.KEPT_ON_SALE_MAX_MONTHS),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        self.object = product = self.get_object()
        form = ReviewActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Chưa thực hiện được: xem lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(action_form=form), status=400)
        data = form.cleaned_data
        seen = data["seen"]
        try:
            if data["action"] in CERTIFICATE_ACTIONS:
                certificate = get_object_or_404(OcopCertificate, pk=data["certificate"], product=product)
                getattr(self, f"action_{data['action']}")(certificate, form)
            else:
                workflow.transition(product, data["action"], request.user, data["reason"], seen=seen)
        except workflow.ProductChangedSinceShown as refusal:
            messages.error(request, str(refusal))
            self.object = self.get_object()  # the current version, the changes highlighted
            return self.render_to_response(self.get_context_data(changes=refusal.changes), status=409)
        except workflow.TransitionRefused as refusal:
            messages.error(request, str(refusal))
            return self.render_to_response(self.get_context_data(action_form=form), status=403)
        messages.success(request, _("Đã lưu quyết định và báo cho chủ thể."))
        return redirect("dashboard:ocop-review-detail", pk=product.pk)

    # --- Decisions on one certificate (CERTIFICATE_ACTIONS), by name ----------------------------

    def action_approve_certificate(self, certificate, form):
        data = form.cleaned_data
        workflow.approve_certificate(certificate, self.request.user, data["reason"], seen=data["seen"])

    def action_reject_certificate(self, certificate, form):
        data = form.cleaned_data
        workflow.reject_certificate(certificate, self.request.user, data["reason"], seen=data["seen"])

    def action_revoke_certificate(self, certificate, form):
        # Revoking takes the mark off whatever the producer changed: not bound to the version.
        workflow.revoke_certificate(
            certificate, self.request.user, form.cleaned_data["reason"], form.keep_on_sale_end()
        )
