"""Forms for OCOP data entered by producers and administrators."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

OcopCertificate = get_model("catalogue", "OcopCertificate")

# The file picker offers only these kinds (iPhones then convert HEIC photos to
# JPEG); the content is checked anyway (shop.core.uploads.validate_document_scan).
SCAN_ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"


class DateInput(forms.DateInput):
    """The browser's date picker; it sends and expects ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CertificateForm(forms.ModelForm):
    """A certificate of one product: the rules are the model's (OcopCertificate.clean →
    rules.certificate_errors), the scan is checked by content (shop.core.uploads).

    Pass ``product=`` for a new certificate; the scan is required for it.
    """

    class Meta:
        model = OcopCertificate
        fields = [
            "star_rating",
            "score",
            "decision_number",
            "decision_date",
            "issuer",
            "issuer_level",
            "taxonomy_version",
            "legacy_group",
            "expires_on",
            "address_on_document",
            "scan",
        ]
        widgets = {
            "decision_date": DateInput(),
            "expires_on": DateInput(),
            "score": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "scan": forms.ClearableFileInput(attrs={"accept": SCAN_ACCEPT}),
        }
        help_texts = {
            "score": gettext_lazy("Điểm đánh giá trên thang 100, nếu có ghi trên quyết định."),
            "decision_number": gettext_lazy("Ví dụ 1755/QĐ-UBND."),
            "expires_on": gettext_lazy("Để trống nếu giấy không ghi: hiệu lực 36 tháng kể từ ngày quyết định."),
            "scan": gettext_lazy("Tệp PDF hoặc ảnh JPEG, PNG, WebP, tối đa 10 MB."),
        }
        error_messages = {
            "star_rating": {"invalid_choice": gettext_lazy("Chỉ sản phẩm 3, 4 hoặc 5 sao là sản phẩm OCOP.")},
            "scan": {"required": gettext_lazy("Hãy tải lên bản chụp giấy chứng nhận (PDF hoặc ảnh).")},
        }

    def __init__(self, *args, product=None, **kwargs):
        super().__init__(*args, **kwargs)
        if product is not None:
            self.instance.product = product
        self.fields["expires_on"].required = False
        self.fields["decision_date"].widget.attrs["max"] = timezone.localdate().isoformat()
        # A new certificate needs its scan; an existing scan may be replaced, not removed.
        self.fields["scan"].required = self.instance._state.adding or bool(self.instance.scan)

    def clean_decision_number(self):
        number = self.cleaned_data["decision_number"]
        product_id = self.instance.product_id
        if product_id and (
            OcopCertificate.objects.filter(product_id=product_id, decision_number=number)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise ValidationError(
                _("Sản phẩm này đã có giấy chứng nhận số %(number)s.") % {"number": number}, code="duplicate"
            )
        return number

    def add_error(self, field, error):
        """The model's clean re-checks every rule on the instance, where a value the
        form refused is missing (a star rating of 2 arrives as None): keep the form's
        own message for such fields instead of a second one."""
        if field is None and hasattr(error, "error_dict"):
            remaining = {
                name: errors
                for name, errors in error.error_dict.items()
                if name == NON_FIELD_ERRORS or name not in self._errors
            }
            if not remaining:
                return
            error = ValidationError(remaining)
        super().add_error(field, error)
