"""Registry import benchmark (issue 23): a province's OCOP list of 10,000 lines, imported through the real importer.

    bash -c 'source scripts/postgres.sh && pg_start && .venv/bin/python bench/registry_import_benchmark.py; pg_stop'
    # options: --rows N (10000)  --producers P (3000)  --province CODE (1, Hà Nội)

Needs ``DATABASE_URL`` pointing at a PostgreSQL server. The script creates a throwaway database
``ocop_registry_bench_<pid>``, migrates it (no demo data: the province starts empty), writes a CSV list of N lines
(P producers in the province's communes, some with a registration number; decisions of 2024 by districts for ★3
and of 2025 by the province; a few lines the rules refuse) and times, each through ``importer.import_file``:

1. the dry run (everything computed and written inside a transaction rolled back);
2. the real run (producers, products, stock records and certificates created, in batches);
3. the same file again (every line "unchanged", nothing written but the report).

It prints seconds and lines/s for each, then drops the database (also on error or Ctrl-C).
"""

import argparse
import csv
import datetime
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.place_order_benchmark import _admin_connection  # noqa: E402

HEADER = [
    "Tên sản phẩm",
    "Chủ thể",
    "Mã số ĐKKD / MST",
    "Địa chỉ",
    "Xã/phường",
    "Hạng sao",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan công nhận",
    "Nhóm sản phẩm",
]
PRODUCTS = ("Chè", "Mật ong", "Gạo", "Miến", "Tinh dầu", "Rượu", "Nước mắm", "Bánh", "Thổ cẩm", "Homestay")
GROUPS = {
    "Chè": "Đồ uống",
    "Rượu": "Đồ uống",
    "Tinh dầu": "Dược liệu và sản phẩm từ dược liệu",
    "Thổ cẩm": "Hàng thủ công mỹ nghệ",
    "Homestay": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
}
KINDS = ("Hợp tác xã", "Công ty TNHH", "Hộ kinh doanh", "Tổ hợp tác")


def make_list(rows, producers, province_code):
    from shop.core import addresses

    rng = random.Random(23)
    wards = addresses.ward_choices(province_code)
    province = addresses.province_name(province_code)
    people = []
    for index in range(producers):
        _code, ward = wards[index % len(wards)]
        kind = KINDS[index % len(KINDS)]
        number = "" if kind == "Hộ kinh doanh" else f"01{index:08d}"
        people.append((f"{kind} Sản xuất {index:05d}", number, ward))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for line in range(rows):
        name, number, ward = people[line % producers]
        kind = PRODUCTS[line % len(PRODUCTS)]
        if line % 3 == 0:  # Decision 148: ★3 by the district
            stars, day, issuer = 3, datetime.date(2024, 1, 1) + datetime.timedelta(days=line % 500), "UBND huyện Cũ"
        else:
            stars, day, issuer = rng.choice((3, 3, 3, 4)), datetime.date(2025, 8, 1), f"UBND tỉnh {province}"
        if line % 500 == 499:  # a district after 6 July 2025: refused by the rules
            stars, day, issuer = 3, datetime.date(2025, 9, 1), "UBND huyện Cũ"
        writer.writerow(
            [
                f"{kind} đặc sản số {line:05d}",
                name,
                number,
                f"Thôn {line % 20}, {ward}",
                ward,
                stars,
                f"{line % 900 + 1}/QĐ-UBND",
                day.strftime("%d/%m/%Y"),
                issuer,
                GROUPS.get(kind, "Thực phẩm"),
            ]
        )
    return out.getvalue().encode("utf-8")


def timed(label, data, province_code, rows, **options):
    from shop.registry import importer

    started = time.perf_counter()
    result = importer.import_file(
        io.BytesIO(data), "bench.csv", province_code, as_of=datetime.date(2025, 12, 1), source="Benchmark", **options
    )
    seconds = time.perf_counter() - started
    print(f"{label:<12} {seconds:8.1f} s  {rows / seconds:8.0f} lines/s  {result.record.counts()}", flush=True)
    return result


def run(args):
    os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "shop.settings.dev"
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ["OCOP_VAR_DIR"] = tempfile.mkdtemp(prefix="ocop-bench-")
    os.environ.setdefault("OCOP_TASKS_BACKEND", "immediate")
    import django

    django.setup()
    from django.core.management import call_command

    print("Preparing: migrate…", flush=True)
    call_command("migrate", verbosity=0)
    data = make_list(args.rows, args.producers, args.province)
    print(f"{args.rows} lines, {args.producers} producers, province {args.province}", flush=True)
    timed("dry run", data, args.province, args.rows, dry_run=True)
    timed("real run", data, args.province, args.rows, dry_run=False)
    timed("re-import", data, args.province, args.rows, dry_run=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--producers", type=int, default=3_000)
    parser.add_argument("--province", type=int, default=1)
    args = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith("postgres"):
        sys.exit("DATABASE_URL must point at a PostgreSQL server (source scripts/postgres.sh && pg_start)")
    admin, _db = _admin_connection(server_url)
    name = f"ocop_registry_bench_{os.getpid()}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        os.environ["DATABASE_URL"] = server_url.rsplit("/", 1)[0] + "/" + name
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
