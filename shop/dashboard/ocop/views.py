import datetime

from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from catalogue.models import ReviewStatus
from catalogue.ocop import editing, review_version, rules, workflow
from catalogue.ocop.forms import CertificateForm
from shop.partner import access, verification
from shop.dashboard.ocop.review_forms import (
    CERTIFICATE_ACTIONS, QUEUE, ReviewActionForm, ReviewQueueFilterForm,
)

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
OcopCertificate = get_model("catalogue", "OcopCertificate")


class ReviewQueueView(ListView):
    """Products waiting for review (and new certificates of products on sale), filterable."""

    template_name = "oscar/dashboard/ocop/review_queue.html"
    context_object_name = "products"
    paginate_by = 25

    def get_queryset(self):
        self.form = ReviewQueueFilterForm(self.request.GET or {"status": QUEUE})
        pending_certificate = OcopCertificate.objects.filter(
            product=OuterRef("pk"), review=OcopCertificate.Review.PENDING)
        products = (Product.objects.browsable_dashboard()
                    .annotate(has_pending_certificate=Exists(pending_certificate))
                    .prefetch_related("stockrecords__partner", "ocop_certificates")
                    .order_by("submitted_at", "id"))
        if not self.form.is_valid():
            return products.none()
        data = self.form.cleaned_data
        if data["status"] == QUEUE:
            # New submissions, and new certificates of products already on sale (re-certification).
            products = products.filter(Q(review_status=ReviewStatus.SUBMITTED)
                                       | Q(review_status=ReviewStatus.APPROVED, has_pending_certificate=True))
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
        return Product.objects.browsable_dashboard().prefetch_related(
            "stockrecords__partner", "images", "categories", "attribute_values__attribute")

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
            problems = (workflow.approval_problems(product, transition.action, today, certificates)
                        if transition.action in workflow.BOUND_TO_VERSION else [])
            decisions.append({"transition": transition,
                              "blocked": workflow.refusal_message(transition.action, problems) if problems else ""})
        context.update({
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
        })
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
                if data["action"] == "approve_certificate":
                    workflow.approve_certificate(certificate, request.user, data["reason"], seen=seen)
                elif data["action"] == "reject_certificate":
                    workflow.reject_certificate(certificate, request.user, data["reason"], seen=seen)
                else:  # revoking takes the mark off whatever the producer changed: not bound to the version
                    workflow.revoke_certificate(certificate, request.user, data["reason"],
                                                form.keep_on_sale_until())
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


def products_managed_by(user):
    """Products of the producers the user works for, as member or named assistant (never all of them
    just for being staff), and may view (``access.manageable_producers``: not pending or rejected ones)."""
    return (Product.objects.browsable_dashboard()
            .filter(stockrecords__partner__in=access.manageable_producers(user)).distinct())


class ProducerProductListView(ListView):
    """A producer's products with their OCOP review status."""

    template_name = "oscar/dashboard/ocop/my_products.html"
    context_object_name = "products"
    paginate_by = 50

    def get_queryset(self):
        return (products_managed_by(self.request.user)
                .prefetch_related("ocop_certificates", "stockrecords__partner")
                .order_by("review_status", "title"))


class ProducerProductOcopView(DetailView):
    """One product's OCOP side for its producer: certificates (add one with its scan),
    submission for review, and the decisions so far."""

    template_name = "oscar/dashboard/ocop/product_ocop.html"
    context_object_name = "product"

    def get_queryset(self):
        return products_managed_by(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        context.update({
            "certificates": product.ocop_certificates.all(),
            "history": product.review_log.select_related("actor", "on_behalf_of", "certificate"),
            "certificate_form": kwargs.get("certificate_form") or CertificateForm(product=product),
            "can_submit": any(t.action == "submit" for t in workflow.available_actions(product, self.request.user)),
            "today": timezone.localdate(),
        })
        return context

    def post(self, request, *args, **kwargs):
        self.object = product = self.get_object()
        if access.capacity(request.user, product.producer, access.SELL) is None:
            # A suspended producer's people see the product but change nothing of it (shop.partner.access).
            messages.error(request, access.refusal(product.producer, access.SELL))
            return self.render_to_response(self.get_context_data(), status=403)
        if request.POST.get("action") == "submit":
            try:
                workflow.submit(product, request.user)
            except workflow.TransitionRefused as refusal:
                messages.error(request, str(refusal))
                return self.render_to_response(self.get_context_data(), status=403)
            messages.success(request, _("Đã gửi sản phẩm cho cán bộ duyệt."))
            return redirect("dashboard:ocop-product", pk=product.pk)
        form = CertificateForm(request.POST, request.FILES, product=product)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được giấy chứng nhận: xem lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(certificate_form=form), status=400)
        _certificate, outcome = editing.add_certificate(product, product.producer, request.user, form)
        if outcome == editing.WITHDRAWN:
            messages.warning(request, _("Đã lưu giấy chứng nhận. Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn "
                                        "thêm giấy chứng nhận; hãy gửi duyệt lại."))
        else:
            messages.success(request, _("Đã lưu giấy chứng nhận; giấy mới sẽ được cán bộ duyệt."))
        return redirect("dashboard:ocop-product", pk=product.pk)


class ProducerVerificationView(ListView):
    """Producers with their verification status; reviewers verify, reject (pending applications, with a
    reason) or suspend them. Each row links to the application's detail (scan, consents)."""

    template_name = "oscar/dashboard/ocop/producers.html"
    context_object_name = "producers"
    paginate_by = 50

    def get_queryset(self):
        producers = Partner.objects.select_related("director").order_by("verification_status", "name")
        status = self.request.GET.get("status")
        if status in Partner.Verification.values:
            producers = producers.filter(verification_status=status)
        return producers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Partner.Verification.choices
        context["current_status"] = self.request.GET.get("status", "")
        return context

    def post(self, request, *args, **kwargs):
        producer = get_object_or_404(Partner, pk=request.POST.get("producer"))
        action = request.POST.get("action")
        try:
            if action == "verify":
                verification.verify_producer(producer, request.user, request.POST.get("reason", ""))
            elif action == "suspend":
                verification.suspend_producer(producer, request.user, request.POST.get("reason", ""))
            elif action == "reject":
                verification.reject_application(producer, request.user, request.POST.get("reason", ""))
            else:
                raise workflow.TransitionRefused(_("Thao tác không hợp lệ."))
        except workflow.TransitionRefused as refusal:
            messages.error(request, f"{producer.name}: {refusal}")
        else:
            messages.success(request, _("Đã lưu quyết định và báo cho chủ thể."))
        return redirect("dashboard:ocop-producers")
