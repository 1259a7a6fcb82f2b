import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "shop.order"

    def ready(self):
        super().ready()
        from oscar.apps.analytics import receivers as oscar_analytics
        from oscar.apps.order.signals import order_placed

        from shop.order import analytics

        # Purchase counters in bulk (see shop.order.analytics).
        order_placed.disconnect(oscar_analytics.receive_order_placed)
        order_placed.connect(analytics.receive_order_placed, dispatch_uid="ocop-order-analytics")

        # Payments sits below orders: it tells the order side when money arrived, the buyer is emailed here.
        from payments import states as payment_states

        payment_states.on_payment_received(_tell_buyer_payment_received)


def _tell_buyer_payment_received(order, payment):
    from payments.states import PAYMENT_RECEIVED_EVENT
    from shop.order.fulfilment import notify_customer

    notify_customer(order, PAYMENT_RECEIVED_EVENT, {"payment": payment}, event_name="Đơn hàng: đã nhận thanh toán")
