"""Oscar's account forms, changed so that none tells whether an email has an account (finding 11).

- Registration accepts any well-formed email: what follows (a confirmation link, or a notice to the
  owner) is decided in ``shop.customer.accounts.register`` and never shown on the page.
- The profile form keeps the email as it is: a new email is only *asked for*, with the current password,
  which is checked through ``authenticate()`` so the login throttle counts wrong ones
  (shop/users/throttling.py).
- The login form tells the owner of an account whose email was never confirmed to confirm it first.

Oscar's class loader looks here first for "customer.forms"; what is not defined here is Oscar's.
"""

from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.customer import forms as oscar_forms

from shop.core.throttle import client_ip, normalise_account
from shop.customer import accounts, privacy
from shop.users import throttling

PasswordResetForm = oscar_forms.PasswordResetForm
ConfirmPasswordForm = oscar_forms.ConfirmPasswordForm
OrderSearchForm = oscar_forms.OrderSearchForm
ProductAlertForm = oscar_forms.ProductAlertForm
AnonymousOrderForm = oscar_forms.AnonymousOrderForm


class EmailAuthenticationForm(oscar_forms.EmailAuthenticationForm):
    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if self._unconfirmed_account() is not None:
                raise ValidationError(
                    _(
                        "Email của tài khoản này chưa được xác nhận. Hãy mở đường dẫn xác nhận chúng tôi đã gửi "
                        "tới hộp thư của quý vị, hoặc yêu cầu gửi lại đường dẫn tại %(url)s"
                    )
                    % {"url": reverse("customer:registration-resend")},
                    code="unconfirmed",
                ) from None
            raise

    def _unconfirmed_account(self):
        """The unconfirmed account with this email and this password, once the login failed (and was
        counted); None while the account or the address is locked."""
        email, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not email or not password:
            return None
        if throttling.LOGIN_PER_ACCOUNT.exceeded(normalise_account(email)) or (
            self.request is not None and throttling.LOGIN_PER_IP.exceeded(client_ip(self.request))
        ):
            return None
        for user in accounts._users().filter(email__iexact=accounts.normalise(email)):
            if accounts.is_unconfirmed(user) and user.check_password(password):
                return user
        return None


def consent_label(request=None):
    """The consent checkbox's label, linking to the privacy notice in force and naming its version."""
    text = _(
        "Tôi đã đọc Thông báo xử lý dữ liệu cá nhân (phiên bản %(version)s) và đồng ý cho sàn xử lý dữ liệu "
        "của tôi theo thông báo đó."
    ) % {"version": privacy.notice_version()}
    url = privacy.notice_url(request)
    if not url:
        return text
    return format_html('{} <a href="{}" target="_blank" rel="noopener">{}</a>', text, url, _("Đọc thông báo"))


class PersonalDataConsentField(forms.BooleanField):
    """Required consent to the privacy notice (Law 91/2025/QH15 art. 9): not ticked, the form says why."""

    def __init__(self, **kwargs):
        super().__init__(
            required=kwargs.pop("required", True),
            error_messages={
                "required": gettext_lazy(
                    "Cần đồng ý với Thông báo xử lý dữ liệu cá nhân để mở tài khoản: không có sự đồng ý này, sàn "
                    "không được phép lưu email, tên và địa chỉ giao hàng của quý vị."
                )
            },
            **kwargs,
        )


class EmailUserCreationForm(oscar_forms.EmailUserCreationForm):
    """Oscar's registration with the required consent to the privacy notice (recorded by the view)."""

    personal_data_consent = PersonalDataConsentField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal_data_consent"].label = consent_label()

    def clean_email(self):
        return accounts.clean(self.cleaned_data["email"])

    def validate_unique(self):
        """Not here: an email that has an account is answered like any other (accounts.register)."""


class ProfileForm(oscar_forms.ProfileForm):
    """Names and the rest are saved at once; a new email is only asked for (``requested_email``)."""

    current_password = forms.CharField(
        label=gettext_lazy("Mật khẩu hiện tại"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy(
            "Chỉ cần khi đổi email. Email mới có hiệu lực khi quý vị mở đường dẫn xác nhận "
            "chúng tôi gửi tới địa chỉ mới."
        ),
    )

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        self.current_email = user.email
        self.requested_email = None
        super().__init__(user, *args, **kwargs)

    def clean_email(self):
        return accounts.clean(self.cleaned_data["email"])

    def validate_unique(self):
        """Not here: an address another account uses is answered like any other (accounts)."""

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if not email or accounts.normalise(email) == accounts.normalise(self.current_email):
            return cleaned
        password = cleaned.get("current_password")
        if not password:
            self.add_error("current_password", _("Muốn đổi email, hãy nhập mật khẩu hiện tại của tài khoản."))
        elif authenticate(self.request, username=self.current_email, password=password) != self.user:
            # authenticate() counts the failure (login throttle) and refuses while the account is locked
            self.add_error(
                "current_password",
                _(
                    "Mật khẩu hiện tại không đúng, nên email chưa được đổi. Nhập sai nhiều lần sẽ tạm khoá "
                    "đăng nhập của tài khoản."
                ),
            )
        else:
            self.requested_email = email
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        self.instance.email = self.current_email  # the email changes only by the link


class DataErasureForm(forms.Form):
    """Erasing the account's personal data is confirmed with the password (checked through ``authenticate()``,
    so the login throttle counts wrong ones)."""

    password = forms.CharField(
        label=gettext_lazy("Mật khẩu hiện tại"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Tôi hiểu rằng tài khoản sẽ bị khoá vĩnh viễn và dữ liệu cá nhân bị xoá; đơn hàng được giữ theo quy "
            "định kế toán."
        ),
        error_messages={"required": gettext_lazy("Hãy đánh dấu ô xác nhận để xoá dữ liệu.")},
    )

    def __init__(self, user, *args, request=None, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if authenticate(self.request, username=self.user.email, password=password) != self.user:
            raise ValidationError(_("Mật khẩu không đúng, nên dữ liệu chưa bị xoá."))
        return password
