"""Revocation decisions naming many certificates (a province revoking dozens of products at once).

Finds the certificates a decision names — decision numbers pasted one a line, or picked from a list —
and says which lines name nothing revocable; records the decision (its number and date head the reason
kept on every certificate and in the review log) through ``workflow.revoke_certificates``, which revokes
all of them or none.

A recognition decision often recognises several products under one number, so a line may add the
product's code after a semicolon ("2034/QĐ-UBND; LC-040"); a number shared by several certificates
without a code is refused, naming the products.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.ocop import workflow

OcopCertificate = get_model("catalogue", "OcopCertificate")

LINE_SEPARATORS = re.compile(r"[;\t|]")


def revocable():
    """Certificates a revocation may name: approved by a reviewer and not revoked yet."""
    return OcopCertificate.objects.filter(
        review=OcopCertificate.Review.APPROVED, revoked_at__isnull=True
    ).select_related("product")


@dataclass
class Lookup:
    certificates: list = field(default_factory=list)  # found, revocable, each once, in the order named
    errors: list = field(default_factory=list)  # one message per line naming nothing revocable


def _clean(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_lines(text):
    """[(decision number, product code or "")] from pasted text, blank lines and repeats dropped."""
    found = []
    for line in (text or "").splitlines():
        parts = [_clean(part) for part in LINE_SEPARATORS.split(line, maxsplit=1)]
        number, code = parts[0], (parts[1] if len(parts) > 1 else "")
        if number and (number, code) not in found:
            found.append((number, code))
    return found


def _label(certificate):
    return f"{certificate.decision_number} ({certificate.product.upc or certificate.product.title})"


def refusal(certificate):
    """Why a certificate cannot be revoked, or None."""
    if certificate.revoked_at is not None:
        return _("Giấy chứng nhận số %(certificate)s đã bị thu hồi ngày %(day)s.") % {
            "certificate": _label(certificate),
            "day": timezone.localdate(certificate.revoked_at).strftime("%d/%m/%Y"),
        }
    if certificate.review != OcopCertificate.Review.APPROVED:
        return _(
            "Giấy chứng nhận số %(certificate)s chưa được duyệt (%(review)s): chỉ thu hồi giấy chứng nhận "
            "đã duyệt; giấy chờ duyệt thì từ chối ở trang duyệt sản phẩm."
        ) % {"certificate": _label(certificate), "review": certificate.get_review_display()}
    return None


def find(lines=(), ids=(), among=None):
    """The certificates named by pasted ``lines`` (``parse_lines``) and picked ``ids``, with a message
    for each line or id naming nothing revocable: unknown, already revoked, not approved, ambiguous.
    ``among``: the certificates that may be named (an office's provinces); others are unknown here."""
    lookup, seen = Lookup(), set()
    among = OcopCertificate.objects.all() if among is None else among

    def add(certificate):
        error = refusal(certificate)
        if error:
            lookup.errors.append(error)
        elif certificate.pk not in seen:
            seen.add(certificate.pk)
            lookup.certificates.append(certificate)

    for number, code in lines:
        matches = among.filter(decision_number__iexact=number).select_related("product")
        if code:
            matches = matches.filter(product__upc__iexact=code)
        matches = list(matches.order_by("product__upc", "pk"))
        if not matches:
            lookup.errors.append(
                _("Không tìm thấy giấy chứng nhận số %(number)s của sản phẩm mã %(code)s.")
                % {"number": number, "code": code}
                if code
                else _("Không tìm thấy giấy chứng nhận số %(number)s.") % {"number": number}
            )
        elif len(matches) > 1:
            codes = ", ".join(c.product.upc or str(c.product.pk) for c in matches)
            lookup.errors.append(
                _(
                    "Số %(number)s là quyết định chung của %(count)s sản phẩm (%(codes)s): ghi thêm mã sản phẩm sau "
                    "dấu chấm phẩy, ví dụ “%(number)s; %(example)s”, hoặc tích chọn trong danh sách."
                )
                % {
                    "number": number,
                    "count": len(matches),
                    "codes": codes,
                    "example": matches[0].product.upc or matches[0].product.pk,
                }
            )
        else:
            add(matches[0])
    picked = {c.pk: c for c in among.filter(pk__in=list(ids)).select_related("product")}
    for pk in ids:
        if pk in picked:
            add(picked[pk])
        else:
            lookup.errors.append(_("Không tìm thấy giấy chứng nhận đã chọn (mã %(pk)s).") % {"pk": pk})
    return lookup


def decision_reason(decision_number, decision_date, reason):
    """The reason recorded on each certificate: the revoking decision, then the reason given."""
    return _("Quyết định thu hồi số %(number)s ngày %(day)s: %(reason)s") % {
        "number": decision_number,
        "day": decision_date.strftime("%d/%m/%Y"),
        "reason": reason.strip(),
    }


def revoke(certificates, user, decision_number, decision_date, reason, keep_on_sale_until=None):
    """Revoke every certificate of the decision with one reason, or none (``workflow.TransitionRefused``
    says why); products left without a certificate stop selling, or stay on sale as plain local
    products until ``keep_on_sale_until``."""
    if not (reason or "").strip():
        raise workflow.TransitionRefused(_("Hãy nêu lý do thu hồi."))
    return workflow.revoke_certificates(
        certificates, user, decision_reason(decision_number, decision_date, reason), keep_on_sale_until
    )
