"""Forms of the reviewers' dashboard: the review queue's filters and the decisions on a product, the
programme figures' period, and the pages about products without a valid certificate (keep on sale, end
the decision, suspend) with the revocation decision naming many certificates."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.ocop import revocations, workflow
from catalogue.programme import rules, taxonomy
from catalogue.programme.review import ReviewStatus
from shop.core import addresses
from shop.dashboard.date_range import DATE_INPUT_FORMATS, DateRangeForm
from shop.dashboard.review.figures import Period

# --- Programme figures ----------------------------------------------------------------

# The page opens on the last 30 days, today included…
DEFAULT_PERIOD_DAYS = 30
# …and a period may span at most three years.
MAX_PERIOD_MONTHS = 36


def default_period(today=None):
    today = today or timezone.localdate()
    return Period(today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1), today)


class PeriodForm(DateRangeForm):
    """The sales period of the programme figures (GET: ?date_from=…&date_to=…)."""

    @classmethod
    def default_range(cls, today=None):
        period = default_period(today)
        return period.date_from, period.date_to

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to:
            if date_from > date_to:
                raise forms.ValidationError(_("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."), code="reversed")
            if date_to >= rules.add_months(date_from, MAX_PERIOD_MONTHS):
                raise forms.ValidationError(
                    _("Khoảng thời gian dài nhất là %(years)s năm."),
                    code="too_long",
                    params={"years": MAX_PERIOD_MONTHS // 12},
                )
        return cleaned

    def period(self):
        """The chosen Period; call after is_valid()."""
        return Period(self.cleaned_data["date_from"], self.cleaned_data["date_to"])


class RegistryCountForm(forms.Form):
    """A province's count of certified OCOP products (``shop.registry.counts.record_count`` checks the rules)."""

    province_code = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int, choices=addresses.province_choices)
    certified_products = forms.IntegerField(label=_("Số sản phẩm OCOP đã được công nhận"), min_value=0)
    as_of = forms.DateField(
        label=_("Số liệu tính đến ngày"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).")},
    )
    source = forms.CharField(
        label=_("Nguồn số liệu"),
        max_length=255,
        help_text=_("Quyết định hoặc danh sách sản phẩm OCOP của tỉnh, ví dụ số và ngày của văn bản."),
    )


# --- Review queue and decisions ----------------------------------------------------------

QUEUE = "queue"


