"""Customers' personal data rights: the privacy notice in force, consents, withdrawal, export and erasure.

Law: the Law on Personal Data Protection No. 91/2025/QH15 (in force 1 January 2026) and Decree 13/2023/NĐ-CP.
- Consent (Law 91/2025 art. 9; Decree 13 art. 11) is valid only when the person knows what data, for what
  purpose, who controls it and their rights; it is given by a clear act that can be recorded. We record it
  (``users.Consent``, append-only) at registration, at guest checkout and in producers' applications, with the
  notice's version, the time, the IP address and where (``Consent.Context``).
- Withdrawal (Law 91/2025 art. 9–12; Decree 13 art. 12) is a new row ``given=False``; an account whose latest
  personal-data consent is withdrawn, or given to an earlier notice version, cannot order (checkout refuses it:
  ``checkout_refusal``) until it agrees again.
- Access and copy (Law 91/2025 art. 4: the right to ask for one's data): ``start_export`` → a worker job
  (``shop.jobs.files``) writing a zip of JSON and CSVs of the account, addresses, orders with lines, reviews,
  wish lists and consents; the customer downloads it from the account page. Files are pruned after 14 days.
- Erasure (Law 91/2025 art. 4 and 14–16 as summarised by the published commentaries; Decree 13 art. 16, within
  72 hours): ``erase_customer`` runs at once when the customer confirms with the password. What it keeps and
  why is in its docstring: accounting documents are kept 10 years (Law on Accounting 88/2015/QH13 art. 41,
  Decree 174/2016/NĐ-CP art. 12), and the law lets data kept under another law stay (Law 91/2025 art. 14:
  deletion when the retention period set by law has ended). The article numbers of Law 91/2025 were taken from
  published summaries (thuvienphapluat.vn, thanhnien.vn, 28/12/2025), not the Official Gazette text.
Every request (export, erasure, withdrawal) is logged as a ``users.PrivacyRequest``.
"""

import csv
import datetime
import io
import json
import zipfile

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core import order_statuses
from shop.core.money import to_dong
from shop.core.spreadsheets import spreadsheet_safe

Consent = get_model("users", "Consent")
PrivacyRequest = get_model("users", "PrivacyRequest")

EXPORT_KIND = "customer-data-export"
EXPORT_FILENAME = "du-lieu-ca-nhan.zip"
PERSONAL_DATA = Consent.Document.PERSONAL_DATA
# Orders still moving need the buyer's phone and address: erasure waits until they are delivered or cancelled.
FINISHED_ORDER_STATUSES = (order_statuses.ORDER_DELIVERED, order_statuses.ORDER_CANCELLED)
ERASED_EMAIL_DOMAIN = "erased.invalid"


class RequestRefused(ValidationError):
    """The request cannot be carried out now; the message says why (shown to the customer)."""


# --- The notice in force ----------------------------------------------------------------------------------------


def notice_page():
    """The live privacy notice page chosen in the site settings (Wagtail: Settings → Chính sách cửa hàng), or None."""
    from wagtail.models import Site

    # By name: the CMS sits on top of the shop (its setting is data here, as Oscar's models are).
    ShopPolicies = get_model("cms", "ShopPolicies")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    page = ShopPolicies.for_site(site).privacy_notice_page
    return page if page is not None and page.live else None


def notice_version(page=None):
    """The version customers and producers agree to: the notice page's own version field (an editor bumps it
    when the notice changes in substance); without a page or a version, ``OCOP_PERSONAL_DATA_NOTICE_VERSION``."""
    page = page if page is not None else notice_page()
    if page is not None and page.version:
        return page.version
    return settings.OCOP_PERSONAL_DATA_NOTICE_VERSION


def notice_url(request=None):
    """The notice page's URL in the visitor's language, or "" when none is set."""
    page = notice_page()
    if page is None:
        return ""
    return (page.localized or page).get_url(request) or ""


# --- Consents ---------------------------------------------------------------------------------------------------


def record_consent(*, context, user=None, email="", ip_address=None, given=True, document=PERSONAL_DATA):
    """One append-only consent row at the version in force now."""
    if user is None and not email:
        raise ValueError("A consent needs an account or an email.")
    version = notice_version() if document == PERSONAL_DATA else settings.OCOP_TERMS_VERSION
    return Consent.objects.create(
        user=user,
        email=email if user is None else "",
        document=document,
        version=version,
        given=given,
        ip_address=ip_address or None,
        context=context,
    )


def latest_consent(user):
    """The account's latest personal-data consent row (given or withdrawn), or None."""
    return Consent.objects.filter(user=user, document=PERSONAL_DATA).order_by("-recorded_at", "-pk").first()


