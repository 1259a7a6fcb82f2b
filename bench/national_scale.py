"""The provincial offices at national size (issue 23): 34 provinces, 8,000 producers, 17,000 certified products.

    .venv/bin/python bench/national_scale.py [--producers 8000] [--products 17000] [--pending 1000]
                                             [--repeat 5] [--import-rows 10000] [--seed 1]

Run on a throwaway database with the demo loaded (``manage.py load_demo_data``), under the production-like
settings of bench/common.sh (``bench.settings``, static files collected): see bench/README.md, "National
scale". In-process, through Django's test client (the whole middleware stack, no network, page cache off).

1. Baseline: the figures page and the review queue, for the national role and for one province's officer,
   on the data as it is (the demo: five provinces, ~85 products) — skipped when the national data is there.
2. Builds the national data with bulk_create: producers spread over the 34 provinces (uneven, as the
   provinces are) and their communes, mostly verified (some pending, some unclaimed registry stubs);
   products with certificates (★3 60 %, ★4 32 %, ★5 8 %; the six groups; decided 1–36 months ago by the
   authority the era allows, so some are expiring), ``--pending`` of them submitted and waiting in the review
   queue, the rest approved and on sale; a dated registry count per province. Idempotent: producers are
   found by their ``nat-`` code.
3. The same pages at national size: median of ``--repeat`` requests after a warm-up, and SQL queries.
4. When ``shop.registry.importer.import_file`` exists: a ``--import-rows`` line CSV in the registry's
   Vietnamese layout for one province, imported as a dry run, for real, and again (nothing may change).

Prints one table; copy it into bench/README.md.
"""

import argparse
import datetime
import io
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Permission  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from catalogue.programme import rules, taxonomy  # noqa: E402
from catalogue.programme.review import ReviewStatus  # noqa: E402
from cms.demo.loader import ensure_categories  # noqa: E402
from cms.demo.workflow import product_class  # noqa: E402
from shop.core import addresses  # noqa: E402
from shop.core.text import ascii_slugify, folded_product_text  # noqa: E402
from shop.registry.counts import record_count  # noqa: E402
from shop.registry.models import ProvinceRegistry  # noqa: E402
from shop.users.models import OfficerProvince  # noqa: E402

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
settings.OCOP_PAGE_CACHE_SECONDS = 0

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductCategory = Product.categories.through

CODE_PREFIX, UPC_PREFIX = "nat-", "NAT-"
CHUNK = 2000
OFFICER_PROVINCE = 15  # Lào Cai: the demo's own province, so its officer's baseline has data
IMPORT_PROVINCE = 38  # Thanh Hóa
REGISTRY_SOURCE = "Bench: quy mô toàn quốc"
NATIONAL_EMAIL, OFFICER_EMAIL = "bench.national@ocop.example.vn", "bench.laocai@ocop.example.vn"

# (group, subgroup, Vietnamese product word, price in đồng) — what the provinces' lists are made of.
KINDS = [
    ("food", "rice-grains", "Gạo", 90_000),
    ("food", "honey", "Mật ong", 300_000),
    ("food", "processed-food", "Miến", 70_000),
    ("food", "meat-fish", "Thịt gác bếp", 450_000),
    ("food", "sauces-spices", "Tương ớt", 45_000),
    ("food", "fresh-produce", "Cam", 60_000),
    ("drinks", "tea", "Chè", 200_000),
    ("drinks", "non-alcoholic", "Cà phê", 160_000),
    ("drinks", "alcoholic", "Rượu", 250_000),
    ("herbal", "essential-oils", "Tinh dầu", 150_000),
    ("herbal", "herbal-tea", "Trà", 120_000),
    ("handicraft", "brocade", "Thổ cẩm", 350_000),
    ("handicraft", "bamboo-rattan", "Giỏ mây tre", 180_000),
    ("ornamental", "ornamental-plants", "Lan", 400_000),
    ("tourism", "community-tourism", "Homestay", 500_000),
]
KIND_WEIGHTS = [10, 6, 8, 6, 7, 5, 10, 6, 5, 4, 5, 3, 2, 1, 2]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Lý", "Giàng", "Lò", "Đặng", "Quàng", "Bùi", "Đinh"]
GIVEN = ["Mai", "Lan", "Dính", "Páo", "Hùng", "Dung", "Sử", "Hoa", "Tùng", "Phương", "Xuân", "Thắng", "Bích"]
PRODUCER_KINDS = [("cooperative", "Hợp tác xã"), ("household", "Hộ kinh doanh"), ("enterprise", "Công ty TNHH")]


