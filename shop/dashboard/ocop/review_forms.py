from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import ReviewStatus
from catalogue.ocop import rules, taxonomy, workflow
from shop.core import addresses

QUEUE = "queue"


class ReviewQueueFilterForm(forms.Form):
    """Filters of the review queue; every field optional."""

    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False,
        choices=[(QUEUE, _("Đang chờ duyệt (kể cả chứng nhận mới)")), ("", _("Tất cả"))] + list(ReviewStatus.choices),
    )
    group = forms.ChoiceField(label=_("Nhóm sản phẩm"), required=False,
                              choices=[("", _("Tất cả"))] + [(g.key, g.name) for g in taxonomy.GROUPS_148])
    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), required=False, coerce=int, empty_value=None,
                                      choices=[("", _("Tất cả"))] + addresses.province_choices())
    stars = forms.TypedChoiceField(label=_("Hạng sao"), required=False, coerce=int, empty_value=None,
                                   choices=[("", _("Tất cả"))] + [(s, f"{s}★") for s in rules.OCOP_STARS])
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
    seen = forms.CharField(widget=forms.HiddenInput, max_length=200_000, strip=False, error_messages={
        "required": _("Thiếu phiên bản sản phẩm mà bạn đã xem: hãy tải lại trang duyệt rồi quyết định.")})
    reason = forms.CharField(label=_("Lý do / ghi chú cho chủ thể"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    keep_on_sale = forms.TypedChoiceField(
        label=_("Sau khi thu hồi"), required=False, coerce=lambda value: value == "1", empty_value=None,
        choices=[("", "—"), ("1", _("Vẫn bán như sản phẩm địa phương (không có dấu OCOP)")),
                 ("0", _("Ngừng bán sản phẩm"))],
    )
    keep_on_sale_until = forms.DateField(label=_("Vẫn bán đến ngày"), required=False,
                                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

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

    def keep_on_sale_until(self):
        """The end date of a decision to keep the product on sale, or None (stop selling)."""
        return self.cleaned_data.get("keep_on_sale_until") if self.cleaned_data.get("keep_on_sale") else None
