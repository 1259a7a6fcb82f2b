"""VNPay 2.1.0: the provider (``gateway``), signing and parsing VNPay's parameters (``signing``), the IPN,
return and pay-again pages (``views``, ``urls``)."""
