"""The product document indexed in Elasticsearch, and how a product becomes one."""

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from elasticsearch.dsl import Boolean, Date, Document, Integer, Keyword, Long, Text
from elasticsearch.dsl import Q as EsQ

from catalogue import listing
from shop.core.text import fold, normalize


class ProductDocument(Document):
    # Original text (exact Vietnamese matches rank higher) and folded twins.
    title = Text(analyzer="standard", fields={"raw": Keyword()})
    # "Sort by name": the title folded (accents and case ignored, "Đ" with "D"), Vietnamese and English (the
    # English name, or the Vietnamese one when there is none) — the page's language picks one.
    sort_title = Keyword()
    sort_title_en = Keyword()
    title_folded = Text(analyzer="standard")
    description = Text(analyzer="standard")
    description_folded = Text(analyzer="standard")
    # The English twins (catalogue/translation.py), searched from pages in either language.
    title_en = Text(analyzer="standard")
    title_en_folded = Text(analyzer="standard")  # English names keep Vietnamese places: "Suối Giàng … tea"
    description_en = Text(analyzer="standard")
    description_en_folded = Text(analyzer="standard")
    producer_en_folded = Text(analyzer="standard")
    producer = Text(analyzer="standard", fields={"raw": Keyword()})
    producer_folded = Text(analyzer="standard")
    place = Text(analyzer="standard")  # commune and province
    place_folded = Text(analyzer="standard")
    attributes = Text(analyzer="standard")  # "Khối lượng tịnh: 500 g; Hạn sử dụng: 12 tháng"
    attributes_folded = Text(analyzer="standard")
    # Every folded field above in one, both languages: a query's words may come from the title, the
    # description, the producer and the place at once ("chè shan tuyết Tà Xùa", "Suối Giàng tea").
    text_folded = Text(analyzer="standard")
    group = Keyword()
    subgroup = Keyword()
    category_ids = Integer()
    province_code = Integer()
    producer_id = Integer()
    stars = Integer()
    price = Long()  # whole đồng
    in_stock = Boolean()
    stars_until = Date()  # the stars count until the certificate behind them expires
    # The last day of the product's time on sale (catalogue.listing.for_sale_until), absent when it is
    # not for sale: searches keep documents with a date on or after today, so a product leaves the
    # results, counts and facets the day after its certificate expires, before any reindex.
    for_sale_until = Date()
    popularity = Long()  # units sold, cancelled lines excluded: the "best-selling" sort
    created = Date()

    class Index:
        name = "placeholder"  # set per deployment by index_name()


def index_name():
    """The alias searched; concrete indexes are created behind it by the rebuild."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-products"


def for_sale_filter(today=None):
    """Documents of the products for sale today (the date is the site's, not Elasticsearch's clock)."""
    return EsQ("range", for_sale_until={"gte": (today or timezone.localdate()).isoformat()})


def stars_filter(today=None):
    """Documents whose stars still hold today."""
    return EsQ("range", stars_until={"gte": (today or timezone.localdate()).isoformat()})


def to_document(product, today=None):
    """A product as a document: pass one from ``indexing.products_to_index()`` (prefetched, with
    ``units_sold`` annotated)."""
    today = today or timezone.localdate()
    producer = product.producer
    stockrecord = sorted(product.stockrecords.all(), key=lambda record: record.pk)[:1]
    stockrecord = stockrecord[0] if stockrecord else None
    certificate = product.current_certificate(today=today)
    place = ", ".join(part for part in (producer.ward_name, producer.province_name) if part) if producer else ""
    description = strip_tags(product.description or "")
    description_en = strip_tags(product.description_en or "")
    producer_en = producer.name_en if producer else ""
    attributes = product.attribute_text()
    return ProductDocument(
        meta={"id": product.pk},
        title=normalize(product.title),
        title_folded=fold(product.title),
        sort_title=fold(product.title),
        sort_title_en=fold(product.title_en or product.title),
        description=normalize(description),
        description_folded=fold(description),
        title_en=normalize(product.title_en),
        title_en_folded=fold(product.title_en),
        description_en=normalize(description_en),
        description_en_folded=fold(description_en),
        producer_en_folded=fold(producer_en),
        producer=normalize(producer.name) if producer else "",
        producer_folded=fold(producer.name) if producer else "",
        place=normalize(place),
        place_folded=fold(place),
        attributes=normalize(attributes),
        attributes_folded=fold(attributes),
        text_folded=" | ".join(
            fold(part)
            for part in (
                product.title,
                product.title_en,
                producer.name if producer else "",
                producer_en,
                place,
                description,
                description_en,
                attributes,
            )
            if part
        ),
        group=product.ocop_group,
        subgroup=product.ocop_subgroup,
        category_ids=[category.pk for category in product.categories.all()],
        province_code=producer.province_code if producer else None,
        producer_id=producer.pk if producer else None,
        stars=certificate.star_rating if certificate else 0,
        stars_until=certificate.expires_on if certificate else None,
        price=int(stockrecord.price) if stockrecord and stockrecord.price is not None else None,
        # What can still be bought: stock less what open orders have reserved.
        in_stock=bool(stockrecord and (stockrecord.net_stock_level or 0) > 0),
        for_sale_until=listing.for_sale_until(product, today=today),  # the one rule of what is for sale
        popularity=getattr(product, "units_sold", 0) or 0,
        created=product.date_created,
    )