def consent_state(user):
    """ "given" (to the notice in force), "outdated" (to an earlier version), "withdrawn" or "none"."""
    latest = latest_consent(user)
    if latest is None:
        return "none"
    if not latest.given:
        return "withdrawn"
    return "given" if latest.version == notice_version() else "outdated"


def notice_version_in_force():
    """``notice_version()`` kept per content version (publishing the notice page bumps it): every checkout step
    reads it, and the page lookup costs three queries."""
    from shop.core import fragments

    return fragments.remember("privacy-notice-version", notice_version)


def checkout_refusal(user):
    """Why the account may not order now, or None. An account whose latest personal-data consent is withdrawn,
    or was given to an earlier version of the notice, agrees again first (Law 91/2025: consent to the purposes
    as they now are); an account with no consent on record (opened before consents were kept) may order."""
    latest = latest_consent(user)
    if latest is None:
        return None
    if not latest.given:
        return _(
            "Quý vị đã rút lại sự đồng ý xử lý dữ liệu cá nhân, nên tài khoản chưa đặt hàng được: sàn cần "
            "dữ liệu đó để giao hàng. Hãy đồng ý lại tại trang Quyền dữ liệu cá nhân để tiếp tục."
        )
    if latest.version != notice_version_in_force():
        return _(
            "Thông báo xử lý dữ liệu cá nhân đã có phiên bản mới (%(version)s). Hãy đọc và đồng ý để tiếp tục đặt hàng."
        ) % {"version": notice_version_in_force()}
    return None


def link_guest_consent(order):
    """Ties the guest's latest consent (given at the checkout's first step with this email) to the order just
    placed; returns how many were tied (0 or 1)."""
    if order.user_id is not None or not order.guest_email:
        return 0
    latest = Consent.objects.filter(
        user=None,
        order=None,
        email__iexact=order.guest_email,
        context=Consent.Context.GUEST_CHECKOUT,
        document=PERSONAL_DATA,
    ).order_by("-recorded_at", "-pk")[:1]
    # One statement: the order's placement runs it for every guest order.
    return Consent.objects.filter(pk__in=Subquery(latest.values("pk"))).update(order=order)


def _log(kind, user, *, by=None, outcome="", done=True, file_job=None):
    return PrivacyRequest.objects.create(
        kind=kind,
        user=user,
        handled_by=by,
        outcome=outcome,
        completed_at=timezone.now() if done else None,
        file_job=file_job,
    )


@transaction.atomic
def withdraw(user, ip_address=None):
    """Withdraws the account's personal-data consent: a ``given=False`` row, logged."""
    consent = record_consent(context=Consent.Context.ACCOUNT, user=user, ip_address=ip_address, given=False)
    _log(
        PrivacyRequest.Kind.WITHDRAWAL,
        user,
        by=user,
        outcome=_("Đã rút lại sự đồng ý (phiên bản %(version)s). Tài khoản không đặt hàng được cho tới khi đồng ý lại.")
        % {"version": consent.version},
    )
    return consent


def consent_again(user, ip_address=None):
    """The account agrees to the notice in force (after a withdrawal, or to a new version)."""
    return record_consent(context=Consent.Context.ACCOUNT, user=user, ip_address=ip_address)


# --- Export -----------------------------------------------------------------------------------------------------


def _money(value):
    return to_dong(value) if value is not None else None


def _when(value):
    return value.isoformat() if value else ""


def customer_data(user):
    """Everything the shop holds about the account that the customer may have a copy of: {kind: [rows]}."""
    Order = get_model("order", "Order")
    UserAddress = get_model("address", "UserAddress")
    ProductReview = get_model("reviews", "ProductReview")
    WishList = get_model("wishlists", "WishList")

    account = [
        {
            "email": user.email,
            "last_name": user.last_name,
            "first_name": user.first_name,
            "phone_number": user.phone_number,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        }
    ]
    addresses = [
        {
            "name": address.first_name,
            "phone_number": str(address.phone_number or ""),
            "line1": address.line1,
            "ward": address.line4,
            "province": address.state,
            "notes": address.notes,
            "is_default_for_shipping": address.is_default_for_shipping,
        }
        for address in UserAddress.objects.filter(user=user).order_by("pk")
    ]
    orders = []
    for order in Order.objects.filter(user=user).prefetch_related("lines").select_related("shipping_address"):
        shipping = order.shipping_address
        for line in order.lines.all():
            orders.append(
                {
                    "order_number": order.number,
                    "placed_at": _when(order.date_placed),
                    "order_status": order.status,
                    "order_total": _money(order.total_incl_tax),
                    "shipping_charge": _money(order.shipping_incl_tax),
                    "ship_to": shipping.summary if shipping else "",
                    "product": line.title,
                    "producer": line.partner_name,
                    "quantity": line.quantity,
                    "unit_price": _money(line.unit_price_incl_tax),
                    "line_total": _money(line.line_price_incl_tax),
                    "line_status": line.status,
                }
            )
    reviews = [
        {
            "product": review.product.get_title() if review.product else "",
            "score": review.score,
            "title": review.title,
            "body": review.body,
            "date_created": _when(review.date_created),
        }
        for review in ProductReview.objects.filter(user=user).select_related("product").order_by("pk")
    ]
    wishlists = [
        {"wishlist": wishlist.name, "product": line.get_title(), "quantity": line.quantity}
        for wishlist in WishList.objects.filter(owner=user).prefetch_related("lines").order_by("pk")
        for line in wishlist.lines.all()
    ]
    consents = [
        {
            "document": consent.document,
            "version": consent.version,
            "given": consent.given,
            "recorded_at": _when(consent.recorded_at),
            "context": consent.context,
            "ip_address": consent.ip_address or "",
        }
        for consent in Consent.objects.filter(user=user).order_by("recorded_at", "pk")
    ]
    return {
        "account": account,
        "addresses": addresses,
        "orders": orders,
        "reviews": reviews,
        "wishlists": wishlists,
        "consents": consents,
    }


