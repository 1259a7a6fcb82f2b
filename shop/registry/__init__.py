"""The provincial OCOP registry as the platform knows it: each province's list of certified products and the dated
counts drawn from it.

A province's office imports its list (``importer``: the dashboard pages in ``views``, the task in ``tasks``, the
``import_registry`` command), read by ``reading``; each real import records the province's dated count
(``ProvinceRegistry``, ``counts.record_count``), which may also be recorded by hand (the form on the programme
figures page, ``manage.py record_registry_count``). The programme figures (``shop.dashboard.review.figures``) read
the latest count of each province as the denominator of "share of the province's OCOP products on sale here".
This package never publishes a product: what it creates are hidden drafts and unclaimed producers.
"""
