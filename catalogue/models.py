from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProduct, AbstractProductClass

from catalogue import translation
from catalogue.programme import rules, scans, taxonomy
from catalogue.programme.review import ReviewStatus
from shop.core.compiled import CompiledQuery
from shop.core.storage import private_storage
from shop.core.tax_categories import TaxCategory
from shop.core.uploads import validate_document_scan

# What a signed-in visitor may do about reviewing a product (``Product.review_state``).
REVIEW_PERMITTED, REVIEW_AFTER_DELIVERY = "permitted", "after-delivery"
# The statuses of a user's order lines of a product, asked on every signed-in product page.
BOUGHT_LINE_STATUSES = CompiledQuery(
    lambda product, user: (
        apps.get_model("order", "Line").objects.filter(product_id=product, order__user_id=user).values_list("status")
    ),
    arity=2,
)


class ProductClass(AbstractProductClass):
    """Oscar's product class with the tax business category its products have unless they say otherwise."""

    # Decree 117/2025/NĐ-CP withholding rates depend on it (payments.tax_rates).
    tax_category = models.CharField(
        _("Nhóm ngành nghề tính thuế"), max_length=16, choices=TaxCategory.choices, default=TaxCategory.GOODS
    )

    class Meta(AbstractProductClass.Meta):
        pass


