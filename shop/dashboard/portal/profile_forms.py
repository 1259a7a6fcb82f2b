"""Forms of the producer's profile (one per section, ``shop.producers.profile``) and of its payout account
request (``shop.producers.payout``). Each section form is bound to a fresh copy of the producer, so a refused
form never changes the one the page shows."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from shop.core import addresses, banks
from shop.core.phones import national_phone
from shop.core.uploads import validate_product_image
from shop.dashboard.portal.forms import IMAGE_ACCEPT, MultipleImageField
from shop.partner.models import MAX_PREPARATION_DAYS
from shop.producers import onboarding, payout

Partner = get_model("partner", "Partner")
PayoutAccountChange = get_model("partner", "PayoutAccountChange")
ProducerPicture = get_model("partner", "ProducerPicture")

REQUIRED = gettext_lazy("Hãy điền mục này.")


class LegalForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["legal_name", "kind", "registration_number", "tax_code", "citizen_id", "representative"]
        error_messages = {
            "legal_name": {"required": REQUIRED},
            "registration_number": {"required": REQUIRED},
            "representative": {"required": REQUIRED},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("legal_name", "registration_number", "representative"):
            self.fields[name].required = True
        self.fields["kind"].choices = list(Partner.Kind.choices)

    def clean_registration_number(self):
        number = onboarding.normalise_registration_number(self.cleaned_data["registration_number"])
        if not number.replace("-", "").replace("/", "").isalnum() or len(number) < 5:
            raise ValidationError(_("Mã số chỉ gồm chữ số, chữ cái và dấu gạch (ít nhất 5 ký tự)."))
        if onboarding.registration_number_taken(number, exclude_pk=self.instance.pk):
            raise ValidationError(
                _("Mã số %(number)s đã được một chủ thể khác đăng ký trên sàn. Hãy liên hệ ban quản lý.")
                % {"number": number}
            )
        return number


class ContactForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}
        error_messages = {
            "phone": {"required": REQUIRED},
            "email": {"invalid": gettext_lazy("Email chưa đúng (ví dụ ten@gmail.com).")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].required = True

    def clean_phone(self):
        return national_phone(self.cleaned_data["phone"])


class AddressForm(forms.ModelForm):
    """The commune and street within the producer's province (the province itself is the office's to change)."""

    class Meta:
        model = Partner
        fields = ["ward_code", "street"]
        error_messages = {"street": {"required": REQUIRED}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward_code"] = forms.TypedChoiceField(
            label=gettext_lazy("Xã/phường"),
            coerce=int,
            choices=[("", _("— Chọn xã/phường —"))] + addresses.ward_choices(self.instance.province_code),
            error_messages={
                "required": REQUIRED,
                "invalid_choice": gettext_lazy("Chọn một xã/phường thuộc tỉnh/thành phố của cơ sở."),
            },
        )
        self.fields["street"].required = True
        self.fields["street"].label = _("Số nhà, thôn/bản, đường")


class StoryForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["story", "story_en"]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 6}),
            "story_en": forms.Textarea(attrs={"rows": 4, "lang": "en"}),
        }
        help_texts = {
            "story": gettext_lazy("Khách hàng đọc phần này trên trang cửa hàng của cơ sở."),
            "story_en": gettext_lazy("Không bắt buộc. Để trống thì trang tiếng Anh hiện phần tiếng Việt."),
        }

    def clean_story(self):
        story = self.cleaned_data["story"].strip()
        if len(story) < 20:
            raise ValidationError(_("Hãy viết ít nhất một câu giới thiệu cơ sở (từ 20 ký tự)."))
        return story


class DeliveryForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["preparation_days", "preferred_carrier"]
        help_texts = {
            "preparation_days": gettext_lazy("Số ngày từ khi khách đặt đến khi giao hàng cho đơn vị vận chuyển."),
            "preferred_carrier": gettext_lazy("Điền sẵn khi ghi nhận gửi hàng. Ví dụ: Bưu điện (VNPost)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = self.fields["preparation_days"]
        days.error_messages.update(
            {
                "required": REQUIRED,
                "invalid": _("Số ngày là số nguyên (ví dụ 2)."),
                "max_value": _("Tối đa %(limit)s ngày chuẩn bị hàng.") % {"limit": MAX_PREPARATION_DAYS},
                "min_value": _("Số ngày không thể âm."),
            }
        )


class LogoForm(forms.Form):
    logo = forms.FileField(
        label=gettext_lazy("Biểu trưng (logo)"),
        help_text=gettext_lazy("Ảnh JPEG, PNG hoặc WebP, tối đa 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
        error_messages={"required": gettext_lazy("Hãy chọn một ảnh.")},
    )

    def clean_logo(self):
        upload = self.cleaned_data["logo"]
        validate_product_image(upload)
        return upload


class PicturesForm(forms.Form):
    images = MultipleImageField(
        label=gettext_lazy("Ảnh giới thiệu cơ sở (nơi sản xuất, con người, sản phẩm)"),
        help_text=gettext_lazy("Ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa 10 MB; tối đa 6 ảnh."),
        error_messages={"required": gettext_lazy("Hãy chọn ít nhất một ảnh.")},
    )
    caption = forms.CharField(label=gettext_lazy("Chú thích"), max_length=200, required=False)


SECTION_FORMS = {
    "legal": LegalForm,
    "contact": ContactForm,
    "address": AddressForm,
    "story": StoryForm,
    "delivery": DeliveryForm,
}


class PayoutAccountForm(forms.Form):
    """A new bank account (bank by BIN, digits, holder) or e-wallet (provider, phone), checked by the service's rule."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Nhận tiền qua"),
        choices=PayoutAccountChange.Kind.choices,
        initial=PayoutAccountChange.Kind.BANK,
        widget=forms.RadioSelect,
    )
    bank_bin = forms.ChoiceField(
        label=gettext_lazy("Ngân hàng"), required=False, choices=[("", gettext_lazy("— Chọn ngân hàng —"))]
    )
    bank_account_number = forms.CharField(
        label=gettext_lazy("Số tài khoản"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bank_account_holder = forms.CharField(
        label=gettext_lazy("Chủ tài khoản"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("Tên cơ sở theo đăng ký kinh doanh hoặc tên người đại diện, như ngân hàng ghi."),
    )
    ewallet_provider = forms.ChoiceField(label=gettext_lazy("Ví điện tử"), required=False)
    ewallet_phone = forms.CharField(
        label=gettext_lazy("Số điện thoại ví"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.producer = producer
        self.fields["bank_bin"].choices = [("", _("— Chọn ngân hàng —"))] + banks.choices()
        self.fields["ewallet_provider"].choices = [("", _("— Chọn ví điện tử —"))] + list(
            Partner._meta.get_field("ewallet_provider").choices
        )

    def clean(self):
        cleaned = super().clean()
        try:
            if cleaned.get("kind") == PayoutAccountChange.Kind.EWALLET:
                cleaned["ewallet_provider"], cleaned["ewallet_phone"] = payout.check_ewallet(
                    cleaned.get("ewallet_provider"), cleaned.get("ewallet_phone")
                )
            elif cleaned.get("kind"):
                cleaned["bank_bin"], cleaned["bank_account_number"], cleaned["bank_account_holder"] = (
                    payout.check_bank_account(
                        self.producer,
                        cleaned.get("bank_bin"),
                        cleaned.get("bank_account_number"),
                        cleaned.get("bank_account_holder"),
                    )
                )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned

    def account(self):
        """The service's keyword arguments."""
        data = self.cleaned_data
        names = ("ewallet_provider", "ewallet_phone")
        if data["kind"] == PayoutAccountChange.Kind.BANK:
            names = ("bank_bin", "bank_account_number", "bank_account_holder")
        return {"kind": data["kind"], **{name: data[name] for name in names}}
