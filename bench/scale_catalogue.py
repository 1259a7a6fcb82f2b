"""Scale the demo market to N listed products (bulk-created through Oscar's models), for the load runs.

    DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python bench/scale_catalogue.py --products 10000

Run after ``load_demo_data`` on a throwaway database (bench/common.sh does). Every product made here is
*listed* in the sense of ``catalogue.listing.for_sale``: public and approved (with the approval in the
review log, as the workflow writes it), a stock record of a verified producer, and an approved
certificate that backs the OCOP mark today. Titles, descriptions, groups, prices and weights are
recombined from the demo products (``cms/demo/data.py``) with varieties, sizes and the producer's
commune; ~N/25 extra verified producers are cloned from the demo's verified ones (same communes, new
names). Pictures and certificate scans reuse the demo product's files (one picture per demo template:
the thumbnails are the same work per page either way). ``search_folded`` is filled as ``Product.save``
would. Deterministic for a seed. Prints the number of listed products at the end; index them afterwards
with ``manage.py search_index rebuild``.
"""

import argparse
import datetime
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from catalogue.listing import for_sale  # noqa: E402
from catalogue.programme import rules, taxonomy  # noqa: E402
from catalogue.programme.review import ReviewStatus  # noqa: E402
from cms.demo import data as demo  # noqa: E402
from cms.demo.loader import REVIEWER_EMAIL, ensure_categories  # noqa: E402
from cms.demo.workflow import product_class  # noqa: E402
from shop.core.addresses import ward_name  # noqa: E402
from shop.core.text import ascii_slugify, folded_product_text  # noqa: E402

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductCategory = Product.categories.through