class Product(AbstractProduct):
    """An Oscar product with the OCOP data a listing needs."""

    # Blank: its product class's category (payments.tax_rates.tax_category_of decides).
    tax_category = models.CharField(
        _("Nhóm ngành nghề tính thuế"),
        max_length=16,
        choices=TaxCategory.choices,
        blank=True,
        help_text=_("Để trống: theo loại sản phẩm."),
    )

    # Hidden until approved: only catalogue/ocop/workflow.py makes a product public.
    # (Still "editable" because Oscar's own ProductForm names it at import time;
    # our dashboard fork drops it from every form.)
    is_public = models.BooleanField(_("Đang bán công khai"), default=False, db_index=True)
    review_status = models.CharField(
        _("Trạng thái duyệt"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.DRAFT,
        db_index=True,
        editable=False,
    )
    submitted_at = models.DateTimeField(_("Gửi duyệt lúc"), null=True, blank=True, editable=False)
    ocop_group = models.CharField(
        _("Nhóm sản phẩm OCOP"),
        max_length=32,
        blank=True,
        choices=[(group.key, group.name) for group in taxonomy.GROUPS_148],
    )
    ocop_subgroup = models.CharField(
        _("Phân nhóm OCOP"),
        max_length=32,
        blank=True,
        choices=[(key, name) for group in taxonomy.GROUPS_148 for key, name, _name_en in group.subgroups],
    )
    weight_grams = models.PositiveIntegerField(
        _("Khối lượng vận chuyển (gam)"),
        null=True,
        blank=True,
    )
    production_story = models.TextField(_("Câu chuyện sản xuất"), blank=True)
    # The English twins (catalogue/translation.py): shown on English pages when filled, searched always.
    title_en = models.CharField(_("Tên tiếng Anh"), max_length=255, blank=True)
    description_en = models.TextField(_("Mô tả tiếng Anh"), blank=True)
    # Title and description, Vietnamese and English, folded to ASCII (shop.core.text.fold), kept by save():
    # the database search backend matches "mat ong" against "Mật ong", and "honey", with it.
    search_folded = models.TextField(editable=False, blank=True, default="")
    # Keeping an approved product on sale without a valid certificate (revoked or expired) is an
    # administrator's explicit decision, never silent: who, when, why, and until when. While it holds,
    # the product sells as a plain local product — no OCOP mark, no stars (catalogue/listing.py).
    kept_on_sale_until = models.DateField(_("Vẫn bán không dấu OCOP đến ngày"), null=True, blank=True, editable=False)
    kept_on_sale_at = models.DateTimeField(_("Quyết định vẫn bán lúc"), null=True, blank=True, editable=False)
    kept_on_sale_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("Người quyết định vẫn bán"),
    )
    kept_on_sale_reason = models.TextField(_("Lý do vẫn bán"), blank=True, editable=False)
    traceability_url = models.URLField(
        _("Liên kết truy xuất nguồn gốc của tỉnh"),
        blank=True,
        help_text=_("Địa chỉ hồ sơ sản phẩm trên cổng truy xuất nguồn gốc của tỉnh, nếu có."),
    )

    class Meta(AbstractProduct.Meta):
        permissions = [("review_ocop_product", _("Có thể duyệt sản phẩm OCOP"))]

    @property
    def sorted_recommended_products(self):
        """Oscar's recommendations in their ranking order, keeping only products for sale (the one rule)."""
        from catalogue.listing import for_sale

        recommended = [r.recommendation for r in self.primary_recommendations.select_related("recommendation")]
        if not recommended:
            return []
        selling = set(
            for_sale(type(self).objects.filter(pk__in=[p.pk for p in recommended])).values_list("pk", flat=True)
        )
        return [product for product in recommended if product.pk in selling]

    def get_title(self):
        """The title in the page's language (``catalogue.translation``): Oscar's templates, cards and the
        product page call this."""
        title = translation.localized(self, "title")
        if not title and self.parent_id:
            title = self.parent.get_title()
        return title

    get_title.short_description = AbstractProduct.get_title.short_description  # type: ignore[attr-defined]

    def get_description(self):
        """The description in the page's language."""
        return translation.localized(self, "description")

    def searched_texts(self):
        """(title, description) as the search reads them: both languages."""
        return (
            " ".join(part for part in (self.title, self.title_en) if part),
            " ".join(part for part in (self.description, self.description_en) if part),
        )

    def has_been_bought_by(self, user):
        """The user has an order holding this product that was not cancelled."""
        from shop.core import order_statuses as statuses

        return (
            user.is_authenticated
            and self.line_set.filter(order__user=user).exclude(status=statuses.LINE_CANCELLED).exists()
        )

    def is_review_permitted(self, user):
        """Only customers who received the product may review it, once (reviews are then moderated:
        ``OSCAR_MODERATE_REVIEWS``). A buyer whose parcel is still on its way is told to wait
        (``catalogue.reviews.views.CreateProductReview``)."""
        return self.review_state(user) == REVIEW_PERMITTED

    def review_state(self, user):
        """``REVIEW_PERMITTED``, ``REVIEW_AFTER_DELIVERY`` (bought, not received yet) or None, in one query
        (two for a buyer who received it: have they reviewed it already)."""
        from shop.core import order_statuses as statuses

        if not user.is_authenticated:
            return None
        # On every signed-in product page: compiled once (shop.core.compiled); the cancelled lines dropped here.
        bought = {status for (status,) in BOUGHT_LINE_STATUSES.rows(self.pk, user.pk)} - {statuses.LINE_CANCELLED}
        if statuses.LINE_DELIVERED in bought:
            return None if self.has_review_by(user) else REVIEW_PERMITTED
        return REVIEW_AFTER_DELIVERY if bought else None

    def save(self, *args, **kwargs):
        from shop.core.text import folded_product_text

        if getattr(self, "shown_in_language", False):
            raise ValueError("A product shown in a page's language (catalogue.translation) is not saved.")
        if not self.slug:  # from the Vietnamese title, whatever the language of the page that saves it
            from oscar.core.utils import slugify

            self.slug = slugify(self.title)
        title, description = self.searched_texts()
        self.search_folded = folded_product_text(title, description, self.attribute_text() if self.pk else "")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_folded"}
        super().save(*args, **kwargs)  # Oscar saves the attribute values (self.attr) at its end
        saved_values = self.attribute_values.model.objects.filter(product=self).select_related("attribute")
        with_attributes = folded_product_text(title, description, self.attribute_text(saved_values))
        if with_attributes != self.search_folded:  # the attribute values changed with this save
            type(self).objects.filter(pk=self.pk).update(search_folded=with_attributes)
            self.search_folded = with_attributes

    def attribute_text(self, values=None):
        """The product's attribute values as text ("Khối lượng tịnh: 500 g; …"), for search;
        by default from ``attribute_values`` (prefetched ones when present)."""
        values = self.attribute_values.all() if values is None else values
        return "; ".join(f"{value.attribute.name}: {value.value_as_text}" for value in values if value.value_as_text)

    def clean(self):
        super().clean()
        if self.ocop_subgroup and self.ocop_group:
            if self.ocop_subgroup not in taxonomy.group(self.ocop_group).subgroup_keys():
                raise ValidationError({"ocop_subgroup": _("Phân nhóm không thuộc nhóm sản phẩm đã chọn.")})

    def current_certificate(self, today=None):
        """The certificate that backs the OCOP mark today, or None.

        Uses prefetched certificates when present, so list pages stay at a
        fixed number of queries.
        """
        today = today or timezone.localdate()
        valid = [c for c in self.ocop_certificates.all() if c.backs_mark_on(today)]
        return max(valid, key=lambda c: c.decision_date, default=None)

    @property
    def producer(self):
        """The OCOP producer selling the product: Oscar links them through the stock record.

        Uses prefetched stock records when present.
        """
        stockrecords = sorted(self.stockrecords.all(), key=lambda record: record.pk)
        return stockrecords[0].partner if stockrecords else None

    def kept_on_sale_on(self, day):
        """An administrator's decision keeps the product on sale without a certificate on ``day``."""
        return self.kept_on_sale_until is not None and day <= self.kept_on_sale_until

    @property
    def ocop_stars(self):
        certificate = self.current_certificate()
        return certificate.star_rating if certificate else None


