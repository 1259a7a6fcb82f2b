"""Search benchmark: N synthetic OCOP products, indexing throughput and search latency.

    DJANGO_SETTINGS_MODULE=shop.settings.dev ELASTICSEARCH_URL=http://127.0.0.1:9200 \
        .venv/bin/python bench/search_benchmark.py [--products N] [--queries M] [--seed S]

Generates N products as ProductDocument instances with the fields ``to_document``
produces (no SQL database is touched), indexes them into a throwaway index
``ocop-bench-…`` the way ``search_index rebuild`` does (``helpers.streaming_bulk``,
chunks of 500, then a refresh), and runs M queries of a fixed mix through
``ElasticsearchProductSearch.build`` plus M ``match_all`` queries as the baseline,
all with a search page's facets (terms and price range aggregations, size 24).
The index is deleted at the end, also on error or interrupt.
"""

import argparse
import logging
import math
import os
import platform
import random
import signal
import sys
import time
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402
from elasticsearch import helpers  # noqa: E402
from elasticsearch.dsl import Search  # noqa: E402
from vietnam_provinces import Province, Ward  # noqa: E402

from catalogue.programme.taxonomy import GROUPS_148  # noqa: E402
from cms.demo import data as demo  # noqa: E402
from shop.core.addresses import province_name, ward_name  # noqa: E402
from shop.core.text import fold, normalize  # noqa: E402
from shop.search import indexing  # noqa: E402
from shop.search.backends import ElasticsearchProductSearch  # noqa: E402
from shop.search.documents import ProductDocument  # noqa: E402

TARGET_DOCS_PER_SECOND = 3000
TARGET_P95_MS = 50
WARMUP = 20
PAGE_SIZE = 24
# Fixed, so that the same seed gives the same documents on any day.
CREATED_UNTIL = datetime(2026, 11, 23, 12, 0, tzinfo=dt_timezone.utc)
# Products on sale and their stars hold from today for a random time (the search filters on today).
TODAY = datetime.now(dt_timezone.utc).date()
PROVINCE_LAO_CAI = demo.PROVINCE_LAO_CAI

# --- synthetic catalogue -----------------------------------------------------------------------

