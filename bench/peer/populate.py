"""Populate the stock Oscar peer with N products through Oscar's models, in bulk (issue 20, item 1).

    PEER_DATABASE_URL=... .venv/bin/python bench/peer/populate.py 10000 [--reset] [--seed 1]

Migrates the peer's database, then creates one product class, a tree of 20 categories (5 roots × 3
children), one partner, and N public standalone products, each in one category with one stock record
(price in VND, stock), and Viet Nam as the shipping country (guest checkout, bench/place_order_benchmark.py). Titles are recombined from the demo products' titles (``cms/demo/data.py``, plain
data) with varieties, places and packs, as ``bench/scale_catalogue.py`` does for our site. Products, category
links and stock records are bulk-created, so 10,000 take seconds. Idempotent: when the peer already has exactly
N products it does nothing; when it has another number it refuses, unless ``--reset`` (deletes the catalogue
first). No pictures: Oscar's cards show its "image not found" picture through sorl-thumbnail.
"""

import argparse
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.peer.settings"  # never the site's settings (common.sh exports them)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402
from oscar.core.utils import slugify  # noqa: E402

from cms.demo import data as demo  # noqa: E402

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
Country = get_model("address", "Country")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

CATEGORIES = {
    "Thực phẩm": ["Chè và trà", "Mật ong", "Đặc sản khô"],
    "Đồ uống": ["Rượu", "Nước ép", "Cà phê"],
    "Thảo dược": ["Dược liệu", "Lá tắm", "Tinh dầu"],
    "Thủ công mỹ nghệ": ["Thổ cẩm", "Mây tre đan", "Gốm"],
    "Quà tặng": ["Hộp quà", "Quà biếu Tết", "Đặc sản vùng cao"],
}
VARIETIES = ["cổ thụ", "hữu cơ", "loại 1", "loại đặc biệt", "thượng hạng", "truyền thống", "thủ công", "rừng"]
PLACES = ["Sa Pa", "Bắc Hà", "Bát Xát", "Mường Khương", "Si Ma Cai", "Văn Bàn", "Bảo Thắng", "Tả Phìn"]
PACKS = ["túi 200g", "túi 500g", "hộp 100g", "hộp 250g", "hũ 300g", "chai 500ml", "lọ 250ml", "túi 1kg"]
PACK_WORDS = {"túi", "hộp", "chai", "thùng", "gói", "hũ", "lọ", "bộ", "chậu"}
CHUNK = 1000


def base_title(title):
    """'Chè Shan tuyết Suối Giàng hộp 200g' → 'Chè Shan tuyết Suối Giàng' (the words before the pack)."""
    words = title.split()
    for position, word in enumerate(words):
        if position >= 2 and (word.lower() in PACK_WORDS or word[0].isdigit() or word == "–"):
            return " ".join(words[:position])
    return title


def reset():
    StockRecord.objects.all().delete()
    Product.objects.all().delete()
    Category.objects.all().delete()
    ProductClass.objects.all().delete()
    Partner.objects.all().delete()


def make_categories():
    leaves = []
    for root_name, children in CATEGORIES.items():
        root = Category.add_root(name=root_name)
        for child_name in children:
            leaves.append(root.add_child(name=child_name))
    return leaves


def populate(count, seed):
    rng = random.Random(seed)
    # (base title, price, packed): a pack ("túi 500g") only for the demo products that had one (no "homestay hộp 100g").
    templates = [
        (
            base_title(row["title"]),
            Decimal(row["price"]),
            any(word.lower() in PACK_WORDS for word in row["title"].split()),
        )
        for row in demo.PRODUCTS
        if row.get("price")
    ]
    product_class = ProductClass.objects.create(name="Sản phẩm OCOP", requires_shipping=True, track_stock=True)
    leaves = make_categories()
    partner = Partner.objects.create(name="Nhà sản xuất (peer)", code="peer")
    made = 0
    while made < count:
        size = min(CHUNK, count - made)
        products, prices = [], []
        for number in range(made, made + size):
            base, price, packed = rng.choice(templates)
            title = " ".join(
                part
                for part in (
                    base,
                    rng.choice(VARIETIES),
                    rng.choice(PLACES) if rng.random() < 0.6 else "",
                    rng.choice(PACKS) if packed else "",
                )
                if part
            )
            products.append(
                Product(
                    structure=Product.STANDALONE,
                    upc=f"PEER-{number:06d}",
                    title=title,
                    slug=slugify(title)[:255],
                    description=f"<p>{title}: sản phẩm OCOP, dữ liệu của bài đo tải.</p>",
                    product_class=product_class,
                    is_public=True,
                )
            )
            prices.append(Decimal(max(10000, round(float(price) * rng.uniform(0.6, 1.8), -3))))
        with transaction.atomic():
            products = Product.objects.bulk_create(products)
            ProductCategory.objects.bulk_create(
                ProductCategory(product=product, category=rng.choice(leaves)) for product in products
            )
            StockRecord.objects.bulk_create(
                StockRecord(
                    product=product,
                    partner=partner,
                    partner_sku=product.upc,
                    price_currency="VND",
                    price=price,
                    num_in_stock=rng.randint(20, 500),
                    num_allocated=0,
                )
                for product, price in zip(products, prices)
            )
        made += size


def ship_to_vietnam():
    """Viet Nam as Oscar's one shipping country (Oscar's docs load the countries with ``oscar_populate_countries``;
    the peer needs only this one), so the peer's guests can check out (bench/place_order_benchmark.py)."""
    fields = {key: value for key, value in demo.VIET_NAM.items() if key != "iso_3166_1_a2"}
    Country.objects.update_or_create(iso_3166_1_a2=demo.VIET_NAM["iso_3166_1_a2"], defaults=fields)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("products", type=int, help="how many products the peer should have")
    parser.add_argument("--reset", action="store_true", help="delete the peer's catalogue first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    ship_to_vietnam()
    existing = Product.objects.count()
    if existing and not args.reset:
        if existing == args.products:
            print(f"Peer: already {existing} products; nothing to do.")
            return 0
        print(f"Peer: {existing} products already, {args.products} asked: run with --reset.", file=sys.stderr)
        return 1
    if args.reset:
        reset()
    populate(args.products, args.seed)
    print(
        f"Peer: {Product.objects.count()} products, {Category.objects.count()} categories, "
        f"{StockRecord.objects.count()} stock records in {time.perf_counter() - started:.1f} s (migrations included)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