# --- measuring ---------------------------------------------------------------------------------------------


class Queries:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(user, path, repeat):
    """(median ms, SQL queries of the last request, status) of ``path`` for ``user``, after a warm-up."""
    client = Client(raise_request_exception=True)
    client.force_login(user)
    client.get(path)
    times, queries, status = [], None, None
    for _ in range(repeat):
        counter = Queries()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
        queries, status = counter.count, response.status_code
    return statistics.median(times) * 1000, queries, status


def pages():
    return {
        "figures": reverse("dashboard:ocop-figures"),
        "review queue": reverse("dashboard:ocop-review-queue"),
    }


def measure_all(users, repeat):
    return {(page, role): measure(user, path, repeat) for page, path in pages().items() for role, user in users.items()}


def bench_users():
    """A national officer (every province) and Lào Cai's officer, both reviewers."""
    User = get_user_model()
    review = Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
    national_perms = [
        review,
        Permission.objects.get(codename="see_all_provinces", content_type__app_label="users"),
        Permission.objects.get(codename="add_provinceregistry", content_type__app_label="registry"),
    ]
    users = {}
    for role, email, permissions in (
        ("national", NATIONAL_EMAIL, national_perms),
        ("one province", OFFICER_EMAIL, [review]),
    ):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=None, last_name="Cán bộ", first_name="Bench")
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.user_permissions.add(*permissions)
        users[role] = user
    OfficerProvince.objects.get_or_create(user=users["one province"], province_code=OFFICER_PROVINCE)
    return users


# --- the national data -------------------------------------------------------------------------------------


def _certificate_fields(rng, today, province):
    """Stars, score, a decision date 1–36 months ago and the authority its era allows for those stars."""
    stars = rng.choices([3, 4, 5], weights=[60, 32, 8])[0]
    decided = today - datetime.timedelta(days=rng.randint(30, 1090))
    era = rules.era_on(decided)
    level = rules.allowed_levels(era, stars)[0]
    issuer = {
        rules.CENTRAL: "Bộ Nông nghiệp và Môi trường",
        rules.PROVINCE: f"UBND tỉnh {province}",
        rules.DISTRICT: "UBND huyện (cũ)",
    }[level]
    return {
        "star_rating": stars,
        "score": {3: 55, 4: 72, 5: 90}[stars] + rng.randint(0, 9),
        "decision_date": decided,
        "expires_on": rules.default_expiry(decided),
        "issuer": issuer,
        "issuer_level": level,
        "taxonomy_version": era.taxonomy_version,
    }


def build_producers(rng, count, weights):
    """``count`` producers over the provinces by ``weights``, each in one of its province's communes."""
    existing = Partner.objects.filter(code__startswith=CODE_PREFIX).count()
    provinces = list(weights)
    wards = {code: [ward for ward, _name in addresses.ward_choices(code)] for code in provinces}
    now = timezone.now()
    made = []
    for number in range(existing, count):
        province = rng.choices(provinces, weights=[weights[p] for p in provinces])[0]
        kind, kind_name = rng.choices(PRODUCER_KINDS, weights=[43, 45, 12])[0]
        person = f"{rng.choice(FAMILY)} {rng.choice(['Thị', 'Văn', 'Đức', 'Minh'])} {rng.choice(GIVEN)}"
        name = f"{kind_name} {person} {number}"
        status = rng.choices(
            [Partner.Verification.VERIFIED, Partner.Verification.PENDING, Partner.Verification.UNCLAIMED],
            weights=[88, 4, 8],
        )[0]
        account = rng.random() < 0.6
        made.append(
            Partner(
                code=f"{CODE_PREFIX}{number:05d}",
                name=name,
                legal_name=name,
                kind=kind,
                representative=person,
                registration_number=f"77{number:08d}",
                phone=f"09{number:08d}",
                email=f"nat.producer.{number}@example.vn",
                province_code=province,
                ward_code=rng.choice(wards[province]),
                street="Thôn 1",
                story="Chủ thể OCOP dựng cho bài đo quy mô toàn quốc.",
                has_epayment_account=account,
                bank_name="Agribank" if account else "",
                bank_account_number=f"7700{number:08d}" if account else "",
                bank_account_holder=name.upper() if account else "",
                verification_status=status,
                verification_decided_at=now if status == Partner.Verification.VERIFIED else None,
            )
        )
    Partner.objects.bulk_create(made, batch_size=CHUNK)
    return list(Partner.objects.filter(code__startswith=CODE_PREFIX).order_by("pk"))