def _csv_bytes(rows):
    """UTF-8 CSV with a BOM (Excel reads it as UTF-8); text cells made safe for spreadsheets (no formulas)."""
    out = io.StringIO()
    out.write("\ufeff")
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(
            {key: spreadsheet_safe(value) if isinstance(value, str) else value for key, value in row.items()}
            for row in rows
        )
    return out.getvalue().encode("utf-8")


def export_zip(data):
    """A zip of ``du-lieu-ca-nhan.json`` (everything) and one UTF-8 CSV per kind (Excel reads them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("du-lieu-ca-nhan.json", json.dumps(data, ensure_ascii=False, indent=2))
        for kind, rows in data.items():
            archive.writestr(f"{kind}.csv", _csv_bytes(rows))
    return buffer.getvalue()


def log_export(user, job):
    """The request for the customer's data, logged with the worker's file job that prepares it
    (``shop.dashboard.files.kinds``: the file jobs there are)."""
    return _log(PrivacyRequest.Kind.EXPORT, user, by=user, done=False, file_job=job)


def export_finished(job):
    """The worker wrote the file: the request's log is closed."""
    PrivacyRequest.objects.filter(file_job=job, completed_at__isnull=True).update(
        completed_at=timezone.now(), outcome=_("Tệp dữ liệu đã sẵn sàng để tải về.")
    )


def export_jobs(user):
    """The customer's own exports, newest first."""
    return get_model("jobs", "FileJob").objects.filter(user=user, kind=EXPORT_KIND)


# --- Erasure ----------------------------------------------------------------------------------------------------


def erasure_refusal(user):
    """Why the account cannot be erased now (a Vietnamese sentence), or ""."""
    Order = get_model("order", "Order")
    Partner = get_model("partner", "Partner")
    if user.is_staff or user.is_superuser:
        return _("Tài khoản quản trị không tự xoá được: hãy liên hệ ban quản lý sàn.")
    if Partner.objects.filter(users=user).exists() or Partner.objects.filter(director=user).exists():
        return _(
            "Tài khoản này làm việc cho một chủ thể bán hàng. Hãy rời khỏi chủ thể (hoặc chuyển quyền đại diện) "
            "trước, hoặc liên hệ ban quản lý sàn."
        )
    if Order.objects.filter(user=user).exclude(status__in=FINISHED_ORDER_STATUSES).exists():
        return _(
            "Quý vị còn đơn hàng chưa giao xong hoặc chưa huỷ: cần số điện thoại và địa chỉ để giao hàng. Hãy "
            "yêu cầu xoá lại khi mọi đơn đã giao hoặc đã huỷ."
        )
    return ""


