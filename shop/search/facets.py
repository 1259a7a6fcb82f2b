"""Facets of the product listings, declared as data and counted the same way by both backends.

Multi-select semantics: each facet's counts apply every *other* facet's
selection but not its own, so choosing "Thực phẩm" still shows how many
"Đồ uống" there are; the products listed apply all selections.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue import translation
from catalogue.programme import rules, taxonomy
from shop.core import addresses, fragments
from shop.core.money import format_vnd

OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter, repeated for several values
    label: str
    es_field: str
    values: tuple = ()  # allowed values when fixed (others come from the data)


# Price ranges in đồng: (value in the URL, lower bound, upper bound).
PRICE_RANGES = (
    ("0-100000", None, 100_000),
    ("100000-300000", 100_000, 300_000),
    ("300000-1000000", 300_000, 1_000_000),
    ("1000000-", 1_000_000, None),
)


def price_range_label(low, high):
    """ "Dưới 100.000 ₫", "100.000 ₫ – 300.000 ₫", "Từ 1.000.000 ₫": the amounts written by the one money formatter,
    the words translated (a label typed with its amounts could not be extracted by makemessages: "\\u00a0")."""
    if low is None:
        return gettext("Dưới %(amount)s") % {"amount": format_vnd(high)}
    if high is None:
        return gettext("Từ %(amount)s") % {"amount": format_vnd(low)}
    return gettext("%(low)s – %(high)s") % {"low": format_vnd(low), "high": format_vnd(high)}


FACETS = (
    Facet("group", _("Nhóm sản phẩm"), "group", tuple(g.key for g in taxonomy.GROUPS_148)),
    Facet("stars", _("Hạng sao OCOP"), "stars", tuple(str(s) for s in rules.OCOP_STARS)),
    Facet("province", _("Tỉnh/thành phố"), "province_code"),
    Facet("producer", _("Chủ thể"), "producer_id"),
    Facet("price", _("Khoảng giá"), "price", tuple(value for value, *_rest in PRICE_RANGES)),
    Facet("in_stock", _("Tình trạng"), "in_stock", ("1",)),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}


# Identifiers (producer, province) fit PostgreSQL's and Elasticsearch's 32-bit integer fields; a larger
# number in the URL would make either refuse the query. Digits are ASCII: "²" and "٣" are digits to
# str.isdigit() but not numbers to int() or the database.
MAX_ID = 2**31 - 1
# More values per facet than a facet ever shows (50 buckets) are a crafted URL, not a visitor's choice.
MAX_VALUES = 50


def _is_id(value):
    return value.isascii() and value.isdigit() and len(value) <= 10 and 0 < int(value) <= MAX_ID


def selections_from(params):
    """{facet key: [values]} from the query string, keeping only well-formed values: anything else in a
    URL (a value not offered, a non-ASCII digit, a number too large for the index) is ignored."""
    selections = {}
    for facet in FACETS:
        values = [value for value in params.getlist(facet.key) if value]
        if facet.values:
            values = [value for value in values if value in facet.values]
        else:
            values = [value for value in values if _is_id(value)]
        if values:
            selections[facet.key] = sorted(set(values))[:MAX_VALUES]
    return selections


# --- Elasticsearch ---------------------------------------------------------------


def es_filter(key, values):
    from elasticsearch.dsl import Q as EsQ

    from shop.search.documents import stars_filter

    facet = FACETS_BY_KEY[key]
    if key == "price":
        ranges = {value: (low, high) for value, low, high in PRICE_RANGES}
        return EsQ(
            "bool",
            minimum_should_match=1,
            should=[
                EsQ("range", price={k: v for k, v in (("gte", ranges[v][0]), ("lt", ranges[v][1])) if v is not None})
                for v in values
            ],
        )
    if key == "in_stock":
        return EsQ("term", in_stock=True)
    if key == "stars":
        return EsQ("bool", filter=[EsQ("terms", stars=[int(v) for v in values]), stars_filter()])
    return EsQ("terms", **{facet.es_field: [int(v) for v in values] if key != "group" else values})


def es_aggregations(search, selections):
    """Adds one filtered aggregation per facet (other facets' selections applied)."""
    from elasticsearch.dsl import A
    from elasticsearch.dsl import Q as EsQ

    from shop.search.documents import stars_filter

    for facet in FACETS:
        others = [es_filter(key, values) for key, values in selections.items() if key != facet.key]
        if facet.key == "stars":
            others.append(stars_filter())  # stars of an expired certificate are not counted
        bucket = A("filter", EsQ("bool", filter=others))
        if facet.key == "price":
            bucket.bucket(
                "values",
                "range",
                field="price",
                keyed=True,
                ranges=[
                    {
                        "key": value,
                        **({"from": low} if low is not None else {}),
                        **({"to": high} if high is not None else {}),
                    }
                    for value, low, high in PRICE_RANGES
                ],
            )
        else:
            bucket.bucket("values", "terms", field=facet.es_field, size=50)
        search.aggs.bucket(facet.key, bucket)
    return search


def es_counts(response):
    counts = {}
    for facet in FACETS:
        buckets = response.aggregations[facet.key]["values"]["buckets"]
        if facet.key == "price":
            counts[facet.key] = {key: bucket["doc_count"] for key, bucket in buckets.to_dict().items()}
        elif facet.key == "in_stock":
            counts[facet.key] = {"1": b["doc_count"] for b in buckets if b["key"] in (1, True)}
        else:
            counts[facet.key] = {str(b["key"]): b["doc_count"] for b in buckets}
    return counts


# --- Database -----------------------------------------------------------------


def _with_current_stars(products):
    today = timezone.localdate()
    current = (
        OcopCertificate.objects.backing_mark_on(today)
        .filter(product=OuterRef("pk"))
        .order_by("-decision_date", "-pk")
        .values("star_rating")[:1]
    )
    return products.annotate(current_stars=Subquery(current))


def db_filter(key, values):
    if key == "group":
        return Q(ocop_group__in=values)
    if key == "stars":
        return Q(current_stars__in=[int(v) for v in values])
    if key == "province":
        return Q(stockrecords__partner__province_code__in=[int(v) for v in values])
    if key == "producer":
        return Q(stockrecords__partner_id__in=[int(v) for v in values])
    if key == "in_stock":
        return Q(stockrecords__num_in_stock__gt=0)
    ranges = {value: (low, high) for value, low, high in PRICE_RANGES}
    condition = Q(pk__in=[])
    for value in values:
        low, high = ranges[value]
        bounds = Q()
        if low is not None:
            bounds &= Q(min_price__gte=low)
        if high is not None:
            bounds &= Q(min_price__lt=high)
        condition |= bounds
    return condition


def db_apply(products, selections):
    products = _with_current_stars(products)
    for key, values in selections.items():
        products = products.filter(db_filter(key, values))
    return products.distinct()


def db_counts(products, selections):
    """Counts per facet value with the other facets' selections applied (one query per facet)."""
    base = _with_current_stars(products)
    counts = {}
    for facet in FACETS:
        scoped = base
        for key, values in selections.items():
            if key != facet.key:
                scoped = scoped.filter(db_filter(key, values))
        if facet.key == "price":
            counts["price"] = scoped.aggregate(
                **{
                    value: Count("pk", distinct=True, filter=db_filter("price", [value]))
                    for value, *_rest in PRICE_RANGES
                }
            )
            continue
        if facet.key == "in_stock":
            counts["in_stock"] = {"1": scoped.filter(db_filter("in_stock", ["1"])).values("pk").distinct().count()}
            continue
        path = {
            "group": "ocop_group",
            "stars": "current_stars",
            "province": "stockrecords__partner__province_code",
            "producer": "stockrecords__partner_id",
        }[facet.key]
        # Group plain rows: the listing's own aggregates (min_price) would split the groups per product.
        matching = _with_current_stars(Product.objects.filter(pk__in=scoped.values("pk")))
        rows = matching.order_by().values(path).annotate(n=Count("pk", distinct=True))
        counts[facet.key] = {str(row[path]): row["n"] for row in rows if row[path] not in (None, "", 0)}
    return counts


# --- Presentation ---------------------------------------------------------------


@dataclass
class FacetResult:
    key: str
    label: str
    buckets: list = field(default_factory=list)  # dicts: value, label, count, selected


def producer_labels(producer_ids):
    """{id: name in the page's language} of these producers, read once per content version and language (a producer's edit announces a change:
    ``shop.core.changes.producer_changed``)."""
    producer_ids = sorted(set(producer_ids))
    if not producer_ids:
        return {}
    return fragments.remember(
        "facet-producer-names",
        lambda: {
            producer.pk: producer.get_name()
            for producer in Partner.objects.filter(pk__in=producer_ids).only("pk", "name", "name_en")
        },
        *producer_ids,
    )


def present(counts, selections):
    """Facet results with labels, in a stable order; empty buckets are left out unless selected."""
    producer_names = producer_labels(int(v) for v in counts.get("producer", {}))
    labels = {
        "group": {g.key: translation.group_name(g) for g in taxonomy.GROUPS_148},
        "stars": {str(s): f"{s}★" for s in rules.OCOP_STARS},
        "price": {value: price_range_label(low, high) for value, low, high in PRICE_RANGES},
        "in_stock": {"1": _("Còn hàng")},
    }
    results = []
    for facet in FACETS:
        facet_counts = counts.get(facet.key, {})
        selected = set(selections.get(facet.key, []))
        order = list(facet.values) or sorted(facet_counts, key=lambda v: -facet_counts[v])
        buckets = []
        for value in order:
            count = facet_counts.get(value, 0)
            if not count and value not in selected:
                continue
            if facet.key == "province":
                label = addresses.province_name(value)
            elif facet.key == "producer":
                label = producer_names.get(int(value), value)
            else:
                label = labels[facet.key].get(value, value)
            buckets.append({"value": value, "label": label, "count": count, "selected": value in selected})
        if buckets:
            results.append(FacetResult(facet.key, facet.label, buckets))
    return results
