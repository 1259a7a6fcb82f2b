"""The OCOP programme's rule book, in plain Python: the star scale and a certificate's validity (``rules``),
the product classification of Decisions 148 and 1048 (``taxonomy``), and how certificate scans are named and
kept (``scans``).

It imports no model and no service, so everything builds on it — the catalogue's models (their choices and
checks), the OCOP services in ``catalogue.ocop`` (review, editing, expiry), search facets and CMS blocks.
"""
