"""The OCOP programme's rules (../shared/OCOP.md), each in one place."""
import calendar
import datetime

# Only ★3–★5 products are OCOP products and may carry the mark.
OCOP_STARS = (3, 4, 5)
# Points needed for each star (Decision 148, out of 100).
STAR_THRESHOLDS = ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1))
# A certificate is valid for 36 months from the recognition decision…
CERTIFICATE_VALIDITY_MONTHS = 36
# …and the producer is warned at least 30 days before it expires.
EXPIRY_WARNING_DAYS = 30


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
