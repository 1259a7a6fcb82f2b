"""The producers' portal pages, one module per page family: products, images, prices and stock
(``products``), orders and fulfilment (``orders``), sales and settlements (``sales``), the team and
the producer switcher (``team``), and the OCOP side of the products — certificates, submission
(``certificates``)."""
