"""The boundary to an e-invoice provider (an organisation offering e-invoice services under Decree
123/2020/NĐ-CP, Article 10: it signs, numbers, sends to the tax authority and gives a lookup code).

``OCOP_EINVOICE_PROVIDER`` names the class (dotted path) of the deployment's provider; unset (the default),
there is none and the shop only exports the XML (``xml.to_xml``) for the seller to issue through its own
provider. No provider is shipped: each needs the seller's contract and keys, which this project has not.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass
class Issued:
    """What a provider returns for an invoice it issued."""

    series: str  # ký hiệu hoá đơn (KHHDon)
    number: str  # số hoá đơn (SHDon)
    lookup_code: str  # mã tra cứu, for the buyer to look the invoice up on the provider's site


class EInvoiceProvider:
    """An e-invoice provider. ``name`` is stored on each invoice it issues."""

    name = ""

    def issue(self, data, xml: bytes) -> Issued:
        """Issue the invoice of ``data`` (its XML as we wrote it); raise on refusal."""
        raise NotImplementedError

    def cancel(self, einvoice, reason: str) -> None:
        """Cancel an issued invoice (Decree 123/2020, Article 19 as amended by Decree 70/2025)."""
        raise NotImplementedError

    def replace(self, einvoice, data, xml: bytes, reason: str) -> Issued:
        """Issue a replacement of ``einvoice`` with ``data``; returns the new invoice's series, number, code."""
        raise NotImplementedError


def configured_provider() -> EInvoiceProvider | None:
    path = getattr(settings, "OCOP_EINVOICE_PROVIDER", None)
    return import_string(path)() if path else None
