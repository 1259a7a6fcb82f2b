"""The version of a product a reviewer decides on.

A reviewer approves what the review page showed, not whatever is stored when the button is pressed.
``snapshot(product)`` is what the page shows — title and description (Vietnamese and English), OCOP group,
images, attribute values, certificates (every field, review state and scan included), prices and the stock
record's producer — and ``token(product)`` carries it, signed, in the page's decision forms. The workflow
(``catalogue/ocop/workflow.py``) compares the token with a fresh snapshot under the product's row lock
and refuses the decision when anything differs; ``differences`` says what, before and after, for the
page to highlight.

Stock quantities are not part of the version: they move with every order, and the reviewer does not
judge them.
"""

import os
from dataclasses import dataclass
from decimal import Decimal

from django.core import signing
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from shop.core.money import format_vnd

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")

SALT = "catalogue.ocop.review_version"
VERSION = 1

# The parts of a snapshot, in the order the page lists them, with their names as told to the reviewer.
LABELS = {
    "title": gettext_lazy("tên sản phẩm"),
    "title_en": gettext_lazy("tên tiếng Anh"),
    "description": gettext_lazy("mô tả"),
    "description_en": gettext_lazy("mô tả tiếng Anh"),
    "group": gettext_lazy("nhóm / phân nhóm OCOP"),
    "images": gettext_lazy("ảnh sản phẩm"),
    "attributes": gettext_lazy("thuộc tính"),
    "certificates": gettext_lazy("giấy chứng nhận"),
    "prices": gettext_lazy("giá"),
    "status": gettext_lazy("trạng thái duyệt"),
}

CERTIFICATE_FIELDS = (
    "star_rating",
    "score",
    "decision_number",
    "decision_date",
    "issuer",
    "issuer_level",
    "taxonomy_version",
    "legacy_group",
    "expires_on",
    "address_on_document",
    "status",
    "review",
    "revoked_at",
    "revocation_reason",
)


class InvalidToken(ValueError):
    """The token was not made by this site for this product (edited, truncated, another product's)."""


@dataclass(frozen=True)
class Change:
    """One difference between the version shown and the one stored: ``key`` names what the page
    highlights ("title", "price", "certificate-12"…), ``before``/``after`` are display text."""

    key: str
    label: str
    before: str
    after: str


