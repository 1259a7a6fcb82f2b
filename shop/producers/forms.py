"""Forms of the public "sell on OCOP Market" pages and of the producer's team."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from shop.core import addresses
from shop.core.phones import national_phone
from shop.customer import accounts
from shop.producers import onboarding

Partner = get_model("partner", "Partner")

SCAN_ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
# Used when the project configures no password validators: Django's standard four.
DEFAULT_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
REQUIRED = gettext_lazy("Hãy điền mục này.")


def password_validators():
    return password_validation.get_default_password_validators() or password_validation.get_password_validators(
        DEFAULT_PASSWORD_VALIDATORS
    )


class NewAccountMixin:
    """Family name, given name, password twice (checked by Django's password validators)."""

    def add_account_fields(self, with_email=True):
        fields = self.fields
        fields["last_name"] = forms.CharField(
            label=gettext_lazy("Họ và tên đệm"),
            max_length=255,
            error_messages={"required": REQUIRED},
            widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        )
        fields["first_name"] = forms.CharField(
            label=gettext_lazy("Tên"),
            max_length=255,
            error_messages={"required": REQUIRED},
            widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        )
        if with_email:
            fields["account_email"] = forms.EmailField(
                label=gettext_lazy("Email đăng nhập"),
                error_messages={
                    "required": REQUIRED,
                    "invalid": gettext_lazy("Email chưa đúng (ví dụ ten@gmail.com)."),
                },
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )
            fields["account_phone"] = forms.CharField(
                label=gettext_lazy("Số điện thoại của bạn"),
                max_length=20,
                required=False,
                widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            )
        fields["password1"] = forms.CharField(
            label=gettext_lazy("Mật khẩu"),
            strip=False,
            error_messages={"required": REQUIRED},
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
            help_text=gettext_lazy("Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá giống tên hay email."),
        )
        fields["password2"] = forms.CharField(
            label=gettext_lazy("Nhập lại mật khẩu"),
            strip=False,
            error_messages={"required": REQUIRED},
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        )

    def clean_account(self, email):
        data = self.cleaned_data
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Hai mật khẩu không giống nhau."))
        elif password1:
            User = get_user_model()
            probe = User(email=email or "", last_name=data.get("last_name", ""), first_name=data.get("first_name", ""))
            try:
                password_validation.validate_password(password1, probe, password_validators())
            except ValidationError as error:
                self.add_error("password1", error)


class ApplicationForm(NewAccountMixin, forms.ModelForm):
    """The application to sell: the producer, the representative's account (unless logged in), the
    business registration scan and the two consents."""

    terms = forms.BooleanField(
        error_messages={"required": gettext_lazy("Bạn cần đồng ý với điều khoản sử dụng để bán hàng trên sàn.")}
    )
    personal_data = forms.BooleanField(
        error_messages={
            "required": gettext_lazy("Bạn cần đồng ý cho xử lý dữ liệu cá nhân để chúng tôi xác minh hồ sơ.")
        }
    )

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "legal_name",
            "registration_number",
            "tax_code",
            "citizen_id",
            "representative",
            "phone",
            "email",
            "province_code",
            "ward_code",
            "street",
            "story",
            "has_epayment_account",
            "bank_name",
            "bank_account_number",
            "bank_account_holder",
            "business_registration_scan",
        ]
        labels = {
            "name": gettext_lazy("Tên cơ sở (tên hiển thị trên sàn)"),
            "kind": gettext_lazy("Loại hình"),
            "legal_name": gettext_lazy("Tên đầy đủ theo giấy đăng ký kinh doanh"),
            "registration_number": gettext_lazy("Mã số đăng ký kinh doanh hoặc mã số thuế"),
            "representative": gettext_lazy("Họ tên người đại diện"),
            "phone": gettext_lazy("Số điện thoại liên hệ"),
            "email": gettext_lazy("Email của cơ sở (nếu có)"),
            "story": gettext_lazy("Giới thiệu ngắn về cơ sở và sản phẩm"),
            "has_epayment_account": gettext_lazy("Cơ sở có tài khoản ngân hàng hoặc ví điện tử để nhận tiền"),
            "business_registration_scan": gettext_lazy("Ảnh chụp hoặc bản PDF giấy đăng ký kinh doanh"),
        }
        help_texts = {
            "legal_name": gettext_lazy("Để trống nếu giống tên cơ sở."),
            "registration_number": gettext_lazy(
                "Ghi trên giấy chứng nhận đăng ký hộ kinh doanh, hợp tác xã hoặc doanh nghiệp."
            ),
            "story": gettext_lazy("Vài câu: cơ sở làm gì, ở đâu, từ bao giờ. Khách hàng sẽ đọc phần này."),
            "business_registration_scan": gettext_lazy(
                "Tệp PDF hoặc ảnh JPEG, PNG, WebP, tối đa 10 MB. Chụp rõ cả trang."
            ),
        }
        widgets = {
            "story": forms.Textarea(attrs={"rows": 4}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "business_registration_scan": forms.ClearableFileInput(attrs={"accept": SCAN_ACCEPT}),
        }
        error_messages = {
            "name": {"required": REQUIRED},
            "registration_number": {"required": REQUIRED},
            "representative": {"required": REQUIRED},
            "phone": {"required": REQUIRED},
            "email": {"invalid": gettext_lazy("Email chưa đúng (ví dụ ten@gmail.com).")},
            "business_registration_scan": {
                "required": gettext_lazy("Hãy tải lên ảnh chụp hoặc bản PDF giấy đăng ký kinh doanh.")
            },
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        versions = onboarding.consent_versions()
        self.fields["terms"].label = (
            _("Tôi đồng ý với Điều khoản sử dụng nền tảng OCOP Market (phiên bản %s).") % versions["terms"]
        )
        self.fields["personal_data"].label = (
            _("Tôi đồng ý cho OCOP Market xử lý dữ liệu cá nhân của tôi như thông báo dưới đây (phiên bản %s).")
            % versions["personal_data"]
        )
        for name in ("name", "registration_number", "representative", "phone", "business_registration_scan"):
            self.fields[name].required = True
        self.fields["kind"].choices = list(Partner.Kind.choices)
        self.fields["province_code"] = forms.TypedChoiceField(
            label=gettext_lazy("Tỉnh/thành phố"),
            coerce=int,
            error_messages={"required": REQUIRED},
            choices=[("", _("— Chọn tỉnh/thành phố —"))] + addresses.province_choices(),
            widget=forms.Select(attrs={"data-ward-source": "1"}),
        )
        province = self._chosen_province()
        ward_choices = addresses.ward_choices(province) if province else []
        self.fields["ward_code"] = forms.TypedChoiceField(
            label=gettext_lazy("Xã/phường"),
            coerce=int,
            error_messages={
                "required": REQUIRED,
                "invalid_choice": gettext_lazy("Chọn một xã/phường thuộc tỉnh/thành phố đã chọn."),
            },
            choices=[("", _("— Chọn xã/phường —") if province else _("— Chọn tỉnh/thành phố trước —"))] + ward_choices,
        )
        # The province's communes as JSON, for default/js/address-wards.js (as on the address forms).
        self.fields["ward_code"].widget.attrs["data-wards-url"] = reverse("address-wards", args=[0]).replace(
            "/0/", "/{code}/"
        )
        self.fields["street"].label = _("Số nhà, thôn/bản, đường")
        if self.user is None:
            self.add_account_fields()

    def _chosen_province(self):
        value = self.data.get(self.add_prefix("province_code")) if self.is_bound else self.initial.get("province_code")
        try:
            value = int(value)
        except (TypeError, ValueError):
            return None
        return value if addresses.province_name(value) else None

    def clean_registration_number(self):
        number = onboarding.normalise_registration_number(self.cleaned_data["registration_number"])
        if not number.replace("-", "").replace("/", "").isalnum() or len(number) < 5:
            raise ValidationError(_("Mã số chỉ gồm chữ số, chữ cái và dấu gạch (ít nhất 5 ký tự)."))
        if onboarding.registration_number_taken(number):
            raise ValidationError(
                _(
                    "Mã số %(number)s đã được một chủ thể khác đăng ký trên sàn. Nếu đây là "
                    "cơ sở của bạn, hãy liên hệ ban quản lý."
                )
                % {"number": number}
            )
        return number

    def clean_phone(self):
        return national_phone(self.cleaned_data["phone"])

    def clean_account_phone(self):
        phone = self.cleaned_data["account_phone"]
        return national_phone(phone) if phone else ""

    def clean_account_email(self):
        """Any well-formed email: whether it has an account is never shown here (onboarding.apply)."""
        return accounts.clean(self.cleaned_data["account_email"])

    def clean(self):
        cleaned = super().clean()
        if self.user is None:
            self.clean_account(cleaned.get("account_email"))
        else:
            existing = onboarding.open_application_of(self.user)
            if existing is not None:
                raise ValidationError(
                    _("Tài khoản này đã là người đại diện của %(name)s (%(status)s): mỗi tài khoản chỉ gửi một hồ sơ.")
                    % {"name": existing.name, "status": existing.get_verification_status_display()}
                )
        return cleaned

    def account(self):
        """The new account's data for ``onboarding.apply`` (None when the visitor is logged in)."""
        if self.user is not None:
            return None
        data = self.cleaned_data
        return {
            "email": data["account_email"],
            "password": data["password1"],
            "last_name": data["last_name"],
            "first_name": data["first_name"],
            "phone_number": data.get("account_phone", ""),
        }


class InvitationSignupForm(NewAccountMixin, forms.Form):
    """A short sign-up for the invited email: name and password."""

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.add_account_fields(with_email=False)

    def clean(self):
        cleaned = super().clean()
        self.clean_account(self.email)
        if get_user_model().objects.filter(email__iexact=self.email).exists():
            raise ValidationError(_("Email này đã có tài khoản: hãy đăng nhập."))
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email của người được mời"),
        error_messages={"required": REQUIRED, "invalid": gettext_lazy("Email chưa đúng (ví dụ ten@gmail.com).")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class AssistedEntryGrantForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email tài khoản được cấp quyền"),
        error_messages={"required": REQUIRED, "invalid": gettext_lazy("Email chưa đúng (ví dụ ten@gmail.com).")},
    )
    producer = forms.ModelChoiceField(
        label=gettext_lazy("Chủ thể được nhập liệu thay"),
        queryset=Partner.objects.order_by("name"),
        empty_label=gettext_lazy("— Chọn chủ thể —"),
        error_messages={"required": REQUIRED, "invalid_choice": gettext_lazy("Chọn một chủ thể trong danh sách.")},
    )
    note = forms.CharField(label=gettext_lazy("Ghi chú (đơn vị, chức vụ)"), max_length=255, required=False)


class DecisionForm(forms.Form):
    """A reviewer's decision on an application: the reason is needed to reject."""

    reason = forms.CharField(
        label=gettext_lazy("Lý do / ghi chú gửi người đăng ký"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
