"""Forms of the administrators' pages about products without a valid certificate: the decisions on one
product (keep on sale until a date, end the decision, suspend) and a revocation decision naming many
certificates."""
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.ocop import revocations, rules, workflow
from shop.core import addresses
from shop.dashboard.ocop.forms import DATE_INPUT_FORMATS

STOP_SELLING, KEEP_ON_SALE = "stop", "keep"


def _date_field(label, required=True):
    return forms.DateField(
        label=label, required=required, input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Chọn ngày."),
                        "invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).")})


def _clean_until(form, field="until"):
    until = form.cleaned_data.get(field)
    if until is not None:
        try:
            workflow.check_keep_on_sale_until(until)
        except workflow.TransitionRefused as refusal:
            raise forms.ValidationError(str(refusal))
    return until


class ReasonForm(forms.Form):
    """End a decision to keep a product on sale, or suspend the product: a reason for the producer."""

    reason = forms.CharField(label=_("Lý do (gửi cho chủ thể)"), max_length=2000,
                             error_messages={"required": _("Hãy nêu lý do.")})


class KeepOnSaleForm(ReasonForm):
    """Keep a product on sale without a valid certificate (or extend the decision) until a date."""

    until = _date_field(_("Vẫn bán đến ngày"))

    def clean_until(self):
        return _clean_until(self)


class RevocationFilterForm(forms.Form):
    """Narrows the list of certificates to tick (GET)."""

    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố của chủ thể"), required=False, coerce=int,
                                      empty_value=None, choices=[("", _("Tất cả"))] + addresses.province_choices())
    issuer = forms.CharField(label=_("Cơ quan công nhận"), required=False, max_length=255)

    def certificates(self):
        certificates = revocations.revocable().prefetch_related("product__stockrecords__partner")
        if self.is_valid():
            if self.cleaned_data["province"]:
                certificates = certificates.filter(
                    product__stockrecords__partner__province_code=self.cleaned_data["province"])
            if self.cleaned_data["issuer"]:
                certificates = certificates.filter(issuer__icontains=self.cleaned_data["issuer"])
        return certificates.distinct().order_by("issuer", "decision_number", "product__upc")


class CertificateIdsField(forms.TypedMultipleChoiceField):
    """Ticked certificate ids. Any id is accepted here, the ticks of the confirmation step included:
    ``revocations.find`` says which name nothing revocable."""

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value):
        return True


class RevocationForm(forms.Form):
    """A revocation decision: its number and date, one reason, the certificates it names (pasted
    decision numbers and/or ticked), and what becomes of their products."""

    decision_number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=64,
                                      error_messages={"required": _("Nhập số quyết định thu hồi.")})
    decision_date = _date_field(_("Ngày quyết định thu hồi"))
    reason = forms.CharField(label=_("Lý do thu hồi (một lý do cho cả danh sách)"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Hãy nêu lý do thu hồi.")})
    numbers = forms.CharField(
        label=_("Số quyết định công nhận của các giấy chứng nhận bị thu hồi, mỗi dòng một số"), required=False,
        max_length=20000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Một quyết định công nhận nhiều sản phẩm: ghi thêm mã sản phẩm sau dấu chấm phẩy, "
                    "ví dụ “2034/QĐ-UBND; LC-040”."))
    certificates = CertificateIdsField(label=_("Hoặc tích chọn trong danh sách"), required=False, coerce=int)
    products = forms.ChoiceField(
        label=_("Sản phẩm không còn giấy chứng nhận nào khác còn hiệu lực"), widget=forms.RadioSelect,
        choices=[(STOP_SELLING, _("Ngừng bán")),
                 (KEEP_ON_SALE, _("Vẫn bán như sản phẩm địa phương (không dấu OCOP) đến ngày dưới đây"))],
        error_messages={"required": _("Chọn sản phẩm ngừng bán hay vẫn bán.")})
    until = _date_field(_("Vẫn bán đến ngày"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookup = None  # revocations.Lookup once the certificates named are known

    def clean_decision_date(self):
        day = self.cleaned_data["decision_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày quyết định thu hồi không được sau hôm nay."))
        return day

    def clean_until(self):
        return _clean_until(self)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("products") == KEEP_ON_SALE and not cleaned.get("until") and "until" not in self.errors:
            self.add_error("until", _("Chọn ngày kết thúc của quyết định vẫn bán (tối đa %(months)s tháng).")
                           % {"months": rules.KEPT_ON_SALE_MAX_MONTHS})
        lines = revocations.parse_lines(cleaned.get("numbers", ""))
        ids = cleaned.get("certificates") or []
        if "numbers" in cleaned and "certificates" in cleaned:
            if not lines and not ids:
                self.add_error("numbers",
                               _("Nhập ít nhất một số quyết định công nhận, hoặc tích chọn giấy chứng nhận."))
            else:
                self.lookup = revocations.find(lines, ids)
                for error in self.lookup.errors:
                    self.add_error(None, error)
        return cleaned

    def keep_on_sale_until(self):
        """The end date of the decision keeping the products on sale, or None (they stop selling)."""
        return self.cleaned_data["until"] if self.cleaned_data["products"] == KEEP_ON_SALE else None

