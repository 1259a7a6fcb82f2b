"""The producer's products in the portal: list, create/edit, images, quick price and stock edit.

Views are thin: every change goes through ``catalogue.ocop.editing`` (which applies the rule that
content changes of a product on sale send it back to review). Every queryset is narrowed to
``self.producer``; another producer's product is a 404.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from catalogue.ocop import editing
from catalogue.programme import rules
from catalogue.programme.review import ReviewStatus
from shop.dashboard.portal.forms import ImageUploadForm, PortalProductForm, StockPriceFormSet
from shop.dashboard.portal.mixins import PortalMixin

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")


class ProductFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Tìm theo tên"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái duyệt"),
        required=False,
        choices=[("", gettext_lazy("Tất cả"))] + list(ReviewStatus.choices),
    )


class ProductRow:
    """What the list shows of one product: its stock record and certificate badge."""

    def __init__(self, product, today):
        self.product = product
        records = list(product.stockrecords.all())
        self.stockrecord = records[0] if records else None
        certificates = list(product.ocop_certificates.all())
        self.certificate = product.current_certificate(today)
        self.pending_certificate = any(c.review == OcopCertificate.Review.PENDING for c in certificates)
        latest = max(certificates, key=lambda c: c.expires_on, default=None)
        self.expires_on = latest.expires_on if latest else None
        self.expired = latest is not None and (latest.revoked_at is not None or today > latest.expires_on)
        self.expiring = not self.expired and latest is not None and rules.is_expiring(latest.expires_on, today)


class ProductListView(PortalMixin, ListView):
    """The producer's own products with price, stock, review status and OCOP certificate."""

    template_name = "oscar/dashboard/portal/products.html"
    context_object_name = "products"
    paginate_by = 20

    def get_queryset(self):
        self.form = ProductFilterForm(self.request.GET)
        products = (
            editing.producer_products(self.producer)
            .prefetch_related(
                Prefetch("stockrecords", queryset=StockRecord.objects.filter(partner=self.producer).order_by("pk")),
                "images",
                "ocop_certificates",
            )
            .order_by("title", "pk")
        )
        if self.form.is_valid():
            if self.form.cleaned_data["q"]:
                products = products.filter(title__icontains=self.form.cleaned_data["q"])
            if self.form.cleaned_data["status"]:
                products = products.filter(review_status=self.form.cleaned_data["status"])
        return products

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["rows"] = [ProductRow(product, today) for product in context["products"]]
        context["form"] = self.form
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        return context


class ProducerProductMixin(PortalMixin):
    """A product of ``self.producer`` from the URL's pk; any other product is a 404."""

    @cached_property
    def product(self):
        return get_object_or_404(editing.producer_products(self.producer), pk=self.kwargs["pk"])


