import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = 'shop.order'

    def ready(self):
        super().ready()
        from oscar.apps.analytics import receivers as oscar_analytics
        from oscar.apps.order.signals import order_placed

        from shop.order import analytics

        # Purchase counters in bulk (see shop.order.analytics).
        order_placed.disconnect(oscar_analytics.receive_order_placed)
        order_placed.connect(analytics.receive_order_placed, dispatch_uid="ocop-order-analytics")
