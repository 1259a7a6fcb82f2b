import oscar.apps.customer.apps as apps


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked so that its doors that show or keep a product — wish lists, stock
    alerts and their emails, recently viewed products — follow the sale rule (``catalogue.listing``).
    Models unchanged (``models.py`` re-exports Oscar's, the migrations are Oscar's)."""

    name = "shop.customer"
