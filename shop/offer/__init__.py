default_app_config = "shop.offer.apps.OfferConfig"
