"""The provincial OCOP registry as the platform knows it: how many products each province has certified.

Today one figure per province (``ProvinceRegistry``), recorded by hand (the dashboard form on the programme
figures page, or ``manage.py record_registry_count``); issue 23 will import the provincial OCOP list itself. The
programme figures (``shop.dashboard.review.figures``) read the latest row of each province as the denominator of
"share of the province's OCOP products on sale here".
"""