def _plain(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(product):
    """What the review page shows of ``product`` (its row as given; related rows read afresh), as
    plain JSON-able data."""
    images = [
        [image.pk, os.path.basename(image.original.name or ""), image.display_order]
        for image in product.images.order_by("display_order", "pk")
    ]
    attributes = [
        [value.attribute.code, str(value.attribute.name), str(value.value_as_text or "")]
        for value in product.attribute_values.select_related("attribute").order_by("attribute__code")
    ]
    certificates = []
    for certificate in product.ocop_certificates.order_by("pk"):
        row = {"id": certificate.pk, "scan": certificate.scan.name or ""}
        row.update((name, _plain(getattr(certificate, name))) for name in CERTIFICATE_FIELDS)
        certificates.append(row)
    prices = [
        {
            "id": record.pk,
            "partner": record.partner_id,
            "price": _plain(record.price),
            "currency": record.price_currency,
        }
        for record in product.stockrecords.order_by("pk")
    ]
    return {
        "v": VERSION,
        "product": product.pk,
        "status": product.review_status,
        "title": product.title,
        "description": product.description,
        "title_en": product.title_en,
        "description_en": product.description_en,
        "group": [product.ocop_group, product.ocop_subgroup],
        "images": images,
        "attributes": attributes,
        "certificates": certificates,
        "prices": prices,
    }


def dumps(version):
    return signing.dumps(version, salt=SALT, compress=True)


def token(product):
    """The signed snapshot of the product as stored now (its row read afresh): what the review page's
    forms carry, and what a service deciding for a reviewer passes as ``seen``."""
    return dumps(snapshot(Product.objects.get(pk=product.pk)))


def load(value, product):
    """The snapshot a token carries; ``InvalidToken`` unless this site signed it for ``product``."""
    try:
        version = signing.loads(value or "", salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from None
    if not isinstance(version, dict) or version.get("v") != VERSION or version.get("product") != product.pk:
        raise InvalidToken("not a version of this product")
    return version


def shown_certificate_ids(version):
    return {row["id"] for row in version["certificates"]}


def changed_parts(before, after):
    """The snapshot parts (keys of LABELS) that differ between two snapshots of the same product."""
    return [key for key in LABELS if before.get(key) != after.get(key)]


# --- Differences, for the reviewer ----------------------------------------------------------------


def _money(row):
    amount = Decimal(row["price"]) if row["price"] is not None else None
    if amount is None:
        return _("chưa có giá")
    return format_vnd(amount) if row["currency"] == "VND" else f"{amount} {row['currency']}"


def _day(value):
    if not value:
        return "—"
    year, month, day = value[:10].split("-")
    return f"{day}/{month}/{year}"


def _choice(choices, value):
    return str(dict(choices).get(value, value or "—"))


def _group(pair):
    group, subgroup = pair
    group_choices = Product._meta.get_field("ocop_group").choices
    subgroup_choices = Product._meta.get_field("ocop_subgroup").choices
    return f"{_choice(group_choices, group)} / {_choice(subgroup_choices, subgroup)}"


def describe_certificate(row):
    """One certificate of a snapshot as one line of text."""
    if row is None:
        return _("(không có)")
    parts = [
        f"{row['star_rating']}★",
        row["decision_number"],
        _day(row["decision_date"]),
        row["issuer"],
        _choice(OcopCertificate.IssuerLevel.choices, row["issuer_level"]),
        _("hết hạn %(day)s") % {"day": _day(row["expires_on"])},
        _choice(OcopCertificate.Review.choices, row["review"]),
        _choice(OcopCertificate.Status.choices, row["status"]),
    ]
    if row["score"] is not None:
        parts.insert(1, _("%(score)s điểm") % {"score": row["score"]})
    if row["revoked_at"]:
        parts.append(_("thu hồi %(day)s") % {"day": _day(row["revoked_at"])})
    if row["address_on_document"]:
        parts.append(row["address_on_document"])
    parts.append(_("bản chụp: %(name)s") % {"name": os.path.basename(row["scan"]) or "—"})
    return ", ".join(str(part) for part in parts)


def _describe(key, value):
    if key == "status":
        return _choice(Product._meta.get_field("review_status").choices, value)
    if key in ("description", "description_en"):
        return strip_tags(value or "").strip() or "—"
    if key == "group":
        return _group(value)
    if key == "images":
        return "; ".join(f"{order + 1}. {name}" for _pk, name, order in value) or _("(không có ảnh)")
    if key == "attributes":
        return "; ".join(f"{name}: {text}" for _code, name, text in value if text) or "—"
    if key == "prices":
        return "; ".join(_money(row) for row in value) or _("chưa có giá")
    return value or "—"


def differences(shown, current):
    """What changed from the version ``shown`` to ``current``: a list of ``Change``, empty when none.
    Certificates are compared one by one (added, removed, changed)."""
    changes = []
    for key in changed_parts(shown, current):
        if key == "certificates":
            before = {row["id"]: row for row in shown["certificates"]}
            after = {row["id"]: row for row in current["certificates"]}
            for pk in sorted(before.keys() | after.keys()):
                if before.get(pk) != after.get(pk):
                    number = (after.get(pk) or before.get(pk))["decision_number"]
                    changes.append(
                        Change(
                            f"certificate-{pk}",
                            _("giấy chứng nhận %(number)s") % {"number": number},
                            describe_certificate(before.get(pk)),
                            describe_certificate(after.get(pk)),
                        )
                    )
        else:
            changes.append(
                Change(
                    "price" if key == "prices" else key,
                    str(LABELS[key]),
                    _describe(key, shown[key]),
                    _describe(key, current[key]),
                )
            )
    return changes
