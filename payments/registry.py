"""The payment methods a deployment offers, one provider class each, behind one interface
(``payments.providers.base.PaymentProvider``).

Checkout only talks to this registry: ``available_providers()`` for the choice shown to the buyer
and ``get_provider(code)`` for the chosen one. A method is offered when it is listed in
``settings.OCOP_PAYMENT_METHODS`` *and* its own settings are present (``is_configured``), so a
deployment without Stripe keys simply has no card payment instead of crashing. Providers are named by
dotted path and imported on use: the registry sits in ``payments`` below the provider folders, which build on
``payments.models`` and ``payments.states``.
"""

from django.conf import settings
from django.utils.module_loading import import_string

PROVIDER_CLASSES = {
    "cod": "payments.providers.cod.gateway.CashOnDeliveryProvider",
    "vietqr": "payments.providers.vietqr.gateway.VietQRTransferProvider",
    "stripe": "payments.providers.stripe.gateway.StripeCardProvider",
    "vnpay": "payments.providers.vnpay.gateway.VNPayProvider",
}


class UnknownPaymentMethod(LookupError):
    pass


def get_provider(code):
    """The provider for ``code`` whether or not it is enabled now (a paid order keeps its method)."""
    try:
        path = PROVIDER_CLASSES[code]
    except KeyError:
        raise UnknownPaymentMethod(code) from None
    return import_string(path)()


def available_providers():
    """The providers a buyer may choose now, in the order of ``OCOP_PAYMENT_METHODS``."""
    providers = []
    for code in settings.OCOP_PAYMENT_METHODS:
        if code not in PROVIDER_CLASSES:
            continue
        provider = get_provider(code)
        if provider.is_configured():
            providers.append(provider)
    return providers


def is_available(code):
    return any(provider.code == code for provider in available_providers())
