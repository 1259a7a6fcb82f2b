from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct

from catalogue.ocop import rules, taxonomy


class Product(AbstractProduct):
    """An Oscar product with the OCOP data a listing needs."""

    ocop_group = models.CharField(
        _("Nhóm sản phẩm OCOP"), max_length=32, blank=True,
        choices=[(group.key, group.name) for group in taxonomy.GROUPS_148],
    )
    weight_grams = models.PositiveIntegerField(
        _("Khối lượng vận chuyển (gam)"), null=True, blank=True,
    )

    class Meta(AbstractProduct.Meta):
        pass

    def current_certificate(self, today=None):
        """The certificate that backs the OCOP mark today, or None.

        Uses prefetched certificates when present, so list pages stay at a
        fixed number of queries.
        """
        today = today or timezone.localdate()
        valid = [c for c in self.ocop_certificates.all() if c.is_valid_on(today)]
        return max(valid, key=lambda c: c.decision_date, default=None)

    @property
    def ocop_stars(self):
        certificate = self.current_certificate()
        return certificate.star_rating if certificate else None


class OcopCertificate(models.Model):
    """An OCOP recognition decision for one product."""

    class IssuerLevel(models.TextChoices):
        CENTRAL = "central", _("Trung ương")
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện (trước 6/7/2025)")

    product = models.ForeignKey(Product, on_delete=models.CASCADE,
                                related_name="ocop_certificates", verbose_name=_("Sản phẩm"))
    star_rating = models.PositiveSmallIntegerField(
        _("Hạng sao"), choices=[(stars, f"{stars}★") for stars in rules.OCOP_STARS],
    )
    score = models.PositiveSmallIntegerField(
        _("Điểm"), null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    decision_number = models.CharField(_("Số quyết định"), max_length=64)
    decision_date = models.DateField(_("Ngày quyết định"))
    issuer = models.CharField(_("Cơ quan công nhận"), max_length=255)
    issuer_level = models.CharField(_("Cấp công nhận"), max_length=16, choices=IssuerLevel.choices)
    taxonomy_version = models.CharField(_("Bộ tiêu chí"), max_length=8,
                                        choices=taxonomy.TAXONOMY_CHOICES,
                                        default=taxonomy.TAXONOMY_148)
    expires_on = models.DateField(_("Ngày hết hạn"), blank=True)
    address_on_document = models.CharField(
        _("Địa chỉ ghi trên giấy chứng nhận"), max_length=255, blank=True,
        help_text=_("Địa chỉ cũ (có cấp huyện) như ghi trên văn bản, nếu có."),
    )

    class Meta:
        verbose_name = _("Giấy chứng nhận OCOP")
        verbose_name_plural = _("Giấy chứng nhận OCOP")
        ordering = ["-decision_date"]
        constraints = [
            models.UniqueConstraint(fields=["product", "decision_number"],
                                    name="unique_certificate_decision_per_product"),
        ]

    def __str__(self):
        return f"{self.star_rating}★ {self.decision_number}"

    def clean(self):
        if self.score is not None and rules.stars_for_score(self.score) != self.star_rating:
            raise ValidationError({"score": _("Điểm %(score)s không khớp với hạng %(stars)s sao.")
                                   % {"score": self.score, "stars": self.star_rating}})

    def save(self, *args, **kwargs):
        if not self.expires_on:
            self.expires_on = rules.default_expiry(self.decision_date)
        super().save(*args, **kwargs)

    def is_valid_on(self, day):
        return self.decision_date <= day <= self.expires_on


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403 — Oscar's remaining catalogue models
