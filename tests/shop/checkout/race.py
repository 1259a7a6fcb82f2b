"""Many buyers placing orders for the same product at the same moment, through the real checkout.

Used by the no-overselling tests (PostgreSQL in the suite; SQLite in a subprocess, run as
``python -m tests.shop.checkout.race --sqlite``). Each buyer is a test client in its own thread with its
own database connection: they fill their baskets and reach the preview one after another, then all
press "place order" together behind a barrier.
"""

import json
import sys
import threading

from django.db import connection
from django.test import Client
from django.urls import reverse


def prepare_last_units(units):
    """A demo product with exactly ``units`` left to sell (committed)."""
    from oscar.core.loading import get_model

    from tests.shop.checkout.journey import buyable_products

    StockRecord = get_model("partner", "StockRecord")
    (product,) = buyable_products(1)
    record = StockRecord.objects.get(product=product)
    record.num_in_stock = (record.num_allocated or 0) + units
    record.save()
    return product


def race(product, buyers, method="cod"):
    """Returns, per buyer: placed (bool), the response's status and text, the client."""
    from tests.shop.checkout.journey import add_to_basket, lao_cai_address, place_order, reach_preview

    # Different people: their own client address, phone and street, so the limits on one buyer's unpaid
    # cash-on-delivery orders and on guest orders per address (payments.cod_limits) see strangers.
    clients = [Client(REMOTE_ADDR=f"10.1.{number // 200}.{number % 200 + 1}") for number in range(buyers)]
    previews = []
    for number, client in enumerate(clients):
        add_to_basket(client, product, 1)
        previews.append(
            reach_preview(
                client,
                method=method,
                email=f"nguoi.mua.{number}@example.vn",
                address=lao_cai_address(phone_number=f"0912{number:06d}", line1=f"Số {number + 1} đường Hoàng Liên"),
            )
        )
    connection.close()
    barrier = threading.Barrier(buyers)
    results = [None] * buyers

    def buy(number):
        try:
            barrier.wait()
            response = place_order(clients[number], previews[number])
            placed = response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
            results[number] = {
                "placed": placed,
                "status": response.status_code,
                "text": response.content.decode(),
                "location": response.get("Location", ""),
            }
        except Exception as error:  # reported, never swallowed: the test asserts on it
            results[number] = {"placed": False, "status": 0, "text": "", "error": repr(error)}
        finally:
            connection.close()

    threads = [threading.Thread(target=buy, args=(n,)) for n in range(buyers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result, client in zip(results, clients):
        result["client"] = client
    return results


def outcome(product, results):
    """What the tests assert on, as plain data (also printed as JSON by the SQLite subprocess)."""
    from oscar.core.loading import get_model

    Order = get_model("order", "Order")
    StockRecord = get_model("partner", "StockRecord")
    record = StockRecord.objects.get(product=product)
    losers = []
    for result in results:
        if result["placed"]:
            continue
        basket_page = result["client"].get(reverse("basket:summary"))
        losers.append(
            {
                "status": result["status"],
                "error": result.get("error", ""),
                "message_shown": "hết hàng" in result["text"]
                or "hết hàng" in basket_page.content.decode()
                or "chỉ còn" in result["text"]
                or "không còn" in basket_page.content.decode(),
                "basket_items": basket_page.context["basket"].num_items,
            }
        )
    return {
        "orders": Order.objects.filter(guest_email__startswith="nguoi.mua.", lines__product=product).distinct().count(),
        "placed": sum(1 for r in results if r["placed"]),
        "left_to_sell": record.num_in_stock - (record.num_allocated or 0),
        "losers": losers,
    }


def _sqlite_main():
    import os
    import tempfile

    folder = tempfile.mkdtemp(prefix="ocop-sqlite-race-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/race.sqlite3"
    os.environ["OCOP_VAR_DIR"] = folder
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "shop.settings.dev"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    settings.ALLOWED_HOSTS = ["*"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    buyers, units = int(sys.argv[2]), int(sys.argv[3])
    product = prepare_last_units(units)
    result = outcome(product, race(product, buyers))
    print(json.dumps(result))


if __name__ == "__main__" and sys.argv[1:2] == ["--sqlite"]:
    _sqlite_main()
