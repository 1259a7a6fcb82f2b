"""Bank transfer by VietQR: the provider (``gateway``), the links that open a banking app (``deeplink``) and the
bank statement import that confirms transfers (``statements``). The NAPAS EMVCo payload itself is
``shop.core.vietqr`` (payouts build it too)."""
