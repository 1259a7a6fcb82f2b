"""The OCOP programme's rules (../shared/OCOP.md), each in one place."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue.programme.taxonomy import TAXONOMY_148, TAXONOMY_1048

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


# --- Who may recognise which star, in which era (../shared/OCOP.md) -------------------------
# Issuer levels, as OcopCertificate.IssuerLevel stores them.
CENTRAL, PROVINCE, DISTRICT = "central", "province", "district"
# Who recognises at each level, and the level's name, for messages.
AUTHORITIES = {
    CENTRAL: gettext_lazy("Bộ Nông nghiệp (cấp trung ương)"),
    PROVINCE: gettext_lazy("UBND cấp tỉnh"),
    DISTRICT: gettext_lazy("UBND cấp huyện"),
}
LEVEL_NAMES = {
    CENTRAL: gettext_lazy("cấp trung ương"),
    PROVINCE: gettext_lazy("cấp tỉnh"),
    DISTRICT: gettext_lazy("cấp huyện"),
}


@dataclass(frozen=True)
class Era:
    """One period of the OCOP rules: the decision that set them, its days (``last_day`` None: still in
    force), the criteria (taxonomy) version certificates of the period follow, and the issuer levels
    allowed to recognise each star rating."""

    name: str
    decision: str  # its name, translated
    first_day: datetime.date
    last_day: datetime.date | None
    taxonomy_version: str
    levels_by_star: dict = field(hash=False)

    def covers(self, day):
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)

    @property
    def period(self):
        """ "21/08/2019 – 23/02/2023", or "từ 06/07/2025" while in force."""
        if self.last_day is None:
            return _("từ %(day)s") % {"day": dmy(self.first_day)}
        return f"{dmy(self.first_day)} – {dmy(self.last_day)}"


# The whole table, oldest first. Decision 1489 (the two-level government) keeps Decision 148's
# criteria and product groups.
ERAS = (
    Era(
        "1048",
        gettext_lazy("Quyết định 1048/QĐ-TTg"),
        datetime.date(2019, 8, 21),
        datetime.date(2023, 2, 23),
        TAXONOMY_1048,
        {3: (PROVINCE,), 4: (PROVINCE,), 5: (CENTRAL,)},
    ),
    Era(
        "148",
        gettext_lazy("Quyết định 148/QĐ-TTg"),
        datetime.date(2023, 2, 24),
        datetime.date(2025, 7, 5),
        TAXONOMY_148,
        {3: (DISTRICT,), 4: (PROVINCE,), 5: (CENTRAL,)},
    ),
    Era(
        "1489",
        gettext_lazy("Quyết định 1489/QĐ-TTg"),
        datetime.date(2025, 7, 6),
        None,
        TAXONOMY_148,
        {3: (PROVINCE,), 4: (PROVINCE,), 5: (CENTRAL,)},
    ),
)


def dmy(day):
    return day.strftime("%d/%m/%Y")


def era_on(decision_date):
    """The era a recognition decision of that day falls in; None before the first one."""
    return next((era for era in ERAS if era.covers(decision_date)), None)


def allowed_levels(era, stars):
    """The issuer levels that may recognise `stars` in `era` (empty for a non-OCOP rating)."""
    return era.levels_by_star.get(stars, ())


def latest_expiry(decision_date):
    """A certificate is valid at most 36 months from its decision."""
    return default_expiry(decision_date)


def is_expiring(expires_on, today):
    return today <= expires_on <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)


def _era_errors(era, *, star_rating, issuer_level, taxonomy_version):
    errors = {}
    levels = allowed_levels(era, star_rating)
    if levels and issuer_level and issuer_level not in levels:
        errors["issuer_level"] = _(
            "Theo %(decision)s (%(period)s), sản phẩm %(stars)s sao do %(authority)s công nhận, không phải %(level)s."
        ) % {
            "decision": era.decision,
            "period": era.period,
            "stars": star_rating,
            "authority": " / ".join(str(AUTHORITIES[level]) for level in levels),
            "level": LEVEL_NAMES.get(issuer_level, issuer_level),
        }
    if taxonomy_version and taxonomy_version != era.taxonomy_version:
        errors["taxonomy_version"] = _(
            "Theo %(decision)s (%(period)s), giấy chứng nhận theo bộ tiêu chí %(expected)s, không phải %(given)s."
        ) % {
            "decision": era.decision,
            "period": era.period,
            "expected": era.taxonomy_version,
            "given": taxonomy_version,
        }
    return errors


def certificate_errors(
    *, star_rating, score, decision_date, expires_on, issuer_level, today, taxonomy_version="148", legacy_group=""
):
    """Field errors for certificate data, in Vietnamese, one per broken rule, each saying which
    rule; empty when it is acceptable. The one check of certificate data: the form, the model's
    clean and ``OcopCertificate.rule_violations`` (approval, the data check) all come here."""
    errors = {}
    if legacy_group and taxonomy_version != TAXONOMY_1048:
        errors["legacy_group"] = _("Nhóm theo Quyết định 1048 chỉ dùng cho giấy chứng nhận theo bộ tiêu chí 1048.")
    if star_rating not in OCOP_STARS:
        errors["star_rating"] = _("Chỉ sản phẩm 3, 4 hoặc 5 sao là sản phẩm OCOP.")
    elif score is not None and stars_for_score(score) != star_rating:
        errors["score"] = _("Điểm %(score)s không khớp với hạng %(stars)s sao.") % {
            "score": score,
            "stars": star_rating,
        }
    if decision_date:
        era = era_on(decision_date)
        if decision_date > today:
            errors["decision_date"] = _("Ngày quyết định không thể ở tương lai.")
        elif era is None:
            errors["decision_date"] = _(
                "Ngày quyết định %(day)s nằm ngoài mọi giai đoạn của chương trình OCOP mà nền tảng biết: "
                "sớm nhất là %(decision)s, từ %(first_day)s."
            ) % {"day": dmy(decision_date), "decision": ERAS[0].decision, "first_day": dmy(ERAS[0].first_day)}
        if era is not None:
            errors.update(
                _era_errors(era, star_rating=star_rating, issuer_level=issuer_level, taxonomy_version=taxonomy_version)
            )
        if expires_on and expires_on <= decision_date:
            errors["expires_on"] = _("Ngày hết hạn phải sau ngày quyết định.")
        elif expires_on and expires_on > (latest := latest_expiry(decision_date)):
            errors["expires_on"] = _(
                "Giấy chứng nhận OCOP có hiệu lực tối đa %(months)s tháng kể từ ngày quyết định: "
                "ngày hết hạn muộn nhất là %(latest)s."
            ) % {"months": CERTIFICATE_VALIDITY_MONTHS, "latest": dmy(latest)}
    return errors


def expiry_warning_window(today):
    """The expiry dates a producer is warned about on `today` (first and last, inclusive)."""
    return today, today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)


def is_expired(expires_on, today):
    """Valid through the expiry date itself; expired from the day after."""
    return today > expires_on