def build_products(rng, producers, count, pending):
    """``count`` products with certificates: ``pending`` submitted (the review queue), the rest approved."""
    existing = Product.objects.filter(upc__startswith=UPC_PREFIX).count()
    if existing >= count:
        return existing
    today = timezone.localdate()
    categories = ensure_categories()
    goods, services = product_class(False), product_class(True)
    reviewer = get_user_model().objects.get(email=NATIONAL_EMAIL)
    verified = [p for p in producers if p.verification_status == Partner.Verification.VERIFIED]
    for start in range(existing, count, CHUNK):
        batch = []
        for number in range(start, min(count, start + CHUNK)):
            waiting = number < pending
            producer = rng.choice(producers if waiting else verified)
            group, subgroup, word, price = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
            place = addresses.ward_name(producer.ward_code).split(" ", 1)[-1]
            title = f"{word} {place} {number}"
            batch.append(
                (
                    producer,
                    price,
                    subgroup,
                    Product(
                        upc=f"{UPC_PREFIX}{number:06d}",
                        title=title,
                        slug=ascii_slugify(title)[:255],
                        description="<p>Sản phẩm OCOP dựng cho bài đo quy mô toàn quốc.</p>",
                        product_class=services if group in taxonomy.SERVICE_GROUPS else goods,
                        structure=Product.STANDALONE,
                        ocop_group=group,
                        ocop_subgroup=subgroup,
                        weight_grams=None if group in taxonomy.SERVICE_GROUPS else 500,
                        is_public=not waiting,
                        review_status=ReviewStatus.SUBMITTED if waiting else ReviewStatus.APPROVED,
                        search_folded=folded_product_text(title, "", ""),
                    ),
                )
            )
        with transaction.atomic():
            products = Product.objects.bulk_create([item[3] for item in batch])
            records, certificates, links, log = [], [], [], []
            for (producer, price, subgroup, _unsaved), product in zip(batch, products):
                waiting = product.review_status == ReviewStatus.SUBMITTED
                records.append(
                    StockRecord(
                        product=product,
                        partner=producer,
                        partner_sku=product.upc,
                        price=Decimal(round(price * rng.uniform(0.6, 1.8), -3)),
                        num_in_stock=rng.randint(0, 300),
                        num_allocated=0,
                    )
                )
                certificates.append(
                    OcopCertificate(
                        product=product,
                        decision_number=f"{rng.randint(100, 3999)}/QĐ-UBND",
                        review=OcopCertificate.Review.PENDING if waiting else OcopCertificate.Review.APPROVED,
                        status=OcopCertificate.Status.VALID,
                        **_certificate_fields(rng, today, addresses.province_name(producer.province_code)),
                    )
                )
                links.append(ProductCategory(product=product, category=categories[subgroup]))
                if not waiting:
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
            ProductCategory.objects.bulk_create(links)
            ReviewLogEntry.objects.bulk_create(log)
        print(f"  products {min(count, start + CHUNK)}/{count}", flush=True)
    return count


def record_registry(rng, weights):
    """A dated registry count per province: more certified than listed, as the seeds say."""
    as_of = timezone.localdate() - datetime.timedelta(days=30)
    listed = dict.fromkeys(weights, 0)
    for code in StockRecord.objects.filter(product__upc__startswith=UPC_PREFIX).values_list(
        "partner__province_code", flat=True
    ):
        listed[code] = listed.get(code, 0) + 1
    for code in weights:
        record_count(code, int(listed[code] * rng.uniform(1.2, 3.0)) + 1, as_of, REGISTRY_SOURCE)


# --- the registry import -----------------------------------------------------------------------------------


