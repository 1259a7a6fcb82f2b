"""Oscar's view and basket-addition counters, written behind the request.

Oscar's receivers write to PostgreSQL on every product page (``ProductRecord.num_views``; for a signed-in
buyer also ``UserRecord.num_product_views`` and a ``UserProductView`` row) and on every add to basket — three
committed writes in the request of the buyer the page cache cannot help. ``CatalogueConfig.ready`` swaps them
for ``record_event``, which appends the event to a buffer in the shared cache (two Redis round trips), and
``flush_events`` — the ``flush-product-counters`` job, every minute — folds the buffered events into Oscar's
tables in a few bulk statements.

The buffer: ``SEQUENCE`` counts events; event ``n`` is kept under ``event:n`` for ``KEEP_SECONDS``; ``FLUSHED``
is the last number folded in. These are counters, not records: an event is lost if the shared cache is down
or flushed, or if no worker folds it in within ``KEEP_SECONDS`` (the counts then run a little low; nothing else
reads them to decide anything). Orders' purchase counters stay in the order's transaction
(``shop.order.analytics``).
"""

from collections import Counter

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
User = get_user_model()
ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
UserProductView = get_model("analytics", "UserProductView")

PREFIX = "product-counters"
SEQUENCE = f"{PREFIX}:sequence"
FLUSHED = f"{PREFIX}:flushed"
LOCK = f"{PREFIX}:flushing"
KEEP_SECONDS = 24 * 3600
BATCH = 1000
# An event numbered this close to the newest may be numbered but not yet written: the flush stops before it
# rather than skipping it, and takes it next time.
IN_FLIGHT = 50

VIEW = "view"
BASKET_ADDITION = "basket"


def _key(number):
    return f"{PREFIX}:event:{number}"


def record_event(kind, product_id, user_id):
    """Buffers one event (``VIEW`` or ``BASKET_ADDITION``) of ``product_id`` by ``user_id`` (None: anonymous)."""
    try:
        number = cache.incr(SEQUENCE)
    except ValueError:  # the first event since the cache was emptied (or the cache is down)
        cache.add(SEQUENCE, 0, None)
        try:
            number = cache.incr(SEQUENCE)
        except ValueError:
            return
    cache.set(_key(number), (kind, product_id, user_id), KEEP_SECONDS)


def receive_product_view(sender, product, user, **kwargs):
    if not kwargs.get("raw", False):
        record_event(VIEW, product.pk, user.pk if user and user.is_authenticated else None)


def receive_basket_addition(sender, product, user, **kwargs):
    if not kwargs.get("raw", False):
        record_event(BASKET_ADDITION, product.pk, user.pk if user and user.is_authenticated else None)


def flush_events():
    """Folds the buffered events into Oscar's analytics tables; returns how many were counted."""
    if not cache.add(LOCK, 1, 300):
        return 0  # another flush is running
    try:
        newest = cache.get(SEQUENCE) or 0
        flushed = cache.get(FLUSHED) or 0
        if flushed > newest:  # the sequence restarted (the cache was emptied)
            flushed = 0
        events, upto = _read(flushed, newest)
        counted = _write(events) if events else 0
        cache.set(FLUSHED, upto, None)
        cache.delete_many([_key(number) for number in range(flushed + 1, upto + 1)])
        return counted
    finally:
        cache.delete(LOCK)


def _read(flushed, newest):
    """The buffered events after ``flushed``, and the number of the last one taken."""
    events = []
    upto = flushed
    for start in range(flushed + 1, newest + 1, BATCH):
        numbers = range(start, min(start + BATCH, newest + 1))
        found = cache.get_many([_key(number) for number in numbers])
        for number in numbers:
            event = found.get(_key(number))
            if event is None and number > newest - IN_FLIGHT:
                return events, upto
            if event is not None:
                events.append(event)
            upto = number
    return events, upto


def _write(events):
    # A product or an account deleted since its event was buffered has nothing left to count against.
    products = set(Product.objects.filter(pk__in={product for _, product, _ in events}).values_list("pk", flat=True))
    users = set(User.objects.filter(pk__in={user for _, _, user in events if user}).values_list("pk", flat=True))
    events = [(kind, product, user if user in users else None) for kind, product, user in events if product in products]
    views = Counter(product for kind, product, _ in events if kind == VIEW)
    additions = Counter(product for kind, product, _ in events if kind == BASKET_ADDITION)
    user_views = Counter(user for kind, _, user in events if kind == VIEW and user)
    user_additions = Counter(user for kind, _, user in events if kind == BASKET_ADDITION and user)
    with transaction.atomic():
        # Accounts' rows before products', as a placement takes them (Oscar's user counters, then its purchases):
        # the two cannot wait for each other's rows.
        add_counts(UserRecord, "user", {"num_product_views": user_views, "num_basket_additions": user_additions})
        add_counts(ProductRecord, "product", {"num_views": views, "num_basket_additions": additions})
        # Dated when folded in (Oscar's ``auto_now_add``): within the minute while a worker runs.
        UserProductView.objects.bulk_create(
            UserProductView(product_id=product, user_id=user) for kind, product, user in events if kind == VIEW and user
        )
    return len(events)


# Rows per statement: PostgreSQL takes at most 65,535 parameters in one, and a row has at most 7 (UserRecord's).
UPSERT_ROWS = 5000


def add_counts(model, key, counts):
    """Add ``counts`` ({counter: Counter(id → amount)}) to the rows of one of Oscar's counter tables (``model``:
    ``ProductRecord`` by "product", ``UserRecord`` by "user"), creating the rows missing with every other counter
    at its start (0), in one insert-or-add statement per batch (the ORM's upsert can only overwrite a count). Rows
    are written in ``key`` order, ascending from one batch to the next. The flush and a placement's purchases
    (``shop.order.analytics.record_purchases``) both write this way, so neither can wait for a row the other holds
    while holding one it wants: a flush that created and updated its rows in several statements deadlocked with
    placements (a buyer's order refused, cluster soak of 7 Dec 2026)."""
    fields = [field for field, amounts in counts.items() if amounts]
    ids = sorted(set().union(*(counts[field] for field in fields)))
    if not ids:
        return
    meta = model._meta
    starts = {
        field.name: field.get_db_prep_save(field.get_default(), connection)
        for field in meta.concrete_fields
        if not (field.primary_key or field.null or field.name == key or field.name in fields)
    }
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = [quote(meta.get_field(name).column) for name in (key, *fields, *starts)]
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    added = ", ".join(f"{column} = {table}.{column} + EXCLUDED.{column}" for column in columns[1 : 1 + len(fields)])
    with connection.cursor() as cursor:
        for start in range(0, len(ids), UPSERT_ROWS):
            batch = ids[start : start + UPSERT_ROWS]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * len(batch))} "
                f"ON CONFLICT ({columns[0]}) DO UPDATE SET {added}",
                [value for pk in batch for value in (pk, *(counts[f].get(pk, 0) for f in fields), *starts.values())],
            )
