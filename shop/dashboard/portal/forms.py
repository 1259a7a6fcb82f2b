"""Forms of the portal's product pages: one simple product form, image uploads, quick price/stock edit."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_class, get_model

from catalogue.ocop import editing
from catalogue.programme import taxonomy
from shop.core.uploads import validate_product_image

StockRecord = get_model("partner", "StockRecord")
# Oscar's product form (our fork): its attribute machinery builds the product class's attribute fields.
DashboardProductForm = get_class("dashboard.catalogue.forms", "ProductForm")

IMAGE_ACCEPT = ".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp"
MAX_PRICE = 10_000_000_000  # fits StockRecord.price (12 digits, 2 decimals)

PRICE_ERRORS = {
    "required": gettext_lazy("Hãy nhập giá bán."),
    "invalid": gettext_lazy("Giá bán là số đồng, không có phần lẻ (ví dụ 120000)."),
    "min_value": gettext_lazy("Giá bán phải lớn hơn 0 đồng."),
    "max_value": gettext_lazy("Giá bán quá lớn."),
}
STOCK_ERRORS = {
    "required": gettext_lazy("Hãy nhập số lượng còn trong kho (0 nếu đã hết)."),
    "invalid": gettext_lazy("Số lượng là số nguyên (ví dụ 25)."),
    "min_value": gettext_lazy("Số lượng không thể âm."),
    "max_value": gettext_lazy("Số lượng quá lớn."),
}


def price_field(**kwargs):
    return forms.IntegerField(
        label=gettext_lazy("Giá bán (đồng)"),  # at import: lazy, or the label stays Vietnamese
        min_value=1,
        max_value=MAX_PRICE,
        error_messages=PRICE_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1, "min": 1}),
        **kwargs,
    )


def stock_field(**kwargs):
    return forms.IntegerField(
        label=gettext_lazy("Số lượng trong kho"),
        min_value=0,
        max_value=1_000_000,
        error_messages=STOCK_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1, "min": 0}),
        **kwargs,
    )


def subgroup_choices():
    """Sub-groups grouped under their group, so the list reads well without JavaScript."""
    return [("", "---------")] + [
        (f"{group.number}. {group.name}", [(key, name) for key, name, _name_en in group.subgroups])
        for group in taxonomy.GROUPS_148
    ]


class PortalProductForm(DashboardProductForm):
    """Title, description (plain text), OCOP group and sub-group, the product class's attributes,
    weight, price and stock. Built with ``PortalProductForm(product_class, data, instance=…,
    stockrecord=…)`` like Oscar's form."""

    price = price_field()
    num_in_stock = stock_field()

    class Meta(DashboardProductForm.Meta):
        fields = ["title", "title_en", "description", "description_en", "ocop_group", "ocop_subgroup", "weight_grams"]
        widgets = {}
        labels = {
            "title": gettext_lazy("Tên sản phẩm"),
            "title_en": gettext_lazy("Tên tiếng Anh"),
            "description": gettext_lazy("Mô tả sản phẩm"),
            "description_en": gettext_lazy("Mô tả tiếng Anh"),
            "ocop_group": gettext_lazy("Nhóm sản phẩm OCOP"),
            "ocop_subgroup": gettext_lazy("Phân nhóm"),
            "weight_grams": gettext_lazy("Khối lượng khi gửi hàng (gam)"),
        }
        help_texts = {
            "description": gettext_lazy(
                "Viết như nói với khách: sản phẩm là gì, làm ở đâu, dùng thế nào, "
                "hạn sử dụng. Để một dòng trống giữa các đoạn."
            ),
            "weight_grams": gettext_lazy("Cả bao bì, để tính phí gửi hàng. Ví dụ 500 cho nửa cân."),
            "title_en": gettext_lazy(
                "Không bắt buộc. Khách xem trang tiếng Anh thấy tên này; để trống thì thấy tên tiếng Việt."
            ),
            "description_en": gettext_lazy("Không bắt buộc. Để trống thì trang tiếng Anh hiện mô tả tiếng Việt."),
        }
        error_messages = {
            "title": {"required": gettext_lazy("Hãy nhập tên sản phẩm.")},
            "ocop_group": {"required": gettext_lazy("Hãy chọn nhóm sản phẩm.")},
            "ocop_subgroup": {"required": gettext_lazy("Hãy chọn phân nhóm.")},
            "weight_grams": {"invalid": gettext_lazy("Khối lượng là số gam, không có phần lẻ.")},
        }

    def __init__(self, product_class, *args, stockrecord=None, **kwargs):
        instance = kwargs.get("instance")
        initial = kwargs.setdefault("initial", {})
        if stockrecord is not None:
            initial.setdefault("price", int(stockrecord.price) if stockrecord.price is not None else None)
            initial.setdefault("num_in_stock", stockrecord.num_in_stock)
        if instance is not None and instance.pk:
            initial.setdefault("description", editing.html_to_text(instance.description))
            initial.setdefault("description_en", editing.html_to_text(instance.description_en))
        super().__init__(product_class, *args, **kwargs)
        self.product_class = product_class
        self.stockrecord = stockrecord
        title = self.fields["title"]
        title.required = True  # Oscar's model allows a blank title (for variants); a product needs one
        title.error_messages["required"] = _("Hãy nhập tên sản phẩm.")
        description = self.fields["description"]
        description.widget = forms.Textarea(attrs={"rows": 6})
        description.required = True
        description.error_messages["required"] = _("Hãy viết vài dòng giới thiệu sản phẩm.")
        self.fields["description_en"].widget = forms.Textarea(attrs={"rows": 4, "lang": "en"})  # English content
        for name in ("ocop_group", "ocop_subgroup"):
            self.fields[name].required = True
        self.fields["ocop_subgroup"].choices = subgroup_choices()
        weight = self.fields["weight_grams"]
        weight.required = bool(product_class.requires_shipping)
        weight.validators.append(MinValueValidator(1))
        weight.widget.attrs.update({"min": 1, "inputmode": "numeric"})
        weight.error_messages["required"] = _("Hàng gửi đi cần khối lượng (gam) để tính phí vận chuyển.")
        weight.error_messages["min_value"] = _("Khối lượng phải lớn hơn 0 gam.")
        if not product_class.requires_shipping:
            del self.fields["weight_grams"]
        # Field order: what a producer fills first, then the class's attributes, then price and stock.
        order = ["title", "title_en", "description", "description_en", "ocop_group", "ocop_subgroup"]
        attributes = [name for name in self.fields if name.startswith("attr_")]
        self.order_fields(order + attributes + ["weight_grams", "price", "num_in_stock"])

    @property
    def takes_off_sale(self):
        """Whether saving content changes takes the product off sale (the page warns first)."""
        return self.instance.pk is not None and editing.content_change_takes_off_sale(self.instance)

    def clean_description(self):
        """Plain text in, safe paragraphs stored; an unchanged text keeps the stored markup as it is."""
        text = self.cleaned_data["description"]
        stored = self.instance.description if self.instance.pk else ""
        if self.instance.pk and editing.html_to_text(stored) == editing.html_to_text(editing.text_to_html(text)):
            return stored
        return editing.text_to_html(text)

    def clean_description_en(self):
        """Plain text in, safe paragraphs stored, like the Vietnamese description."""
        text = self.cleaned_data["description_en"]
        stored = self.instance.description_en if self.instance.pk else ""
        if self.instance.pk and editing.html_to_text(stored) == editing.html_to_text(editing.text_to_html(text)):
            return stored
        return editing.text_to_html(text) if text.strip() else ""

    def clean_ocop_group(self):
        group = self.cleaned_data["ocop_group"]
        is_service = group in taxonomy.SERVICE_GROUPS
        if group and is_service == bool(self.product_class.requires_shipping):
            # The product class (goods with shipping / service without) follows the group.
            if self.instance.pk:
                raise ValidationError(
                    _("Không thể chuyển giữa hàng hoá và dịch vụ du lịch: hãy tạo sản phẩm mới."), code="kind_changed"
                )
            raise ValidationError(_("Nhóm sản phẩm không khớp loại sản phẩm: hãy chọn lại."), code="kind_mismatch")
        return group

    def clean(self):
        cleaned = super().clean()
        group, subgroup = cleaned.get("ocop_group"), cleaned.get("ocop_subgroup")
        if group and subgroup and subgroup not in taxonomy.group(group).subgroup_keys():
            self.add_error("ocop_subgroup", _("Phân nhóm không thuộc nhóm sản phẩm đã chọn."))
        return cleaned


