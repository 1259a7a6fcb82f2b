"""Recording a province's count of certified OCOP products, and reading the latest one of each province."""

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.core.addresses import province_name
from shop.registry.models import ProvinceRegistry


def latest_rows():
    """The latest row of each province, one query: the most recent ``as_of``, then the last recorded (a
    correction of the same list replaces it)."""
    newest = ProvinceRegistry.objects.filter(province_code=OuterRef("province_code")).order_by(
        "-as_of", "-imported_at", "-pk"
    )
    return ProvinceRegistry.objects.filter(pk=Subquery(newest.values("pk")[:1]))


def latest_by_province():
    """{province code: its latest ProvinceRegistry row}."""
    return {row.province_code: row for row in latest_rows()}


def record_count(province_code, certified_products, as_of, source, user=None):
    """Record that ``province_code`` had ``certified_products`` OCOP products certified on ``as_of``, per
    ``source`` (the office's decision or list). Raises ValidationError, in Vietnamese, naming the rule broken."""
    errors = {}
    if not province_name(province_code):
        errors["province_code"] = _("Mã tỉnh/thành phố %(code)s không có trong danh mục 2025.") % {
            "code": province_code
        }
    if certified_products is None or certified_products < 0:
        errors["certified_products"] = _("Số sản phẩm OCOP phải là số nguyên không âm.")
    if as_of > timezone.localdate():
        errors["as_of"] = _("Ngày của số liệu không được sau hôm nay.")
    source = (source or "").strip()
    if not source:
        errors["source"] = _("Ghi rõ nguồn số liệu (quyết định hoặc danh sách của tỉnh).")
    if errors:
        raise ValidationError(errors)
    return ProvinceRegistry.objects.create(
        province_code=int(province_code),
        certified_products=certified_products,
        as_of=as_of,
        source=source[:255],
        imported_by=user if user is not None and user.is_authenticated else None,
    )
