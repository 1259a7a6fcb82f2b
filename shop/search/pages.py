"""Editorial content in search: Wagtail pages (news, campaigns, producer stories, policies) beside the
products, shown in their own section of the results page.

Like products, pages are folded in Python into twin fields (the minimal Elasticsearch has no
asciifolding), indexed behind an alias ``<prefix>-pages`` (full rebuild with an alias swap, single
pages after commit), and searched through Elasticsearch with the database as fallback and as the
embedded default. Wagtail publishes from several places (the editor, scheduled publishing,
workflows), so the publish/unpublish/delete signals it sends from all of them trigger the updates
(``cms.signal_handlers``); ``rebuild`` is the safety net.

Only live, public pages (no privacy restriction) below the home pages are searchable, in the
language being browsed — and a producer's story only while its producer is published
(``catalogue.listing.public_producers``): products going on or off sale, or a verification decision,
reindex the stories of their producers (``shop.search.listeners.stories_changed``; the worker updates each
page's document: ``tasks.update_page_document``).
"""

import logging

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from elasticsearch import ApiError, TransportError, helpers
from elasticsearch.dsl import Date, Document, Keyword, Search, Text
from elasticsearch.dsl import Q as EsQ
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from shop.core import fragments
from shop.core.text import fold, normalize
from shop.search import breaker, indexing

logger = logging.getLogger(__name__)
RESULTS = 6
HOME_DEPTH = 2  # Wagtail's root is depth 1, the home pages (one per language) depth 2


class PageDocument(Document):
    title = Text(analyzer="standard")
    title_folded = Text(analyzer="standard")
    text = Text(analyzer="standard")
    text_folded = Text(analyzer="standard")
    language = Keyword()
    kind = Keyword()  # the page type's name, shown beside the result
    published = Date()

    class Index:
        name = "placeholder"  # set by index_name()


def index_name():
    from django.conf import settings

    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-pages"


def searchable_pages():
    from cms.models import hidden_story_pages

    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=HOME_DEPTH)
        .exclude(Exists(hidden_story_pages().filter(pk=OuterRef("pk"))))
        .select_related("locale")
    )


def page_text(page):
    """The words of a page: its search description and the text of its own content fields."""
    specific = page.specific
    parts = [page.search_description or ""]
    for field in specific._meta.get_fields():
        if getattr(field, "model", None) is Page or not hasattr(field, "attname"):
            continue
        value = getattr(specific, field.attname, None)
        if isinstance(field, StreamField) and value is not None:
            parts.extend(str(text) for text in field.stream_block.get_searchable_content(value))
        elif isinstance(field, RichTextField) and value:
            parts.append(strip_tags(value))
        elif field.get_internal_type() == "TextField" and value:
            parts.append(str(value))
    return " ".join(" ".join(parts).split())


def page_to_document(page):
    text = page_text(page)
    return PageDocument(
        meta={"id": page.pk},
        title=normalize(page.title),
        title_folded=fold(page.title),
        text=normalize(text),
        text_folded=fold(text),
        language=page.locale.language_code,
        kind=str(page.specific_class._meta.verbose_name) if page.specific_class else "",
        published=page.first_published_at,
    )


def rebuild():
    """Index every searchable page into a new index and move the alias to it."""
    es, alias = indexing.client(), index_name()
    new_index = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    PageDocument._index.clone(name=new_index).create(using=es)
    actions = []
    for page in searchable_pages().specific().iterator(chunk_size=200):
        document = page_to_document(page).to_dict(include_meta=True)
        document["_index"] = new_index
        actions.append(document)
    helpers.bulk(es, actions, refresh="wait_for")
    old = list(es.indices.get_alias(name=alias).keys()) if es.indices.exists_alias(name=alias) else []
    es.indices.update_aliases(
        actions=[
            *({"remove": {"index": i, "alias": alias}} for i in old),
            {"add": {"index": new_index, "alias": alias}},
        ]
    )
    for index in old:
        es.indices.delete(index=index)
    return new_index, len(actions)


def update_page(page_id):
    """(Re)index one page now, or remove it if it is no longer searchable."""
    es, alias = indexing.client(), index_name()
    if not es.indices.exists_alias(name=alias):
        return
    page = searchable_pages().filter(pk=page_id).first()
    if page is None:
        es.options(ignore_status=404).delete(index=alias, id=page_id, refresh=indexing.refresh_mode())
    else:
        es.index(index=alias, id=page_id, document=page_to_document(page).to_dict(), refresh=indexing.refresh_mode())


def story_page_ids(product_ids):
    """The producer story pages of these products' producers."""
    from cms.models import ProducerStoryPage

    return list(
        ProducerStoryPage.objects.filter(producer__stockrecords__product_id__in=product_ids)
        .values_list("pk", flat=True)
        .distinct()
    )


def _language():
    return (get_language() or "vi").split("-")[0]


def listed_results(query, request):
    """What the search page lists for ``query``: each found page's URL, title, kind and description, kept per
    content version (``shop.core.fragments``: publishing, moving or unpublishing a page announces the change).
    The search page asked Elasticsearch and the database for them on every request (issue 20)."""

    def listed():
        return [
            {
                "url": page.get_url(request),
                "title": page.title,
                "kind": str(page.specific_class.get_verbose_name()),
                "description": page.search_description,
            }
            for page in search(query)
        ]

    return fragments.remember("search-articles", listed, (query or "").strip(), request.get_host())


def search(query):
    """Up to RESULTS pages matching ``query`` in the current language, best first."""
    query = (query or "").strip()
    if not query:
        return []
    if indexing.enabled():
        seen = breaker.state()  # during an outage: straight to the database (shop/search/breaker.py)
        if seen != breaker.OPEN:
            try:
                found = _search_elasticsearch(query)
            except (TransportError, ApiError) as error:
                logger.warning("Elasticsearch unavailable for content search, using the database: %s", error)
                breaker.failed(error, seen)
            else:
                breaker.succeeded(seen)
                return found
    return _search_database(query)


def _search_elasticsearch(query):
    exact = EsQ("multi_match", query=normalize(query), operator="and", boost=3, fields=["title^3", "text"])
    folded = EsQ(
        "multi_match",
        query=fold(query),
        operator="and",
        fuzziness="AUTO:5,8",
        prefix_length=1,
        fields=["title_folded^3", "text_folded"],
    )
    search = (
        Search(using=indexing.search_client(), index=index_name())
        .filter("term", language=_language())
        .query(EsQ("bool", should=[exact, folded], minimum_should_match=1))
        .source(False)
        .extra(size=RESULTS)
    )
    ids = [int(hit.meta.id) for hit in search.execute()]
    pages = {page.pk: page for page in searchable_pages().filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]


def _search_database(query):
    """The embedded default: every folded word of the query must be in the folded title or text.
    Editorial pages number in the hundreds, so folding them in Python per search is affordable."""
    words = fold(query).split()
    found = []
    for page in searchable_pages().filter(locale__language_code=_language()).specific():
        title = fold(page.title)
        tokens = f"{title} {fold(page_text(page))}".split()
        if all(any(token.startswith(word) for token in tokens) for word in words):  # words start words
            found.append((0 if all(word in title for word in words) else 1, page))
    found.sort(key=lambda pair: (pair[0], pair[1].title))
    return [page for _rank, page in found[:RESULTS]]