class ProductFormView(PortalMixin, TemplateView):
    """Create (no pk) or edit one product with its price and stock."""

    template_name = "oscar/dashboard/portal/product_form.html"

    @cached_property
    def product(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(editing.producer_products(self.producer), pk=self.kwargs["pk"])

    def product_class(self):
        if self.product is not None:
            return self.product.get_product_class()
        group = self.request.POST.get("ocop_group") or self.request.GET.get("group") or ""
        return editing.product_class_for_group(group)

    def get_form(self):
        product = self.product
        kwargs = {}
        if product is not None:
            kwargs["instance"] = product
            kwargs["stockrecord"] = editing.stockrecord_of(product, self.producer)
        elif self.request.GET.get("group"):
            kwargs["initial"] = {"ocop_group": self.request.GET["group"]}
        data = self.request.POST if self.request.method == "POST" else None
        return PortalProductForm(self.product_class(), data=data, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or self.get_form()
        context["product"] = self.product
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được: xem các ô báo lỗi bên dưới."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        creating = self.product is None
        product, outcome = editing.save_product(
            form,
            self.producer,
            request.user,
            price=form.cleaned_data["price"],
            num_in_stock=form.cleaned_data["num_in_stock"],
        )
        if creating:
            messages.success(
                request,
                _("Đã tạo bản nháp “%(title)s”. Bước tiếp: thêm ảnh, rồi thêm giấy chứng nhận OCOP và gửi duyệt.")
                % {"title": product.title},
            )
            return redirect("dashboard:portal-product-images", pk=product.pk)
        if outcome == editing.SENT_BACK:
            messages.warning(
                request, _("Đã lưu. Vì nội dung thay đổi, sản phẩm tạm ngừng bán và đã được gửi cán bộ duyệt lại.")
            )
        elif outcome == editing.WITHDRAWN:
            messages.warning(
                request, _("Đã lưu. Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn sửa nội dung; hãy gửi duyệt lại.")
            )
        else:
            messages.success(request, _("Đã lưu thay đổi."))
        return redirect("dashboard:portal-products")


class ProductImagesView(ProducerProductMixin, TemplateView):
    """Upload several images at once, reorder them, delete them."""

    template_name = "oscar/dashboard/portal/product_images.html"
    # POST "action" on one image → method; a form without one uploads images.
    image_actions = {"up": "action_up", "down": "action_down", "delete": "action_delete"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "product": self.product,
                "images": list(self.product.images.order_by("display_order", "pk")),
                "form": kwargs.get("form") or ImageUploadForm(),
                "takes_off_sale": editing.content_change_takes_off_sale(self.product),
                "max_images": editing.MAX_IMAGES,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        product = self.product
        action = request.POST.get("action")
        if action in self.image_actions:
            try:
                image_id = int(request.POST.get("image", ""))
            except ValueError:
                return HttpResponseBadRequest()
            image = get_object_or_404(product.images, pk=image_id)
            getattr(self, self.image_actions[action])(request, product, image)
            return redirect("dashboard:portal-product-images", pk=product.pk)
        form = ImageUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                images, outcome = editing.add_images(product, self.producer, request.user, form.cleaned_data["images"])
            except ValidationError as error:
                form.add_error("images", error)
            else:
                self._report(request, _("Đã thêm %(count)s ảnh.") % {"count": len(images)}, outcome)
                return redirect("dashboard:portal-product-images", pk=product.pk)
        messages.error(request, _("Chưa tải ảnh lên được: xem lỗi bên dưới."))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def action_up(self, request, product, image):
        editing.move_image(product, self.producer, request.user, image.pk, -1)
        messages.success(request, _("Đã đổi thứ tự ảnh."))

    def action_down(self, request, product, image):
        editing.move_image(product, self.producer, request.user, image.pk, 1)
        messages.success(request, _("Đã đổi thứ tự ảnh."))

    def action_delete(self, request, product, image):
        outcome = editing.delete_image(product, self.producer, request.user, image.pk)
        self._report(request, _("Đã xoá ảnh."), outcome)

    @staticmethod
    def _report(request, done, outcome):
        if outcome == editing.SENT_BACK:
            messages.warning(request, done + " " + _("Sản phẩm tạm ngừng bán và đã được gửi cán bộ duyệt lại."))
        elif outcome == editing.WITHDRAWN:
            messages.warning(
                request, done + " " + _("Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn sửa ảnh; hãy gửi duyệt lại.")
            )
        else:
            messages.success(request, done)


class StockPricesView(PortalMixin, TemplateView):
    """Price and stock of all the producer's products on one page; never sends a product to review."""

    template_name = "oscar/dashboard/portal/stock_prices.html"

    def records(self):
        return (
            StockRecord.objects.filter(partner=self.producer).select_related("product").order_by("product__title", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["formset"] = kwargs.get("formset") or StockPriceFormSet(queryset=self.records())
        return context

    def post(self, request, *args, **kwargs):
        records = self.records()
        own = {str(pk) for pk in records.values_list("pk", flat=True)}
        posted = [value for name, value in request.POST.items() if name.startswith("form-") and name.endswith("-id")]
        if any(value not in own for value in posted):
            raise Http404(_("Không tìm thấy sản phẩm."))  # another producer's row: as if it did not exist
        formset = StockPriceFormSet(request.POST, queryset=records)
        if not formset.is_valid():
            messages.error(request, _("Chưa lưu gì: sửa các ô báo lỗi rồi lưu lại."))
            return self.render_to_response(self.get_context_data(formset=formset), status=400)
        if formset.total_form_count() > formset.initial_form_count():
            return HttpResponseBadRequest(_("Chỉ sửa được các sản phẩm đã có."))
        rows = {
            form.instance.pk: (form.cleaned_data["price"], form.cleaned_data["num_in_stock"])
            for form in formset.initial_forms
        }
        changed = editing.update_stock_prices(self.producer, request.user, rows)
        messages.success(request, _("Đã lưu giá và số lượng của %(count)s sản phẩm.") % {"count": len(changed)})
        return redirect(reverse("dashboard:portal-stock-prices"))
