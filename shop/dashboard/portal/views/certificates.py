"""A producer's products on the OCOP side ("my OCOP products"): their review status, one product's
certificates (adding one goes through ``catalogue.ocop.editing.add_certificate``), its submission for
review and the decisions so far; and a certificate's scan, streamed to those who may see it
(``catalogue.ocop.editing.may_view_scan``): reviewers and the producer's own team. The scan has no public URL.

These pages keep their ``/dashboard/ocop/…`` paths and ``dashboard:ocop-…`` names
(``PortalDashboardConfig.get_urls``).
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View
from oscar.core.loading import get_model

from catalogue.ocop import editing, workflow
from catalogue.ocop.forms import CertificateForm
from catalogue.programme import scans
from shop.core.csp import embeddable_by_own_pages
from shop.partner import access

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


def products_managed_by(user):
    """Products of the producers the user works for, as member or named assistant (never all of them
    just for being staff), and may view (``access.manageable_producers``: not pending or rejected ones)."""
    return (
        Product.objects.browsable_dashboard()
        .filter(stockrecords__partner__in=access.manageable_producers(user))
        .distinct()
    )


class ProducerProductListView(ListView):
    """A producer's products with their OCOP review status."""

    template_name = "oscar/dashboard/ocop/my_products.html"
    context_object_name = "products"
    paginate_by = 50

    def get_queryset(self):
        return (
            products_managed_by(self.request.user)
            .prefetch_related("ocop_certificates", "stockrecords__partner")
            .order_by("review_status", "title")
        )


class ProducerProductOcopView(DetailView):
    """One product's OCOP side for its producer: certificates (add one with its scan),
    submission for review, and the decisions so far."""

    template_name = "oscar/dashboard/ocop/product_ocop.html"
    context_object_name = "product"
    # POST "action" → method; a form without one adds a certificate.
    actions = {"submit": "action_submit", "add_certificate": "action_add_certificate"}

    def get_queryset(self):
        return products_managed_by(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        context.update(
            {
                "certificates": product.ocop_certificates.all(),
                "history": product.review_log.select_related("actor", "on_behalf_of", "certificate"),
                "certificate_form": kwargs.get("certificate_form") or CertificateForm(product=product),
                "can_submit": any(t.action == "submit" for t in workflow.available_actions(product, self.request.user)),
                "today": timezone.localdate(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        self.object = product = self.get_object()
        if access.capacity(request.user, product.producer, access.SELL) is None:
            # A suspended producer's people see the product but change nothing of it (shop.partner.access).
            messages.error(request, access.refusal(product.producer, access.SELL))
            return self.render_to_response(self.get_context_data(), status=403)
        return getattr(self, self.actions.get(request.POST.get("action"), "action_add_certificate"))(product)

    # --- Actions ----------------------------------------------------------------------------

    def action_submit(self, product):
        try:
            workflow.submit(product, self.request.user)
        except workflow.TransitionRefused as refusal:
            messages.error(self.request, str(refusal))
            return self.render_to_response(self.get_context_data(), status=403)
        messages.success(self.request, _("Đã gửi sản phẩm cho cán bộ duyệt."))
        return redirect("dashboard:ocop-product", pk=product.pk)

    def action_add_certificate(self, product):
        """The certificate is saved by ``catalogue.ocop.editing.add_certificate``, like every product change."""
        form = CertificateForm(self.request.POST, self.request.FILES, product=product)
        if not form.is_valid():
            messages.error(self.request, _("Chưa lưu được giấy chứng nhận: xem lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(certificate_form=form), status=400)
        _certificate, outcome = editing.add_certificate(product, product.producer, self.request.user, form)
        if outcome == editing.WITHDRAWN:
            messages.warning(
                self.request,
                _(
                    "Đã lưu giấy chứng nhận. Sản phẩm đã được rút khỏi hàng chờ duyệt vì "
                    "bạn thêm giấy chứng nhận; hãy gửi duyệt lại."
                ),
            )
        else:
            messages.success(self.request, _("Đã lưu giấy chứng nhận; giấy mới sẽ được cán bộ duyệt."))
        return redirect("dashboard:ocop-product", pk=product.pk)


class CertificateScanView(View):
    """One certificate's scan: 404 for anyone who may not see it."""

    def get(self, request, pk):
        certificate = get_object_or_404(OcopCertificate.objects.select_related("product"), pk=pk)
        # 404, not 403, for anyone else: guessing ids must not tell which certificates exist.
        if not editing.may_view_scan(request.user, certificate) or not certificate.scan:
            raise Http404(_("Không tìm thấy bản chụp giấy chứng nhận."))
        try:
            stored = certificate.scan.open("rb")
        except FileNotFoundError:
            raise Http404(_("Không tìm thấy bản chụp giấy chứng nhận."))
        extension = scans.sniff_extension(stored)
        response = FileResponse(stored, content_type=scans.CONTENT_TYPES.get(extension, scans.UNKNOWN_CONTENT_TYPE))
        response["Content-Disposition"] = 'inline; filename="%s"' % scans.download_name(
            certificate, extension or ".bin"
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return embeddable_by_own_pages(response)  # the review page shows the scan inline
