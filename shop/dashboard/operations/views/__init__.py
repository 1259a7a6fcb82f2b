"""The operations pages, one module per page family: the shipping rates (``shipping``)."""
