"""The VAT invoice request across checkout steps: kept in Oscar's checkout session data (namespace
``einvoice``, flushed with the rest once the order is placed), written as an ``InvoiceRequest`` in the
transaction that places the order."""

from shop.einvoice.models import InvoiceRequest

NAMESPACE, KEY = "einvoice", "request"


def requested(checkout_session) -> dict | None:
    return checkout_session._get(NAMESPACE, KEY)


def keep(checkout_session, fields: dict | None) -> None:
    checkout_session._set(NAMESPACE, KEY, fields)


def record(order, checkout_session) -> InvoiceRequest | None:
    fields = requested(checkout_session)
    return InvoiceRequest.objects.create(order=order, **fields) if fields else None