PACKAGES = {"túi", "hộp", "chai", "thùng", "gói", "hũ", "chậu", "bộ", "lọ"}
DEMO_PLACES = [
    "Mù Cang Chải",
    "Suối Giàng",
    "Mường Khương",
    "Púng Luông",
    "Bảo Thắng",
    "Phong Hải",
    "Trấn Yên",
    "Văn Chấn",
    "Tả Phìn",
    "Bảo Yên",
    "Văn Bàn",
    "Bát Độ",
    "Lào Cai",
    "Bắc Hà",
    "Sa Pa",
    "Y Tý",
]
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
SIZES = {"g": [50, 100, 150, 200, 250, 300, 357, 500], "ml": [30, 50, 250, 330, 500, 750], "kg": [1, 2, 3, 5, 10]}
PACK_UNITS = {"túi": "g", "hộp": "g", "hũ": "g", "gói": "g", "chai": "ml", "lọ": "ml", "thùng": "kg"}
PRODUCER_KINDS = ["Hợp tác xã", "Hộ kinh doanh", "Công ty TNHH", "Tổ hợp tác", "Hộ kinh doanh"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Lý", "Giàng", "Sùng", "Vàng", "Hà", "Lò", "Đặng", "Tẩn"]
MIDDLE = ["Thị", "Văn", "A", "Seo", "Thị Thu", "Đức", "Mí"]
GIVEN = ["Mai", "Lan", "Dính", "Páo", "Hùng", "Dung", "Sử", "Chứ", "Hoa", "Tùng", "Mẩy", "Phương", "Xuân", "Sính"]


def _split_title(title):
    """'Chè Shan tuyết Suối Giàng hộp 200g' → ('Chè Shan tuyết Suối Giàng', 'hộp 200g')."""
    words = title.split()
    for position, word in enumerate(words):
        if position >= 2 and (word.lower() in PACKAGES or word[0].isdigit() or word == "–"):
            return " ".join(words[:position]), " ".join(words[position:])
    return title, ""


def _strip_place(base):
    for place in DEMO_PLACES:
        if place in base:
            return " ".join(base.replace(place, " ").split())
    return base


def _short_place(ward):
    for prefix in ("Phường ", "Xã ", "Đặc khu "):
        if ward.startswith(prefix):
            return ward[len(prefix) :]
    return ward


class Catalogue:
    """Deterministic synthetic products recombined from the demo data."""

    def __init__(self, rng, products):
        self.rng = rng
        self.templates = []
        for row in demo.PRODUCTS:
            base, suffix = _split_title(row["title"])
            self.templates.append({**row, "base": base, "bare": _strip_place(base), "suffix": suffix})
        self.sentences = {}
        for row in demo.PRODUCTS:
            parts = [part.strip() for part in row["description"].split(". ") if part.strip()]
            self.sentences.setdefault(row["group"], []).extend(parts)
        self.suffixes = {}
        for template in self.templates:
            if template["suffix"]:
                self.suffixes.setdefault(template["subgroup"], []).append(template["suffix"])
        # Category ids as the site's category tree would give them: one per group, one per subgroup.
        self.category_ids = {}
        for group in GROUPS_148:
            self.category_ids[group.key] = group.number * 1000
            for position, key in enumerate(group.subgroup_keys(), start=1):
                self.category_ids[(group.key, key)] = group.number * 1000 + position
        self.wards = {
            province.code.value: [ward.code.value for ward in Ward.iter_by_province(province.code)]
            for province in Province.iter_all()
        }
        self.other_provinces = sorted(code for code in self.wards if code != PROVINCE_LAO_CAI)
        self.producers = [self._producer(pk) for pk in range(1, max(20, products // 25) + 1)]

    def _producer(self, pk):
        rng = self.rng
        province = PROVINCE_LAO_CAI if rng.random() < 0.4 else rng.choice(self.other_provinces)
        ward = rng.choice(self.wards[province])
        kind = rng.choice(PRODUCER_KINDS)
        if kind == "Hộ kinh doanh":
            name = f"{kind} {rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        else:
            speciality = " ".join(rng.choice(self.templates)["bare"].split()[:2])
            name = f"{kind} {speciality} {_short_place(ward_name(ward))}"
        place = ", ".join(part for part in (ward_name(ward), province_name(province)) if part)
        return SimpleNamespace(
            pk=pk, name=name, province_code=province, ward=_short_place(ward_name(ward)), place=place
        )

    def _title(self, template, producer):
        rng = self.rng
        words = [template["base"] if rng.random() < 0.5 else template["bare"]]
        if rng.random() < 0.5:
            words.append(rng.choice(VARIETIES))
        if words[0] == template["bare"]:
            words.append(producer.ward)
        suffixes = self.suffixes.get(template["subgroup"])
        if suffixes and rng.random() < 0.6:
            words.append(rng.choice(suffixes))
        elif template["suffix"]:
            package = template["suffix"].split()[0].lower()
            unit = PACK_UNITS.get(package)
            if unit:
                words.append(f"{package} {rng.choice(SIZES[unit])}{unit}")
            else:
                words.append(template["suffix"])
        return " ".join(words)

    def _description(self, template):
        rng = self.rng
        first = template["description"].split(". ")[0]
        others = rng.sample(self.sentences[template["group"]], k=rng.randint(1, 2))
        return ". ".join([first, *others]).rstrip(".") + "."

    def document(self, pk):
        """One product as ``to_document`` would make it."""
        rng = self.rng
        template = rng.choice(self.templates)
        producer = rng.choice(self.producers)
        title, description = self._title(template, producer), self._description(template)
        certified = rng.random() < 0.97
        stars = rng.choices([3, 4, 5], weights=[55, 38, 7])[0] if certified else 0
        price = (
            None if rng.random() < 0.01 else max(1000, round(template["price"] * rng.uniform(0.5, 2.5) / 1000) * 1000)
        )
        return ProductDocument(
            meta={"id": pk},
            title=normalize(title),
            title_folded=fold(title),
            description=normalize(description),
            description_folded=fold(description),
            producer=normalize(producer.name),
            producer_folded=fold(producer.name),
            place=normalize(producer.place),
            place_folded=fold(producer.place),
            group=template["group"],
            subgroup=template["subgroup"],
            category_ids=[
                self.category_ids[template["group"]],
                self.category_ids[(template["group"], template["subgroup"])],
            ],
            province_code=producer.province_code,
            producer_id=producer.pk,
            stars=stars,
            price=price,
            in_stock=price is not None and rng.random() < 0.92,
            stars_until=(TODAY + timedelta(days=rng.randrange(1, 3 * 365))) if certified else None,
            for_sale_until=(TODAY + timedelta(days=rng.randrange(1, 3 * 365))) if rng.random() < 0.9 else None,
            popularity=int(rng.paretovariate(1.5)) - 1,  # most products sell little, a few a lot
            created=CREATED_UNTIL - timedelta(seconds=rng.randrange(3 * 365 * 86400)),
        )


# --- the query mix -----------------------------------------------------------------------------

SHORT = [
    "mật ong",
    "chè",
    "quế",
    "cá hồi",
    "rượu",
    "trà",
    "gạo",
    "mận",
    "tinh dầu",
    "thổ cẩm",
    "homestay",
    "lan",
    "miến",
    "bưởi",
    "ớt",
]
FOLDED = [
    "mat ong",
    "che shan tuyet",
    "que bao yen",
    "ca hoi sa pa",
    "ruou tao meo",
    "tho cam",
    "thit trau gac bep",
    "tam that",
    "gao seng cu",
    "tinh dau sa chanh",
    "man tam hoa",
    "tra atiso",
]
TYPOS = [
    "mật ongg",
    "shan tuyêt",
    "chè shan tuyet",
    "thổ cẩmm",
    "Mường Khưong",
    "tam thât Y Tý",
    "cam sanh van chan",
    "lap xuong gac bêp",
    "homstay",
    "trekkingg",
    "tinh dầu sả chanhh",
    "bưởi múcc",
]
LONG = [
    "mật ong hoa rừng Mù Cang Chải chai 500ml",
    "chè shan tuyết cổ thụ suối giàng hộp 200g",
    "trekking ruộng bậc thang mù cang chải 2 ngày 1 đêm",
    "thit lon gac bep bac ha tui 500g",
    "Hồng trà Shan tuyết cổ thụ túi 100g",
    "tinh dau que bao yen nguyen chat chai 50ml",
    "túi đeo chéo thổ cẩm Mông nhuộm chàm thủ công",
    "gạo séng cù mường khương túi 5kg loại 1",
]
PLACES = ["Bắc Hà", "Sa Pa", "hợp tác xã", "Y Tý", "lao cai", "Hà Giang", "hộ kinh doanh", "Mù Cang Chải"]
NO_MATCH = ["điện thoại iphone", "laptop gaming"]
SHAPES = [  # (shape, weight)
    ("short", 20),
    ("folded", 16),
    ("typo", 14),
    ("long", 10),
    ("place", 8),
    ("query+group+price", 16),
    ("category page", 12),
    ("listing+price", 2),
    ("no match", 2),
]


def query_mix(count, rng, catalogue):
    """``count`` (shape, query, categories, sort), deterministic with ``rng``."""
    names, weights = zip(*SHAPES)
    groups = [group.key for group in GROUPS_148]

    def category(key):
        return [SimpleNamespace(pk=catalogue.category_ids[key])]

    mix = []
    for _ in range(count):
        shape = rng.choices(names, weights=weights)[0]
        if shape == "short":
            item = (rng.choice(SHORT), None, rng.choice(["relevance", "relevance", "newest"]))
        elif shape == "folded":
            item = (rng.choice(FOLDED), None, "relevance")
        elif shape == "typo":
            item = (rng.choice(TYPOS), None, "relevance")
        elif shape == "long":
            item = (rng.choice(LONG), None, "relevance")
        elif shape == "place":
            item = (rng.choice(PLACES), None, "relevance")
        elif shape == "query+group+price":
            item = (rng.choice(SHORT + FOLDED), category(rng.choice(groups)), rng.choice(["price-asc", "price-desc"]))
        elif shape == "category page":
            item = ("", category(rng.choice(groups)), rng.choice(["relevance", "newest", "price-asc", "title-asc"]))
        elif shape == "listing+price":
            item = ("", None, rng.choice(["price-asc", "price-desc"]))
        else:
            item = (rng.choice(NO_MATCH), None, "relevance")
        mix.append((shape, *item))
    return mix


def with_facets(search):
    """What a search page asks for besides the hits: facet counts and a page of 24."""
    search.aggs.bucket("group", "terms", field="group", size=10)
    search.aggs.bucket("stars", "terms", field="stars", size=5)
    search.aggs.bucket("province", "terms", field="province_code", size=40)
    search.aggs.bucket("producer", "terms", field="producer_id", size=20)
    search.aggs.bucket("in_stock", "terms", field="in_stock", size=2)
    search.aggs.bucket(
        "price",
        "range",
        field="price",
        ranges=[
            {"to": 100_000},
            {"from": 100_000, "to": 200_000},
            {"from": 200_000, "to": 500_000},
            {"from": 500_000, "to": 1_000_000},
            {"from": 1_000_000},
        ],
    )
    return search[:PAGE_SIZE]


def site_search(index, query, categories, sort):
    """The site's own query (``ElasticsearchProductSearch.build``), pointed at the throwaway index."""
    return with_facets(ElasticsearchProductSearch().build(query, categories, sort).index().index(index))


def baseline_search(es, index):
    return with_facets(Search(using=es, index=index).query("match_all").source(False).extra(track_total_hits=True))


def timed(make_search):
    """(server took ms, end-to-end ms, hits): building the Search is part of end-to-end."""
    start = time.perf_counter()
    response = make_search().execute()
    elapsed = (time.perf_counter() - start) * 1000
    return response.took, elapsed, response.hits.total.value


# --- reporting ---------------------------------------------------------------------------------


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _no_sql(execute, sql, params, many, context):
    raise RuntimeError(f"The benchmark must not query the database: {sql}")


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


def run(args):
    es = indexing.client()
    # Node info, not GET / (the minimal distribution does not serve it).
    node = next(iter(es.nodes.info(metric="jvm")["nodes"].values()))
    version, heap = node["version"], node["jvm"]["mem"]["heap_max_in_bytes"]
    rng = random.Random(args.seed)

    print(f"Generating {args.products:,} synthetic products (seed {args.seed})…", flush=True)
    start = time.perf_counter()
    catalogue = Catalogue(rng, args.products)
    documents = [catalogue.document(pk) for pk in range(1, args.products + 1)]
    generated = time.perf_counter() - start
    mix = query_mix(args.queries, rng, catalogue)
    warmup = query_mix(WARMUP, random.Random(args.seed + 1), catalogue)

    index = f"ocop-bench-{datetime.now():%Y%m%d%H%M%S}-{os.getpid()}"
    indexing.create_for_bulk_load(es, index)
    try:

        def actions():
            for document in documents:
                action = document.to_dict(include_meta=True)
                action["_index"] = index
                yield action

        print(f"Indexing into {index} (streaming_bulk, chunks of {indexing.BULK_CHUNK})…", flush=True)
        start, indexed = time.perf_counter(), 0
        for ok, _item in helpers.streaming_bulk(es, actions(), chunk_size=indexing.BULK_CHUNK, raise_on_error=True):
            indexed += ok
        indexing.finish_bulk_load(es, index)
        indexing_seconds = time.perf_counter() - start
        counted = es.count(index=index)["count"]
        if counted != args.products:
            raise RuntimeError(f"{counted} documents in the index, {args.products} expected")
        stats = es.indices.stats(index=index, metric="store,segments,merge,refresh")["indices"][index]["primaries"]

        print(
            f"Searching: {WARMUP} + {WARMUP} warm-up, then {len(mix)} mix and {len(mix)} match_all, interleaved…",
            flush=True,
        )
        for _shape, query, categories, sort in warmup:
            timed(lambda: site_search(index, query, categories, sort))
            timed(lambda: baseline_search(es, index))
        results = {"mix": [], "baseline": []}
        by_shape = {}
        for shape, query, categories, sort in mix:
            took, elapsed, hits = timed(lambda: site_search(index, query, categories, sort))
            results["mix"].append((took, elapsed))
            by_shape.setdefault(shape, []).append((took, elapsed, hits))
            results["baseline"].append(timed(lambda: baseline_search(es, index))[:2])
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)

    docs_per_second = indexed / indexing_seconds
    summary = {}
    for name, rows in results.items():
        tooks, elapsed = [row[0] for row in rows], [row[1] for row in rows]
        summary[name] = [percentile(tooks, 50), percentile(tooks, 95), percentile(elapsed, 50), percentile(elapsed, 95)]

    def ratio(i):
        return summary["mix"][i] / summary["baseline"][i] if summary["baseline"][i] else float("inf")

    line = "-" * 78
    print()
    print(line)
    print(f"OCOP search benchmark — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, seed {args.seed}")
    print(
        f"Elasticsearch {version} (heap {heap / 2**20:.0f} MB), "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(line)
    print(f"{'products (N)':<34}{args.products:>12,}")
    print(f"{'generation (not timed below)':<34}{generated:>11.1f} s")
    print(f"{'indexing incl. refresh':<34}{indexing_seconds:>11.1f} s")
    print(f"{'indexing throughput':<34}{docs_per_second:>12,.0f} documents/s")
    print(
        f"{'index (primary) size, segments':<34}{stats['store']['size_in_bytes'] / 2**20:>9.1f} MB"
        f", {stats['segments']['count']} segments"
    )
    print(
        f"{'  during indexing: merges, refreshes':<34}{stats['merges']['total']:>12} "
        f"({stats['merges']['total_time_in_millis'] / 1000:.1f} s), {stats['refresh']['total']}"
    )
    print(line)
    columns = "".join(f"{name:>10}" for name in ("took p50", "took p95", "e2e p50", "e2e p95"))
    print(f"{'ms, ' + str(len(mix)) + ' queries each':<26}{columns}")
    for name, label in (("mix", "query mix (site query)"), ("baseline", "match_all baseline")):
        print(f"{label:<26}" + "".join(f"{value:>10.1f}" for value in summary[name]))
    print(f"{'ratio mix / baseline':<26}" + "".join(f"{ratio(i):>9.1f}x" for i in range(4)))
    print(line)
    print(f"{'mix by shape':<20}{'n':>4}{'hits p50':>10}{columns}")
    for shape, _weight in SHAPES:
        rows = by_shape.get(shape)
        if not rows:
            continue
        tooks, elapsed, hits = zip(*rows)
        print(
            f"{shape:<20}{len(rows):>4}{percentile(hits, 50):>10,}{percentile(tooks, 50):>10.1f}"
            f"{percentile(tooks, 95):>10.1f}{percentile(elapsed, 50):>10.1f}{percentile(elapsed, 95):>10.1f}"
        )
    print(line)
    indexing_met = docs_per_second >= TARGET_DOCS_PER_SECOND
    search_met = summary["mix"][3] <= TARGET_P95_MS
    print(
        f"target rebuild >= {TARGET_DOCS_PER_SECOND:,} documents/s: "
        f"{'MET' if indexing_met else 'NOT MET'} ({docs_per_second:,.0f})"
    )
    print(
        f"target search page p95 <= {TARGET_P95_MS} ms (end-to-end, query mix): "
        f"{'MET' if search_met else 'NOT MET'} ({summary['mix'][3]:.1f} ms; server took p95 "
        f"{summary['mix'][1]:.0f} ms)"
    )
    if args.products != 100_000:
        print(f"note: the targets are stated for 100,000 products; this run used {args.products:,}.")
    print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=100_000, help="synthetic products to index (100,000)")
    parser.add_argument("--queries", type=int, default=200, help="queries in the mix and in the baseline (200)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for documents and queries (1)")
    args = parser.parse_args()
    if not settings.ELASTICSEARCH_URL:
        parser.error("ELASTICSEARCH_URL is not set (source scripts/elasticsearch.sh and run es_start)")
    if args.products < 1 or args.queries < 1:
        parser.error("--products and --queries must be positive")
    # An interrupt or a kill still deletes the throwaway index (the `finally` in run()).
    signal.signal(signal.SIGTERM, _terminate)
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)  # one line per request otherwise
    started = time.perf_counter()
    with connections["default"].execute_wrapper(_no_sql):
        run(args)
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
