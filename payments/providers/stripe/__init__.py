"""Stripe card payments: the provider (``gateway``), the card and return pages and the signed webhook
(``views``, ``urls``)."""
