"""Demo e-invoice data: a business buyer asked for a VAT invoice for one demo order (cms/demo/orders.py), so
``manage.py einvoice_export --order OCOP-DEMO-0002`` writes an XML with the company and its tax code.
Idempotent."""

from oscar.core.loading import get_model

from shop.einvoice.models import InvoiceRequest

Order = get_model("order", "Order")

DEMO_INVOICE_ORDER = "OCOP-DEMO-0002"
DEMO_COMPANY = {
    "company_name": "Công ty TNHH Du lịch Sa Pa Xanh",
    "tax_code": "5300123456",
    "address": "Số 12 đường Cầu Mây, phường Sa Pa, tỉnh Lào Cai",
    "email": "ketoan@sapaxanh.example.vn",
}


def ensure_demo_invoice_request():
    order = Order.objects.filter(number=DEMO_INVOICE_ORDER).first()
    if order is not None:
        InvoiceRequest.objects.get_or_create(order=order, defaults=DEMO_COMPANY)