def erase_customer(user, requested_by):
    """Anonymises what the law lets go and keeps what tax and accounting rules require; logged.

    Erased at once: the account's name, email (replaced by ``xoa-<id>@erased.invalid``), phone and password
    (unusable: the account cannot log in, every session ends), saved addresses, wish lists, stock alerts, open
    baskets and sessions; reviews lose their author (the text stays, anonymous).
    Kept: the orders, their lines, amounts, dates, statuses and payments, and on each order's delivery address
    the name and address the sales record shows (phone and delivery notes are blanked) — accounting documents
    are kept at least 10 years (Law on Accounting 88/2015/QH13 art. 41; Decree 174/2016/NĐ-CP art. 12) and
    invoices name the buyer (Decree 123/2020/NĐ-CP art. 10). When that period ends the monthly
    ``expire_kept_orders`` job blanks the name and street left on them (guests' orders too). The consent rows are kept, as proof of
    what was agreed and withdrawn.
    Raises ``RequestRefused`` (see ``erasure_refusal``).
    """
    Order = get_model("order", "Order")
    UserAddress = get_model("address", "UserAddress")
    ProductReview = get_model("reviews", "ProductReview")
    WishList = get_model("wishlists", "WishList")
    ProductAlert = get_model("customer", "ProductAlert")
    Basket = get_model("basket", "Basket")
    ShippingAddress = get_model("order", "ShippingAddress")

    refusal = erasure_refusal(user)
    if refusal:
        _log(PrivacyRequest.Kind.ERASURE, user, by=requested_by, outcome=_("Từ chối: %(why)s") % {"why": refusal})
        raise RequestRefused(refusal)
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        UserAddress.objects.filter(user=user).delete()
        WishList.objects.filter(owner=user).delete()
        ProductAlert.objects.filter(user=user).delete()
        Basket.objects.filter(owner=user).exclude(status=Basket.SUBMITTED).delete()
        ProductReview.objects.filter(user=user).update(user=None, name=_("Khách hàng"), email="")
        ShippingAddress.objects.filter(order__in=Order.objects.filter(user=user)).update(phone_number="", notes="")
        user.email = f"xoa-{user.pk}@{ERASED_EMAIL_DOMAIN}"
        user.first_name = user.last_name = user.phone_number = ""
        user.is_active = False
        # Ends every session too, without reading them all: Django checks each session's password hash on its next
        # request, and an inactive account is refused by the authentication backend.
        user.set_unusable_password()
        user.save()
        kept = Order.objects.filter(user=user).count()
        _log(
            PrivacyRequest.Kind.ERASURE,
            user,
            by=requested_by,
            outcome=_("Đã xoá dữ liệu cá nhân; giữ %(n)s đơn hàng theo quy định kế toán (10 năm).") % {"n": kept},
        )
    return user


# --- The end of the accounting retention -------------------------------------------------------------------------

# Accounting documents are kept at least 10 years from the end of the accounting year they belong to (Law on
# Accounting 88/2015/QH13 art. 41; Decree 174/2016/NĐ-CP art. 12): an order placed in 2026 is kept to 31/12/2036.
RETENTION_YEARS = 10


def retention_ends_before(today=None):
    """The first day of the oldest year whose orders must still be kept: orders placed before it may go."""
    today = today or timezone.localdate()
    return datetime.date(today.year - RETENTION_YEARS, 1, 1)


def expire_kept_orders(today=None):
    """Blanks the buyer's identity left on the orders of erased accounts and of guests once their retention period
    has ended: name, street and phone on the delivery and billing addresses, a guest's email (the province and
    ward stay, for the programme's figures; amounts, lines and dates stay as anonymous sales). An active account's
    orders are its own history and stay. Idempotent: returns the number of orders changed, logged (per account;
    guests' in one entry)."""
    Order = get_model("order", "Order")
    ShippingAddress = get_model("order", "ShippingAddress")
    BillingAddress = get_model("order", "BillingAddress")
    kept_since = timezone.make_aware(datetime.datetime.combine(retention_ends_before(today), datetime.time.min))
    expired = Order.objects.filter(
        Q(user__isnull=True) | Q(user__email__endswith="@" + ERASED_EMAIL_DOMAIN), date_placed__lt=kept_since
    )
    blank = {
        "first_name": "",
        "last_name": "",
        "line1": "",
        "line2": "",
        "line3": "",
        "postcode": "",
        "search_text": "",
    }
    changed = 0
    with transaction.atomic():
        by_user = {}
        for row in expired.values("pk", "user_id", "guest_email", "shipping_address_id", "billing_address_id"):
            by_user.setdefault(row["user_id"], []).append(row)
        for user_id, orders in by_user.items():
            shipping = ShippingAddress.objects.filter(pk__in=[o["shipping_address_id"] for o in orders])
            billing = BillingAddress.objects.filter(pk__in=[o["billing_address_id"] for o in orders])
            still_named = {o["pk"] for o in orders if o["guest_email"]}
            still_named |= set(
                Order.objects.filter(
                    Q(shipping_address__in=shipping.exclude(**blank, phone_number="", notes=""))
                    | Q(billing_address__in=billing.exclude(**blank))
                ).values_list("pk", flat=True)
            )
            if not still_named:
                continue
            shipping.update(**blank, phone_number="", notes="")
            billing.update(**blank)
            Order.objects.filter(pk__in=[o["pk"] for o in orders]).update(guest_email="")
            changed += len(still_named)
            _log(
                PrivacyRequest.Kind.ERASURE,
                get_user_model().objects.filter(pk=user_id).first(),
                outcome=_(
                    "Hết thời hạn lưu trữ kế toán: đã xoá tên, địa chỉ và email còn lại trên %(n)s đơn hàng%(who)s."
                )
                % {"n": len(still_named), "who": "" if user_id else _(" của khách không đăng nhập")},
            )
    return changed