def registry_csv(rng, rows, province):
    """A province's OCOP list in the registry's Vietnamese layout (shop/registry/reading.py), ``rows`` lines."""
    import csv

    wards = [name for _code, name in addresses.ward_choices(province)]
    groups = {group.key: group.name for group in taxonomy.GROUPS_148}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "STT",
            "Tên sản phẩm",
            "Chủ thể",
            "Mã số ĐKKD / MST",
            "Xã/phường",
            "Hạng sao",
            "Số quyết định",
            "Ngày quyết định",
            "Cơ quan công nhận",
            "Nhóm sản phẩm",
        ]
    )
    producers = [(f"Hợp tác xã Nhập Thử {n}", f"66{n:08d}", rng.choice(wards)) for n in range(max(1, rows // 3))]
    for line in range(rows):
        name, registration, ward = producers[line % len(producers)]
        group, _subgroup, word, _price = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
        fields = _certificate_fields(rng, timezone.localdate(), addresses.province_name(province))
        writer.writerow(
            [
                line + 1,
                f"{word} {ward.split(' ', 1)[-1]} số {line}",
                name,
                registration,
                ward,
                fields["star_rating"],
                f"{1000 + line}/QĐ-UBND",
                fields["decision_date"].strftime("%d/%m/%Y"),
                fields["issuer"],
                groups[group],
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def bench_import(rng, rows):
    """[(label, seconds, outcome counts)] of a dry run, the real run and a second real run of one file."""
    try:
        from shop.registry.importer import import_file
    except ImportError:
        return []
    data = registry_csv(rng, rows, IMPORT_PROVINCE)
    results = []
    for label, dry_run in (("dry run", True), ("real run", False), ("same file again", False)):
        started = time.perf_counter()
        report = import_file(
            io.BytesIO(data),
            "bench-registry.csv",
            IMPORT_PROVINCE,
            as_of=timezone.localdate(),
            source="Bench: danh sách OCOP 10.000 dòng",
            dry_run=dry_run,
        )
        seconds = time.perf_counter() - started
        counts = report.counts
        results.append((label, seconds, counts))
        print(f"  import {label}: {seconds:.1f} s {counts}", flush=True)
    return results


# --- main --------------------------------------------------------------------------------------------------


def scale_summary():
    return (
        f"{Partner.objects.values('province_code').distinct().count()} provinces, "
        f"{Partner.objects.count()} producers, {Product.objects.count()} products, "
        f"{Product.objects.filter(review_status=ReviewStatus.SUBMITTED).count()} in the review queue"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--producers", type=int, default=8000)
    parser.add_argument("--products", type=int, default=17000)
    parser.add_argument("--pending", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--import-rows", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    users = bench_users()

    baseline, baseline_scale = None, scale_summary()
    if not Partner.objects.filter(code__startswith=CODE_PREFIX).exists():
        print(f"Baseline: {baseline_scale}", flush=True)
        baseline = measure_all(users, args.repeat)

    started = time.perf_counter()
    weights = {code: rng.uniform(0.4, 2.0) for code, _name in addresses.province_choices()}
    producers = build_producers(rng, args.producers, weights)
    made = build_products(rng, producers, args.products, args.pending)
    if made and not ProvinceRegistry.objects.filter(source=REGISTRY_SOURCE).exists():
        record_registry(rng, weights)
    built = time.perf_counter() - started
    national_scale = scale_summary()
    print(f"National data: {national_scale} (built in {built:.0f} s)", flush=True)
    national = measure_all(users, args.repeat)
    imports = bench_import(rng, args.import_rows) if args.import_rows else []

    print()
    print(f"Baseline: {baseline_scale if baseline else 'not measured (national data already there)'}")
    print(f"National: {national_scale}")
    print()
    print("| page | role | baseline ms | baseline SQL | national ms | national SQL | status |")
    print("|---|---|---:|---:|---:|---:|---|")
    for (page, role), (ms, queries, status) in national.items():
        base = baseline.get((page, role)) if baseline else None
        base_ms, base_sql = (f"{base[0]:.0f}", f"{base[1]}") if base else ("–", "–")
        print(f"| {page} | {role} | {base_ms} | {base_sql} | {ms:.0f} | {queries} | {status} |")
    if imports:
        print()
        print(f"| registry import ({args.import_rows} lines, {addresses.province_name(IMPORT_PROVINCE)}) | s | lines |")
        print("|---|---:|---|")
        for label, seconds, counts in imports:
            print(f"| {label} | {seconds:.1f} | {', '.join(f'{k}: {v}' for k, v in counts.items())} |")


if __name__ == "__main__":
    main()