class ReviewQueueFilterForm(forms.Form):
    """Filters of the review queue; every field optional."""

    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[(QUEUE, _("Đang chờ duyệt (kể cả chứng nhận mới)")), ("", _("Tất cả"))] + list(ReviewStatus.choices),
    )
    group = forms.ChoiceField(
        label=_("Nhóm sản phẩm"),
        required=False,
        choices=[("", _("Tất cả"))] + [(g.key, g.name) for g in taxonomy.GROUPS_148],
    )
    province = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả"))] + addresses.province_choices(),
    )
    stars = forms.TypedChoiceField(
        label=_("Hạng sao"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả"))] + [(s, f"{s}★") for s in rules.OCOP_STARS],
    )
    min_days = forms.IntegerField(label=_("Chờ ít nhất (ngày)"), required=False, min_value=0, max_value=3650)
    q = forms.CharField(label=_("Tên hoặc mã sản phẩm"), required=False, max_length=100)


ACTION_CHOICES = [
    *((t.action, t.button) for t in workflow.TRANSITIONS.values() if t.by_reviewer),
    ("approve_certificate", _("Duyệt giấy chứng nhận mới")),
    ("reject_certificate", _("Từ chối giấy chứng nhận mới")),
    ("revoke_certificate", _("Thu hồi giấy chứng nhận")),
]
REASON_REQUIRED = {"request_changes", "reject", "suspend", "reject_certificate", "revoke_certificate"}
CERTIFICATE_ACTIONS = {"approve_certificate", "reject_certificate", "revoke_certificate"}


class ReviewActionForm(forms.Form):
    action = forms.ChoiceField(choices=ACTION_CHOICES, widget=forms.HiddenInput)
    certificate = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # The version of the product the page showed (catalogue/ocop/review_version.py): every decision
    # form carries it, and a decision without it is refused.
    seen = forms.CharField(
        widget=forms.HiddenInput,
        max_length=200_000,
        strip=False,
        error_messages={
            "required": _("Thiếu phiên bản sản phẩm mà bạn đã xem: hãy tải lại trang duyệt rồi quyết định.")
        },
    )
    reason = forms.CharField(
        label=_("Lý do / ghi chú cho chủ thể"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    keep_on_sale = forms.TypedChoiceField(
        label=_("Sau khi thu hồi"),
        required=False,
        coerce=lambda value: value == "1",
        empty_value=None,
        choices=[
            ("", "—"),
            ("1", _("Vẫn bán như sản phẩm địa phương (không có dấu OCOP)")),
            ("0", _("Ngừng bán sản phẩm")),
        ],
    )
    keep_on_sale_until = forms.DateField(
        label=_("Vẫn bán đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action in REASON_REQUIRED and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Hãy nêu lý do: chủ thể sẽ nhận được lý do này."))
        if action in CERTIFICATE_ACTIONS and not cleaned.get("certificate"):
            self.add_error(None, _("Chưa chọn giấy chứng nhận."))
        if action == "revoke_certificate" and cleaned.get("keep_on_sale") is None:
            self.add_error("keep_on_sale", _("Chọn sản phẩm có tiếp tục được bán hay không."))
        if cleaned.get("keep_on_sale") and not cleaned.get("keep_on_sale_until"):
            self.add_error("keep_on_sale_until", _("Hãy chọn ngày kết thúc quyết định vẫn bán."))
        return cleaned

    def keep_on_sale_end(self):
        """The end date of a decision to keep the product on sale, or None (stop selling). (Not named
        after the field: a method of that name would replace the field, and the date would be lost.)"""
        return self.cleaned_data.get("keep_on_sale_until") if self.cleaned_data.get("keep_on_sale") else None


# --- Products without a valid certificate; revocations -------------------------------------

STOP_SELLING, KEEP_ON_SALE = "stop", "keep"


def _date_field(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Chọn ngày."),
            "invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm)."),
        },
    )


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

    reason = forms.CharField(
        label=_("Lý do (gửi cho chủ thể)"), max_length=2000, error_messages={"required": _("Hãy nêu lý do.")}
    )


class KeepOnSaleForm(ReasonForm):
    """Keep a product on sale without a valid certificate (or extend the decision) until a date."""

    until = _date_field(_("Vẫn bán đến ngày"))

    def clean_until(self):
        return _clean_until(self)


class RevocationFilterForm(forms.Form):
    """Narrows the list of certificates to tick (GET)."""

    province = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố của chủ thể"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả"))] + addresses.province_choices(),
    )
    issuer = forms.CharField(label=_("Cơ quan công nhận"), required=False, max_length=255)

    def certificates(self):
        certificates = revocations.revocable().prefetch_related("product__stockrecords__partner")
        if self.is_valid():
            if self.cleaned_data["province"]:
                certificates = certificates.filter(
                    product__stockrecords__partner__province_code=self.cleaned_data["province"]
                )
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

    decision_number = forms.CharField(
        label=_("Số quyết định thu hồi"), max_length=64, error_messages={"required": _("Nhập số quyết định thu hồi.")}
    )
    decision_date = _date_field(_("Ngày quyết định thu hồi"))
    reason = forms.CharField(
        label=_("Lý do thu hồi (một lý do cho cả danh sách)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy nêu lý do thu hồi.")},
    )
    numbers = forms.CharField(
        label=_("Số quyết định công nhận của các giấy chứng nhận bị thu hồi, mỗi dòng một số"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Một quyết định công nhận nhiều sản phẩm: ghi thêm mã sản phẩm sau dấu chấm phẩy, "
            "ví dụ “2034/QĐ-UBND; LC-040”."
        ),
    )
    certificates = CertificateIdsField(label=_("Hoặc tích chọn trong danh sách"), required=False, coerce=int)
    products = forms.ChoiceField(
        label=_("Sản phẩm không còn giấy chứng nhận nào khác còn hiệu lực"),
        widget=forms.RadioSelect,
        choices=[
            (STOP_SELLING, _("Ngừng bán")),
            (KEEP_ON_SALE, _("Vẫn bán như sản phẩm địa phương (không dấu OCOP) đến ngày dưới đây")),
        ],
        error_messages={"required": _("Chọn sản phẩm ngừng bán hay vẫn bán.")},
    )
    until = _date_field(_("Vẫn bán đến ngày"), required=False)

    def __init__(self, *args, among=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.among = among  # the certificates this reviewer may name (their provinces'); None: all
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
            self.add_error(
                "until",
                _("Chọn ngày kết thúc của quyết định vẫn bán (tối đa %(months)s tháng).")
                % {"months": rules.KEPT_ON_SALE_MAX_MONTHS},
            )
        lines = revocations.parse_lines(cleaned.get("numbers", ""))
        ids = cleaned.get("certificates") or []
        if "numbers" in cleaned and "certificates" in cleaned:
            if not lines and not ids:
                self.add_error(
                    "numbers", _("Nhập ít nhất một số quyết định công nhận, hoặc tích chọn giấy chứng nhận.")
                )
            else:
                self.lookup = revocations.find(lines, ids, among=self.among)
                for error in self.lookup.errors:
                    self.add_error(None, error)
        return cleaned

    def keep_on_sale_until(self):
        """The end date of the decision keeping the products on sale, or None (they stop selling)."""
        return self.cleaned_data["until"] if self.cleaned_data["products"] == KEEP_ON_SALE else None


# --- Officers of the provincial offices ----------------------------------------------------------


class OfficerAssignmentForm(forms.Form):
    """Assign a staff account to a province (``shop.users.offices.assign`` checks the rules)."""

    email = forms.EmailField(
        label=_("Email tài khoản cán bộ"),
        error_messages={
            "required": _("Nhập email của cán bộ."),
            "invalid": _("Email chưa đúng (ví dụ ten@gmail.com)."),
        },
    )
    province_code = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố phụ trách"),
        coerce=int,
        choices=addresses.province_choices,
        error_messages={"required": _("Chọn tỉnh/thành phố."), "invalid_choice": _("Chọn một tỉnh trong danh sách.")},
    )

    def clean_email(self):
        from django.contrib.auth import get_user_model

        officer = get_user_model().objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if officer is None:
            raise forms.ValidationError(_("Không có tài khoản nào với email này."))
        self.officer = officer
        return officer.email
