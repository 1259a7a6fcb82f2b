"""The payment methods, each in its folder — ``cod/``, ``vietqr/``, ``vnpay/``, ``stripe/`` — holding its provider
class (``gateway.py``, on the interface of ``base.PaymentProvider``) and whatever else is its own: parsing and
signing, pages and URLs, the bank statement import. ``payments.registry`` lists them and picks the ones offered.
"""
