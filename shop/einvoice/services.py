"""Issuing, cancelling and replacing the e-invoice of one producer's part of an order, keeping the records
consistent: one draft or issued invoice per part; a cancelled invoice stays cancelled; a replaced invoice
points to its replacement (``replaced_by``) and the replacement to it (``replaces``). Without a provider
(``providers.configured_provider()`` is None) the services only store the draft and its XML.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.einvoice.data import invoice_data
from shop.einvoice.models import EInvoice
from shop.einvoice.providers import configured_provider
from shop.einvoice.xml import to_xml


def current_invoice(order, partner):
    return (
        EInvoice.objects.filter(order=order, partner=partner, status__in=EInvoice.CURRENT_STATUSES)
        .select_related("replaces")
        .first()
    )


def export_xml(order, partner) -> bytes | None:
    """The XML of the part's current invoice (issued or draft), or of a new draft; None without a part."""
    einvoice = current_invoice(order, partner)
    data = invoice_data(order, partner, einvoice)
    return None if data is None else to_xml(data)


@transaction.atomic
def issue_for_part(order, partner, provider=None):
    """Issue the part's invoice through the provider (the configured one by default); without one, store
    the draft with its XML. An invoice already issued is returned as it is."""
    provider = provider or configured_provider()
    einvoice = current_invoice(order, partner)
    if einvoice is not None and einvoice.status == EInvoice.Status.ISSUED:
        return einvoice
    if einvoice is None:
        einvoice = EInvoice(order=order, partner=partner)
    data = invoice_data(order, partner, einvoice)
    if data is None:
        raise ValidationError(_("Chủ thể này không có hàng trong đơn %(number)s.") % {"number": order.number})
    xml = to_xml(data)
    if provider is not None:
        issued = provider.issue(data, xml)
        _record(einvoice, provider, issued)
        data = invoice_data(order, partner, einvoice)
        xml = to_xml(data)
    einvoice.xml = xml.decode()
    einvoice.save()
    return einvoice


@transaction.atomic
def cancel(einvoice, reason, provider=None):
    einvoice = EInvoice.objects.select_for_update().get(pk=einvoice.pk)
    if einvoice.status in (EInvoice.Status.CANCELLED, EInvoice.Status.REPLACED):
        raise ValidationError(
            _("Hoá đơn %(number)s đã bị huỷ hoặc đã được thay thế: không huỷ lại được.")
            % {"number": einvoice.number or einvoice.pk}
        )
    _require_reason(reason)
    if einvoice.status == EInvoice.Status.ISSUED:
        provider = provider or configured_provider()
        if provider is None:
            raise ValidationError(_("Chưa cấu hình nhà cung cấp hoá đơn điện tử: không huỷ được hoá đơn đã phát hành."))
        provider.cancel(einvoice, reason)
    einvoice.status, einvoice.reason = EInvoice.Status.CANCELLED, reason
    einvoice.save(update_fields=["status", "reason"])
    return einvoice


@transaction.atomic
def replace(einvoice, reason, provider=None):
    """Replace an issued invoice with one made from the part's data now (after a correction)."""
    einvoice = EInvoice.objects.select_for_update().get(pk=einvoice.pk)
    if einvoice.status != EInvoice.Status.ISSUED:
        raise ValidationError(
            _("Chỉ thay thế được hoá đơn đã phát hành; hoá đơn %(number)s đang ở trạng thái “%(status)s”.")
            % {"number": einvoice.number or einvoice.pk, "status": einvoice.get_status_display()}
        )
    _require_reason(reason)
    provider = provider or configured_provider()
    if provider is None:
        raise ValidationError(_("Chưa cấu hình nhà cung cấp hoá đơn điện tử: không thay thế được hoá đơn."))
    einvoice.status, einvoice.reason = EInvoice.Status.REPLACED, reason
    einvoice.save(update_fields=["status", "reason"])
    replacement = EInvoice(order=einvoice.order, partner=einvoice.partner, replaces=einvoice, reason=reason)
    data = invoice_data(einvoice.order, einvoice.partner, replacement)
    issued = provider.replace(einvoice, data, to_xml(data), reason)
    _record(replacement, provider, issued)
    replacement.xml = to_xml(invoice_data(einvoice.order, einvoice.partner, replacement)).decode()
    replacement.save()
    return replacement


def _record(einvoice, provider, issued):
    einvoice.status = EInvoice.Status.ISSUED
    einvoice.provider = provider.name
    einvoice.series, einvoice.number, einvoice.lookup_code = issued.series, issued.number, issued.lookup_code
    einvoice.issued_at = timezone.now()


def _require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError(_("Hãy ghi lý do huỷ hoặc thay thế hoá đơn."))
