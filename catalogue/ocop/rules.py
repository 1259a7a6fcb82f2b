"""The OCOP programme's rules (../shared/OCOP.md), each in one place."""
import calendar
import datetime

from django.utils.translation import gettext as _

# Only ★3–★5 products are OCOP products and may carry the mark.
OCOP_STARS = (3, 4, 5)
# Points needed for each star (Decision 148, out of 100).
STAR_THRESHOLDS = ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1))
# A certificate is valid for 36 months from the recognition decision…
CERTIFICATE_VALIDITY_MONTHS = 36
# …and the producer is warned at least 30 days before it expires.
EXPIRY_WARNING_DAYS = 30
# An administrator may keep a product on sale without a valid certificate (as a plain local product)
# for at most this long at a time; the decision names its end date and can be renewed.
KEPT_ON_SALE_MAX_MONTHS = 12


def stars_for_score(score):
    for threshold, stars in STAR_THRESHOLDS:
        if score >= threshold:
            return stars
    return 1


def add_months(day, months):
    """Same day `months` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_expiry(decision_date):
    return add_months(decision_date, CERTIFICATE_VALIDITY_MONTHS)

# Districts recognised ★3 products until the district level was abolished.
DISTRICT_LEVEL_ENDED = datetime.date(2025, 7, 6)


def is_expiring(expires_on, today):
    return today <= expires_on <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)


def certificate_errors(*, star_rating, score, decision_date, expires_on, issuer_level, today,
                       taxonomy_version="148", legacy_group=""):
    """Field errors for certificate data, in Vietnamese; empty when it is acceptable."""
    errors = {}
    if legacy_group and taxonomy_version != "1048":
        errors["legacy_group"] = _("Nhóm theo Quyết định 1048 chỉ dùng cho giấy chứng nhận theo bộ tiêu chí 1048.")
    if star_rating not in OCOP_STARS:
        errors["star_rating"] = _("Chỉ sản phẩm 3, 4 hoặc 5 sao là sản phẩm OCOP.")
    elif score is not None and stars_for_score(score) != star_rating:
        errors["score"] = _("Điểm %(score)s không khớp với hạng %(stars)s sao.") % {
            "score": score, "stars": star_rating}
    if decision_date:
        if decision_date > today:
            errors["decision_date"] = _("Ngày quyết định không thể ở tương lai.")
        elif issuer_level == "district" and decision_date >= DISTRICT_LEVEL_ENDED:
            errors["issuer_level"] = _("Cấp huyện chỉ công nhận OCOP trước ngày 6/7/2025.")
        if expires_on and expires_on <= decision_date:
            errors["expires_on"] = _("Ngày hết hạn phải sau ngày quyết định.")
    return errors


def expiry_warning_window(today):
    """The expiry dates a producer is warned about on `today` (first and last, inclusive)."""
    return today, today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)


def is_expired(expires_on, today):
    """Valid through the expiry date itself; expired from the day after."""
    return today > expires_on
