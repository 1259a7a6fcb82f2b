"""Downloading the e-invoice XML of one producer's part of an order: from the producers' portal (the part of
the producer the user works for, ``shop.partner.access``) and from the finance dashboard (any part). The
dashboards' ``permissions_map`` guard the URLs; these views narrow to the parts the user may see."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View
from oscar.core.loading import get_model

from shop.einvoice.services import export_xml
from shop.partner.access import producer_for_request

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")


def xml_response(order, partner):
    document = export_xml(order, partner)
    if document is None:
        raise Http404
    response = HttpResponse(document, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hoa-don-{order.number}-{partner.pk}.xml"'
    response["Cache-Control"] = "private, no-store"
    return response


class PortalEInvoiceXmlView(View):
    """The XML of the current producer's part (``?producer=<id>`` picks one of the user's producers)."""

    def get(self, request, number):
        producer = producer_for_request(request, request.GET.get("producer") or None)
        order = get_object_or_404(Order, number=number)
        return xml_response(order, producer)


class FinanceEInvoiceXmlView(View):
    def get(self, request, number, partner_id):
        order = get_object_or_404(Order, number=number)
        return xml_response(order, get_object_or_404(Partner, pk=partner_id))