class Category(AbstractCategory):
    """Oscar's category with an English name and description (catalogue/translation.py)."""

    name_en = models.CharField(_("Tên tiếng Anh"), max_length=255, blank=True)
    description_en = models.TextField(_("Mô tả tiếng Anh"), blank=True)

    def get_name(self):
        """The name in the page's language."""
        return translation.localized(self, "name")

    def get_description(self):
        """The description in the page's language."""
        return translation.localized(self, "description")


class OcopCertificateQuerySet(models.QuerySet):
    def backing_mark_on(self, day):
        """The query form of OcopCertificate.backs_mark_on: keep the two side by side."""
        return self.filter(
            review=OcopCertificate.Review.APPROVED, revoked_at__isnull=True, decision_date__lte=day, expires_on__gte=day
        )


class OcopCertificate(models.Model):
    """An OCOP recognition decision for one product."""

    objects = OcopCertificateQuerySet.as_manager()

    class IssuerLevel(models.TextChoices):
        CENTRAL = "central", _("Trung ương")
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện (chỉ 3 sao, 24/02/2023 – 05/07/2025)")

    class Status(models.TextChoices):
        """Recorded by the expiry job and revocation; the mark itself follows the dates."""

        VALID = "valid", _("Còn hiệu lực")
        EXPIRING = "expiring", _("Sắp hết hạn")
        EXPIRED = "expired", _("Hết hạn")
        REVOKED = "revoked", _("Bị thu hồi")

    class Review(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Bị từ chối")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="ocop_certificates", verbose_name=_("Sản phẩm")
    )
    star_rating = models.PositiveSmallIntegerField(
        _("Hạng sao"),
        choices=[(stars, f"{stars}★") for stars in rules.OCOP_STARS],
    )
    score = models.PositiveSmallIntegerField(
        _("Điểm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    decision_number = models.CharField(_("Số quyết định"), max_length=64)
    decision_date = models.DateField(_("Ngày quyết định"))
    issuer = models.CharField(_("Cơ quan công nhận"), max_length=255)
    issuer_level = models.CharField(_("Cấp công nhận"), max_length=16, choices=IssuerLevel.choices)
    taxonomy_version = models.CharField(
        _("Bộ tiêu chí"), max_length=8, choices=taxonomy.TAXONOMY_CHOICES, default=taxonomy.TAXONOMY_148
    )
    legacy_group = models.CharField(
        _("Nhóm sản phẩm theo Quyết định 1048"),
        max_length=32,
        blank=True,
        choices=[(group.key, group.name) for group in taxonomy.GROUPS_1048],
        help_text=_("Chỉ với giấy chứng nhận cấp theo bộ tiêu chí 1048."),
    )
    expires_on = models.DateField(_("Ngày hết hạn"), blank=True)
    address_on_document = models.CharField(
        _("Địa chỉ ghi trên giấy chứng nhận"),
        max_length=255,
        blank=True,
        help_text=_("Địa chỉ cũ (có cấp huyện) như ghi trên văn bản, nếu có."),
    )
    # Private: no URL, streamed by ocop-certificate-scan to reviewers and the producer's team only;
    # stored under a generated name (catalogue/programme/scans.py).
    scan = models.FileField(
        _("Bản chụp giấy chứng nhận (PDF hoặc ảnh)"),
        upload_to=scans.certificate_scan_upload_to,
        storage=private_storage,
        blank=True,
        validators=[validate_document_scan],
    )
    status = models.CharField(
        _("Tình trạng"), max_length=16, choices=Status.choices, default=Status.VALID, editable=False
    )
    review = models.CharField(_("Duyệt"), max_length=16, choices=Review.choices, default=Review.PENDING, editable=False)
    expiry_warning_sent_at = models.DateTimeField(_("Đã nhắc hết hạn lúc"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("Thu hồi lúc"), null=True, blank=True, editable=False)
    revocation_reason = models.TextField(_("Lý do thu hồi"), blank=True, editable=False)

    class Meta:
        verbose_name = _("Giấy chứng nhận OCOP")
        verbose_name_plural = _("Giấy chứng nhận OCOP")
        ordering = ["-decision_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "decision_number"], name="unique_certificate_decision_per_product"
            ),
        ]

    def __str__(self):
        return f"{self.star_rating}★ {self.decision_number}"

    def rule_violations(self, today=None):
        """The OCOP rules (catalogue/programme/rules.py) this stored certificate breaks, as messages saying
        which rule; empty when it passes. Reviewers cannot approve a product on a certificate that
        breaks one; the data check lists existing rows that do."""
        today = today or timezone.localdate()
        errors = rules.certificate_errors(
            star_rating=self.star_rating,
            score=self.score,
            decision_date=self.decision_date,
            expires_on=self.expires_on,
            issuer_level=self.issuer_level,
            today=today,
            taxonomy_version=self.taxonomy_version,
            legacy_group=self.legacy_group,
        )
        return [str(message) for message in errors.values()]

    def clean(self):
        errors = rules.certificate_errors(
            star_rating=self.star_rating,
            score=self.score,
            decision_date=self.decision_date,
            expires_on=self.expires_on,
            issuer_level=self.issuer_level,
            today=timezone.localdate(),
            taxonomy_version=self.taxonomy_version,
            legacy_group=self.legacy_group,
        )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        certificate = super().from_db(db, field_names, values)
        certificate._loaded_dates = (certificate.__dict__.get("decision_date"), certificate.__dict__.get("expires_on"))
        return certificate

    def save(self, *args, **kwargs):
        if not self.expires_on:
            self.expires_on = rules.default_expiry(self.decision_date)
        dates_changed = getattr(self, "_loaded_dates", None) not in (None, (self.decision_date, self.expires_on))
        if dates_changed and self.revoked_at is None:
            # Corrected dates: the expiry job judges this certificate afresh.
            self.status, self.expiry_warning_sent_at = self.Status.VALID, None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "status", "expiry_warning_sent_at"}
        super().save(*args, **kwargs)
        self._loaded_dates = (self.decision_date, self.expires_on)

    def is_valid_on(self, day):
        return self.revoked_at is None and self.decision_date <= day <= self.expires_on

    def backs_mark_on(self, day):
        """The OCOP mark shows only for an approved, unrevoked certificate within its dates.

        Same rule as OcopCertificateQuerySet.backing_mark_on (for queries)."""
        return self.review == self.Review.APPROVED and self.is_valid_on(day)


class ReviewLogEntry(models.Model):
    """Append-only history of every review decision on a product."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="review_log", verbose_name=_("Sản phẩm")
    )
    certificate = models.ForeignKey(
        OcopCertificate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_log",
        verbose_name=_("Giấy chứng nhận"),
    )
    action = models.CharField(_("Thao tác"), max_length=32)
    from_status = models.CharField(_("Từ trạng thái"), max_length=20, blank=True)
    to_status = models.CharField(_("Sang trạng thái"), max_length=20, blank=True)
    reason = models.TextField(_("Lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người thực hiện"),
    )
    on_behalf_of = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Thay mặt chủ thể"),
    )
    created_at = models.DateTimeField(_("Thời điểm"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Nhật ký duyệt")
        verbose_name_plural = _("Nhật ký duyệt")
        ordering = ["-created_at", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Review log entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Review log entries are append-only.")


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403 — Oscar's remaining catalogue models
