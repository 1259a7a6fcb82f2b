"""Bank transfer by VietQR: the provider (``gateway``), the NAPAS EMVCo QR payload (``payload``) and the
bank statement import that confirms transfers (``statements``)."""
