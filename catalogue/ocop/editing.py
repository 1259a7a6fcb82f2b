"""A producer's own products: creating, editing, images, prices and stock (the producers' portal).

The rule, in one place: changing what the reviewers approved — the title, the description (Vietnamese or
English) or the images — of a product on sale sends it back to review: ``workflow.resubmit_after_edit`` takes
it off sale and puts it in the reviewers' queue, with the changed fields in the review log. A product waiting
for review is withdrawn to draft by any content edit — title, description, OCOP group, images,
attributes, a certificate added — (``workflow.withdraw_after_edit``), so a reviewer never approves what
they did not see; the producer submits it again. Price and stock are the producer's own business and
never touch the review state (a price change still makes a reviewer's open page stale:
``catalogue/ocop/review_version.py``). Drafts and products sent back for changes keep their state.

A producer adds a certificate with ``add_certificate`` (the OCOP page); on a product on sale it waits
for a reviewer as a pending certificate (re-certification) and backs the OCOP mark only once approved,
while the product keeps selling on the certificate already approved.

The editing functions report what an edit did to the review: ``SENT_BACK`` (off sale, back to review),
``WITHDRAWN`` (out of the queue, back to draft) or None.

Every function takes the acting user and the producer and checks them through ``shop.partner.access``
(members, or named assistants acting on the producer's behalf), and that the product is the
producer's (it has the producer's stock record). Every change goes to the producer's activity log
(``shop.partner.activity``) with both names. New products are hidden drafts: only the workflow
publishes.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from catalogue.ocop import review_version, tasks, workflow
from catalogue.programme import taxonomy
from catalogue.programme.review import ReviewStatus
from shop.core import changes
from shop.core.money import format_vnd
from shop.core.tax_categories import TaxCategory
from shop.partner import access, activity
from shop.users import offices

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models.query import QuerySet
    from django.forms import ModelForm
    from oscar.apps.catalogue.models import Category as CategoryModel
    from oscar.apps.catalogue.models import ProductImage as ProductImageModel
    from oscar.apps.partner.models import StockRecord as StockRecordModel

    from catalogue.models import OcopCertificate
    from catalogue.models import Product as ProductModel
    from catalogue.models import ProductClass as ProductClassModel
    from shop.partner.models import Partner

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")

# The product classes of OCOP goods (shipped, with a weight) and of tourism services (no shipping).
GOODS_CLASS = "Sản phẩm OCOP"
SERVICE_CLASS = "Dịch vụ du lịch OCOP"

# What the reviewers approved: changing any of these on a product on sale sends it back to review.
CONTENT_LABELS = {
    "title": gettext_lazy("tên sản phẩm"),
    "title_en": gettext_lazy("tên tiếng Anh"),
    "description": gettext_lazy("mô tả"),
    "description_en": gettext_lazy("mô tả tiếng Anh"),
    "images": gettext_lazy("ảnh sản phẩm"),
}
# What a reviewer looks at (parts of review_version.snapshot): changing any of these on a product waiting
# for review withdraws it to draft.
WAITING_CONTENT_LABELS = {
    **CONTENT_LABELS,
    "group": gettext_lazy("nhóm sản phẩm"),
    "attributes": gettext_lazy("thuộc tính"),
    "certificates": gettext_lazy("giấy chứng nhận"),
}
# What an edit did to the review (None: nothing).
SENT_BACK = "sent_back"  # approved → off sale, back in the reviewers' queue
WITHDRAWN = "withdrawn"  # waiting → back to draft, to be submitted again

MAX_IMAGES = 12  # per product
MAX_IMAGES_PER_UPLOAD = 10

# --- Reading -----------------------------------------------------------------------------


def producer_products(producer: Partner) -> QuerySet[ProductModel]:
    """The products the producer sells (those with its stock record)."""
    return Product.objects.filter(pk__in=StockRecord.objects.filter(partner=producer).values("product_id"))


def stockrecord_of(product: ProductModel, producer: Partner) -> StockRecordModel | None:
    return StockRecord.objects.filter(product=product, partner=producer).order_by("pk").first()


def product_class_for_group(group_key: str) -> ProductClassModel:
    """Tourism is a service (no shipping); every other group sells goods."""
    is_service = group_key in taxonomy.SERVICE_GROUPS
    product_class, _created = ProductClass.objects.get_or_create(
        name=SERVICE_CLASS if is_service else GOODS_CLASS,
        defaults={
            "requires_shipping": not is_service,
            "track_stock": True,
            # Withholding category (payments/tax_rates.py): tourism is a service.
            "tax_category": TaxCategory.SERVICES if is_service else TaxCategory.GOODS,
        },
    )
    return product_class


def category_for_subgroup(group_key: str, subgroup_key: str) -> CategoryModel | None:
    """The browsing category named after the sub-group, under its group's root (as the demo loader and
    the administrators build them), or None."""
    try:
        group = taxonomy.group(group_key)
    except KeyError:
        return None
    names = {key: name for key, name, _name_en in group.subgroups}
    if subgroup_key not in names:
        return None
    root = Category.get_root_nodes().filter(name=group.name).first()
    if root is None:
        return None
    return root.get_children().filter(name=names[subgroup_key]).first()


# --- Description: plain text for the producer, safe paragraphs for the storefront ----------------


def text_to_html(text: str | None) -> str:
    """Paragraphs (separated by blank lines) of escaped text; single line breaks kept."""
    paragraphs = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    return "".join(
        "<p>{}</p>".format("<br>".join(html.escape(line.strip()) for line in paragraph.split("\n") if line.strip()))
        for paragraph in paragraphs
        if paragraph.strip()
    )


def html_to_text(markup: str | None) -> str:
    """The stored description as the plain text the producer typed (paragraphs → blank lines)."""
    text = re.sub(r"<br\s*/?>", "\n", markup or "", flags=re.IGNORECASE)
    text = re.sub(r"</p\s*>|</div\s*>|</li\s*>", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


# --- Checks ------------------------------------------------------------------------------


def _check_actor(user: AbstractBaseUser, producer: Partner, product: ProductModel | None = None) -> None:
    """Raises PermissionDenied unless the user works for the producer and the product is its own."""
    access.on_behalf_of(user, producer)
    if (
        product is not None
        and product.pk is not None
        and not StockRecord.objects.filter(product_id=product.pk, partner=producer).exists()
    ):
        raise PermissionDenied(_("Sản phẩm này không thuộc chủ thể của bạn."))


def _after_content_edit(product: ProductModel, user: AbstractBaseUser, changed: Sequence[str]) -> str | None:
    """The rule: content changes of an approved product → back to review, off sale; of a product
    waiting for review → back to draft. ``changed``: names of WAITING_CONTENT_LABELS. Returns
    SENT_BACK, WITHDRAWN or None."""
    on_sale = [name for name in changed if name in CONTENT_LABELS]
    if on_sale and workflow.resubmit_after_edit(product, user, _changed_text(on_sale)):
        return SENT_BACK
    if changed and workflow.withdraw_after_edit(product, user, _changed_text(changed)):
        return WITHDRAWN
    return None


def _changed_text(names: Iterable[str]) -> str:
    return _("Đã sửa: %(fields)s") % {"fields": changed_labels(names)}


def changed_labels(names: Iterable[str]) -> str:
    """ "tên sản phẩm, mô tả" for the names of WAITING_CONTENT_LABELS."""
    return ", ".join(str(WAITING_CONTENT_LABELS[name]) for name in names)


def content_change_takes_off_sale(product: ProductModel) -> bool:
    """Whether changing the title, description or images now takes the product off sale."""
    return product.review_status == ReviewStatus.APPROVED


# --- Create and edit ------------------------------------------------------------------------


def new_sku(producer: Partner, product: ProductModel) -> str:
    return f"OCOP-{producer.pk}-{product.pk}"


def save_product(
    form: ModelForm, producer: Partner, user: AbstractBaseUser, *, price: Decimal, num_in_stock: int
) -> tuple[ProductModel, str | None]:
    """Save the portal's product form (valid) with the producer's price and stock.

    A new product is a hidden draft with the producer's stock record (SKU generated, also its code).
    Returns ``(product, outcome)``: SENT_BACK when the edit took an approved product off sale for
    review, WITHDRAWN when it took a waiting product out of the queue, else None.
    """
    product = form.instance
    _check_actor(user, producer, product)
    with transaction.atomic():
        creating = product.pk is None
        if creating:
            product.review_status, product.is_public = ReviewStatus.DRAFT, False
            before = None
        else:
            stored = Product.objects.select_for_update().get(pk=product.pk)
            version_before = review_version.snapshot(stored)
            before = {"subgroup": (stored.ocop_group, stored.ocop_subgroup)}
            # Never trusted from a form: only the workflow changes these.
            product.review_status, product.is_public = stored.review_status, stored.is_public
        product = form.save()

        if creating:
            sku = new_sku(producer, product)
            product.upc = sku
            product.save(update_fields=["upc"])
            StockRecord.objects.create(
                product=product, partner=producer, partner_sku=sku, price=price, num_in_stock=num_in_stock
            )
        else:
            # An existing product of this producer has its stock record (_check_actor checked it).
            record = StockRecord.objects.select_for_update().get(pk=stockrecord_of(product, producer).pk)  # type: ignore[union-attr]
            if (record.price, record.num_in_stock) != (price, num_in_stock):
                record.price, record.num_in_stock = price, num_in_stock
                record.save(update_fields=["price", "num_in_stock", "date_updated"])

        subgroup = (product.ocop_group, product.ocop_subgroup)
        if creating or before["subgroup"] != subgroup:  # type: ignore[index]  # set whenever not creating
            if before is not None:
                previous = category_for_subgroup(*before["subgroup"])
                if previous is not None:
                    product.categories.remove(previous)
            category = category_for_subgroup(*subgroup)
            if category is not None:
                product.categories.add(category)

        outcome = None
        if creating:
            activity.record(
                user,
                producer,
                "product_created",
                _("Tạo sản phẩm %(title)s (bản nháp)") % {"title": product.title},
                product,
            )
        else:
            parts = review_version.changed_parts(version_before, review_version.snapshot(product))
            changed = [name for name in WAITING_CONTENT_LABELS if name in parts]
            activity.record(
                user, producer, "product_edited", _("Sửa sản phẩm %(title)s") % {"title": product.title}, product
            )
            outcome = _after_content_edit(product, user, changed)
        changes.product_changed(product.pk)
    product.refresh_from_db()
    return product, outcome


# --- Images -------------------------------------------------------------------------------


def add_images(
    product: ProductModel, producer: Partner, user: AbstractBaseUser, uploads: Sequence[UploadedFile]
) -> tuple[list[ProductImageModel], str | None]:
    """Add validated uploads after the product's images; the worker makes their thumbnails after commit
    (``tasks.make_thumbnails``), so the upload does not wait for them.

    Returns ``(images, outcome)`` (SENT_BACK, WITHDRAWN or None).
    """
    _check_actor(user, producer, product)
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        count = product.images.count()
        if count + len(uploads) > MAX_IMAGES:
            raise ValidationError(
                _("Mỗi sản phẩm có tối đa %(limit)s ảnh (đang có %(count)s).") % {"limit": MAX_IMAGES, "count": count},
                code="too_many_images",
            )
        images = [
            ProductImage.objects.create(
                product=product, original=upload, display_order=count + offset, caption=product.title[:200]
            )
            for offset, upload in enumerate(uploads)
        ]
        activity.record(
            user,
            producer,
            "product_images_added",
            _("Thêm %(count)s ảnh cho %(title)s") % {"count": len(images), "title": product.title},
            product,
        )
        outcome = _after_content_edit(product, user, ["images"])
        changes.product_changed(product.pk)
        image_ids = [image.pk for image in images]
        # robust: a queue that cannot take the task loses only the head start (a thumbnail is made on first view)
        transaction.on_commit(lambda: tasks.make_thumbnails.enqueue(image_ids), robust=True)
    return images, outcome


def move_image(
    product: ProductModel, producer: Partner, user: AbstractBaseUser, image_id: int, step: int
) -> list[ProductImageModel]:
    """Move an image one place earlier (step -1) or later (+1); the first one is the main picture.

    Reordering shows the same, already reviewed pictures: it does not send the product back nor take
    it out of the queue (a reviewer's open page still becomes stale: the order is part of the version).
    """
    _check_actor(user, producer, product)
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        images = list(product.images.order_by("display_order", "pk"))
        index = next((i for i, image in enumerate(images) if image.pk == image_id), None)
        if index is None:
            raise PermissionDenied(_("Ảnh này không thuộc sản phẩm."))
        target = index + step
        if 0 <= target < len(images):
            images[index], images[target] = images[target], images[index]
        for order, image in enumerate(images):
            if image.display_order != order:
                image.display_order = order
                image.save(update_fields=["display_order"])
        activity.record(
            user,
            producer,
            "product_images_reordered",
            _("Đổi thứ tự ảnh của %(title)s") % {"title": product.title},
            product,
        )
        changes.product_changed(product.pk)
    return images


def delete_image(product: ProductModel, producer: Partner, user: AbstractBaseUser, image_id: int) -> str | None:
    """Delete one image; returns the outcome (SENT_BACK, WITHDRAWN or None)."""
    _check_actor(user, producer, product)
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        image = product.images.filter(pk=image_id).first()
        if image is None:
            raise PermissionDenied(_("Ảnh này không thuộc sản phẩm."))
        image.delete()  # Oscar renumbers the remaining images
        activity.record(
            user, producer, "product_image_deleted", _("Xoá một ảnh của %(title)s") % {"title": product.title}, product
        )
        outcome = _after_content_edit(product, user, ["images"])
        changes.product_changed(product.pk)
    return outcome


# --- Certificates ---------------------------------------------------------------------------


def may_view_scan(user: AbstractBaseUser | None, certificate: OcopCertificate) -> bool:
    """Who may open a certificate's scan (it has no public URL): reviewers of the producer's province, and
    whoever may act for the product's producer (members, named assistants)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    producer = certificate.product.producer
    if workflow.is_reviewer(user) and offices.may_act_in(user, producer.province_code if producer else None):
        return True
    return access.capacity(user, producer, access.VIEW) is not None


def add_certificate(
    product: ProductModel, producer: Partner, user: AbstractBaseUser, form: ModelForm
) -> tuple[OcopCertificate, str | None]:
    """Save a new certificate of the product from a valid ``catalogue.ocop.forms.CertificateForm``.

    It waits for a reviewer (pending). A product waiting for review goes back to draft (the reviewer
    must see the certificate before approving); a product on sale keeps selling on its approved
    certificate. Returns ``(certificate, outcome)`` (WITHDRAWN or None).
    """
    _check_actor(user, producer, product)
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        form.instance.product = product
        certificate = form.save()
        activity.record(
            user,
            producer,
            "certificate_added",
            _("Thêm giấy chứng nhận %(number)s cho %(title)s")
            % {"number": certificate.decision_number, "title": product.title},
            certificate,
        )
        outcome = _after_content_edit(product, user, ["certificates"])
    return certificate, outcome


# --- Prices and stock -----------------------------------------------------------------------


def update_stock_prices(
    producer: Partner, user: AbstractBaseUser, rows: Mapping[int, tuple[Decimal, int]]
) -> list[int]:
    """Set price and stock of several of the producer's stock records at once.

    ``rows``: ``{stockrecord id: (price, num_in_stock)}``. All or nothing; a record that is not the
    producer's refuses the whole change. Never sends a product back to review. Returns the ids of
    the products whose price or stock changed (their search documents follow after commit).
    """
    access.on_behalf_of(user, producer)
    with transaction.atomic():
        records = list(
            StockRecord.objects.select_for_update()
            .select_related("product")
            .filter(partner=producer, pk__in=list(rows))
        )
        if len(records) != len(rows):
            raise PermissionDenied(_("Có dòng không thuộc chủ thể của bạn: chưa lưu gì."))
        changed = []
        for record in records:
            price, num_in_stock = rows[record.pk]
            if (record.price, record.num_in_stock) != (price, num_in_stock):
                record.price, record.num_in_stock = price, num_in_stock
                record.save(update_fields=["price", "num_in_stock", "date_updated"])
                changed.append(record.product_id)
                activity.record(
                    user,
                    producer,
                    "stock_price_updated",
                    _("Giá %(title)s: %(price)s, còn %(stock)s")
                    % {"title": record.product.title, "price": format_vnd(price), "stock": num_in_stock},
                    record.product,
                )
        if changed:
            changes.product_changed(*changed)
    return changed