# --- Images ---------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files from one ``<input type=file multiple>`` (Django's documented pattern), each
    checked by content and size; errors name the file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": IMAGE_ACCEPT, "multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        uploads = [super(MultipleImageField, self).clean(upload, initial) for upload in uploads]
        if not uploads and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > editing.MAX_IMAGES_PER_UPLOAD:
            raise ValidationError(
                _("Mỗi lần tải lên tối đa %(limit)s ảnh.") % {"limit": editing.MAX_IMAGES_PER_UPLOAD},
                code="too_many_files",
            )
        errors = []
        for upload in uploads:
            try:
                validate_product_image(upload)
            except ValidationError as error:
                errors.extend(
                    ValidationError(f"{upload.name}: {message}", code=error.code) for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return uploads


class ImageUploadForm(forms.Form):
    images = MultipleImageField(
        label=gettext_lazy("Chọn ảnh (có thể chọn nhiều ảnh một lúc)"),
        help_text=gettext_lazy("Ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa 10 MB."),
        error_messages={"required": gettext_lazy("Hãy chọn ít nhất một ảnh.")},
    )


# --- Quick edit of prices and stock --------------------------------------------------------------


class StockPriceForm(forms.ModelForm):
    """One row of the quick-edit table: one of the producer's stock records."""

    price = price_field()
    num_in_stock = stock_field()

    class Meta:
        model = StockRecord
        fields = ["price", "num_in_stock"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.price is not None:
            self.initial["price"] = int(self.instance.price)

    def clean_num_in_stock(self):
        stock = self.cleaned_data["num_in_stock"]
        allocated = self.instance.num_allocated or 0
        if stock < allocated and stock != self.instance.num_in_stock:
            raise ValidationError(
                _("Đang có %(count)s sản phẩm khách đã đặt chưa gửi: số lượng trong kho không thể ít hơn.")
                % {"count": allocated},
                code="below_allocated",
            )
        return stock


StockPriceFormSet = forms.modelformset_factory(StockRecord, form=StockPriceForm, extra=0, can_delete=False)