VARIETIES = [
    "cổ thụ",
    "hữu cơ",
    "loại 1",
    "loại đặc biệt",
    "thượng hạng",
    "truyền thống",
    "thủ công",
    "rừng",
    "sạch",
    "nguyên chất",
    "vùng cao",
    "tự nhiên",
    "đặc sản",
    "quà biếu",
]
PACKS = [
    "túi 200g",
    "túi 500g",
    "hộp 100g",
    "hộp 250g",
    "hũ 300g",
    "gói 150g",
    "chai 500ml",
    "lọ 250ml",
    "thùng 5kg",
    "túi 1kg",
    "hộp quà 2 món",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Lý", "Giàng", "Sùng", "Vàng", "Hà", "Lò", "Đặng", "Tẩn"]
MIDDLE = ["Thị", "Văn", "A", "Seo", "Thị Thu", "Đức", "Mí"]
GIVEN = ["Mai", "Lan", "Dính", "Páo", "Hùng", "Dung", "Sử", "Chứ", "Hoa", "Tùng", "Mẩy", "Phương", "Xuân", "Sính"]
UPC_PREFIX = "BENCH-"
CHUNK = 1000


def _base_title(title):
    """'Chè Shan tuyết Suối Giàng hộp 200g' → 'Chè Shan tuyết Suối Giàng' (the words before the pack)."""
    words = title.split()
    for position, word in enumerate(words):
        if position >= 2 and (
            word.lower() in {"túi", "hộp", "chai", "thùng", "gói", "hũ", "lọ", "bộ", "chậu"}
            or word[0].isdigit()
            or word == "–"
        ):
            return " ".join(words[:position])
    return title


def _clone_producers(rng, count):
    """``count`` more verified producers, cloned from the demo's verified ones."""
    templates = list(Partner.objects.filter(verification_status=Partner.Verification.VERIFIED).order_by("pk"))
    existing = Partner.objects.filter(code__startswith="bench-").count()
    now = timezone.now()
    made = []
    for number in range(existing, count):
        template = templates[number % len(templates)]
        person = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        kind = template.kind
        name = f"{template.get_kind_display()} {person}" if kind == "household" else f"{template.name} {number + 2}"
        made.append(
            Partner(
                code=f"bench-{number:05d}",
                name=name[:128],
                legal_name=name[:255],
                kind=kind,
                representative=person,
                registration_number=f"99{number:08d}",
                phone=template.phone,
                email=f"bench.producer.{number}@example.vn",
                province_code=template.province_code,
                ward_code=template.ward_code,
                street=template.street,
                story=template.story,
                has_epayment_account=template.has_epayment_account,
                bank_name=template.bank_name,
                bank_account_number=f"9900{number:08d}" if template.bank_account_number else "",
                bank_account_holder=name.upper() if template.bank_account_number else "",
                verification_status=Partner.Verification.VERIFIED,
                verification_decided_at=now,
                applied_at=now,
            )
        )
    Partner.objects.bulk_create(made, batch_size=CHUNK)
    return list(Partner.objects.filter(verification_status=Partner.Verification.VERIFIED).order_by("pk"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=10000, help="listed products wanted in all (10000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    today = timezone.localdate()
    already = for_sale().count()
    wanted = max(0, args.products - already)
    print(f"Listed products now: {already}; creating {wanted} more…", flush=True)
    if wanted == 0:
        return

    categories = ensure_categories()
    goods, services = product_class(False), product_class(True)
    reviewer = get_user_model().objects.filter(email=REVIEWER_EMAIL).first()
    demo_products = {
        p.upc: p
        for p in Product.objects.filter(upc__in=[row["sku"] for row in demo.PRODUCTS]).prefetch_related(
            "images", "ocop_certificates"
        )
    }
    templates = []
    for row in demo.PRODUCTS:
        product = demo_products.get(row["sku"])
        image = product.images.first() if product else None
        certificate = product.ocop_certificates.first() if product else None
        templates.append(
            {
                **row,
                "base": _base_title(row["title"]),
                "image": image.original.name if image else "",
                "scan": certificate.scan.name if certificate and certificate.scan else "",
            }
        )
    producers = _clone_producers(rng, max(1, wanted // 25))
    places = {}
    for producer in producers:
        place = ward_name(producer.ward_code) if producer.ward_code else ""
        for prefix in ("Phường ", "Xã ", "Đặc khu "):
            place = place[len(prefix) :] if place.startswith(prefix) else place
        places[producer.pk] = place
    offset = Product.objects.filter(upc__startswith=UPC_PREFIX).count()

    made = 0
    while made < wanted:
        batch = []
        for number in range(offset + made, offset + min(wanted, made + CHUNK)):
            template = rng.choice(templates)
            producer = rng.choice(producers)
            is_service = template["group"] in taxonomy.SERVICE_GROUPS
            title = " ".join(
                part
                for part in (
                    template["base"],
                    rng.choice(VARIETIES),
                    places[producer.pk] if rng.random() < 0.6 else "",
                    "" if is_service else rng.choice(PACKS),
                )
                if part
            )
            description = f"<p>{template['description']}</p>"
            batch.append(
                (
                    template,
                    producer,
                    is_service,
                    Product(
                        upc=f"{UPC_PREFIX}{number:06d}",
                        title=title[:255],
                        slug=ascii_slugify(title)[:255],
                        description=description,
                        product_class=services if is_service else goods,
                        structure=Product.STANDALONE,
                        ocop_group=template["group"],
                        ocop_subgroup=template["subgroup"],
                        weight_grams=None
                        if is_service
                        else int(template.get("weight_grams") or 500) + rng.randint(-50, 400),
                        is_public=True,
                        review_status=ReviewStatus.APPROVED,
                        search_folded=folded_product_text(title, description, ""),
                    ),
                )
            )
        with transaction.atomic():
            products = Product.objects.bulk_create([item[3] for item in batch])
            records, certificates, pictures, links, log = [], [], [], [], []
            for (template, producer, is_service, _unsaved), product in zip(batch, products):
                price = Decimal(max(10000, round(template["price"] * rng.uniform(0.6, 1.8), -3)))
                records.append(
                    StockRecord(
                        product=product,
                        partner=producer,
                        partner_sku=product.upc,
                        price=price,
                        num_in_stock=rng.randint(20, 500),
                        num_allocated=0,
                    )
                )
                decided = today - datetime.timedelta(days=rng.randint(30, 900))
                stars = rng.choices([3, 4, 5], weights=[60, 32, 8])[0]
                certificates.append(
                    OcopCertificate(
                        product=product,
                        star_rating=stars,
                        score={3: 60, 4: 75, 5: 92}[stars] + rng.randint(0, 8),
                        decision_number=f"{rng.randint(100, 3999)}/QĐ-UBND",
                        decision_date=decided,
                        expires_on=rules.default_expiry(decided),
                        issuer="UBND tỉnh Lào Cai",
                        # The level the era allows for these stars (rules.ERAS), so the data check stays clean.
                        issuer_level=rules.allowed_levels(rules.era_on(decided), stars)[0],
                        taxonomy_version=rules.era_on(decided).taxonomy_version,
                        scan=template["scan"],
                        review=OcopCertificate.Review.APPROVED,
                        status=OcopCertificate.Status.VALID,
                    )
                )
                if template["image"]:
                    pictures.append(
                        ProductImage(
                            product=product, original=template["image"], caption=product.title, display_order=0
                        )
                    )
                category = categories.get(template["subgroup"])
                if category is not None:
                    links.append(ProductCategory(product=product, category=category))
                log.append(
                    ReviewLogEntry(
                        product=product,
                        action="approve",
                        from_status=ReviewStatus.SUBMITTED,
                        to_status=ReviewStatus.APPROVED,
                        actor=reviewer,
                    )
                )
            StockRecord.objects.bulk_create(records)
            OcopCertificate.objects.bulk_create(certificates)
            ProductImage.objects.bulk_create(pictures)
            ProductCategory.objects.bulk_create(links)
            ReviewLogEntry.objects.bulk_create(log)
        made += len(batch)
        print(f"  {made}/{wanted}", flush=True)
    listed = for_sale().count()
    print(f"Listed products: {listed} ({len(producers)} verified producers) in {time.perf_counter() - started:.0f} s")
    if listed < args.products:
        sys.exit(f"Only {listed} listed products, {args.products} wanted.")


if __name__ == "__main__":
    main()
