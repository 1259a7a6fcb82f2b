import oscar.apps.offer.apps as apps


class OfferConfig(apps.OfferConfig):
    name = "shop.offer"

    def ready(self):
        super().ready()
        from shop.offer import signal_handlers

        signal_handlers.connect()
