"""Becoming and staying a producer on the market: the public application (``onboarding``), the OCOP office's
verification and suspension of producers (``verification``), and a producer's own people — invitations,
roles, leaving (``team``) — with their public pages (``views``, ``forms``, ``urls`` under ``/ban-hang/``:
applying, accepting an invitation).

These build on ``shop.partner`` (Oscar's partner app: the ``Partner`` model, who may act for a producer —
``access`` — the activity log, the pricing strategy) and on the OCOP product services (``catalogue.ocop``),
which build on ``shop.partner`` too. The producers' own back office is the portal (``shop.dashboard.portal``).
"""
