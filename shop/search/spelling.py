"""Alternative spellings of OCOP terms, and how a query's words become "slots" of interchangeable spellings.

Both backends read a query the same way: folded (``shop.core.text.fold``), cut into words, and each word —
or a run of words listed here ("sa pa", "fish sauce") — becomes a slot holding every spelling that means the
same: "che san tuyet" → [che] [san | shan] [tuyet]. A product matches when every slot matches one of its
spellings; typos are each backend's business (fuzzy terms on Elasticsearch, one-edit patterns on the database).

Groups are folded, lowercase. ``SPELLINGS`` are interchangeable both ways; ``ENGLISH`` maps a word typed in
English to the Vietnamese it stands for (one way: "che" does not find "tea")."""

import itertools
import re

from shop.core.text import fold

SPELLINGS = [
    ("shan", "san"),  # chè Shan tuyết is often written "san tuyết"
    ("sa pa", "sapa"),
    ("ca phe", "cafe", "caphe"),
    ("xoai", "soai"),  # s/x, as the southern and northern mouths say it
    ("xoi", "soi"),
    ("dak lak", "daklak", "dac lac"),
    ("moc chau", "mocchau"),
    ("ha giang", "hagiang"),
    ("tay bac", "taybac"),
]

ENGLISH = {
    "coffee": ("ca phe",),
    "honey": ("mat ong",),
    "tea": ("che", "tra"),
    "green tea": ("che xanh", "tra xanh"),
    "lotus": ("sen",),
    "lotus tea": ("tra sen", "che sen"),
    "fish sauce": ("nuoc mam",),
    "rice": ("gao",),
    "sticky rice": ("gao nep", "xoi"),
    "brocade": ("tho cam",),
    "ginseng": ("sam",),
    "mango": ("xoai",),
    "salmon": ("ca hoi",),
    "pomelo": ("buoi",),
    "plum": ("man",),
    "wine": ("ruou",),
    "soap": ("xa bong", "xa phong"),
    "cinnamon": ("que",),
    "star anise": ("hoi",),
    "bamboo shoots": ("mang",),
    "vermicelli": ("mien",),
}

LONGEST = 3  # words in the longest entry


def _table():
    table = {}
    for group in SPELLINGS:
        for spelling in group:
            table.setdefault(spelling, set()).update(group)
    for word, meanings in ENGLISH.items():
        table.setdefault(word, {word}).update(meanings)
    return {key: tuple(sorted(spellings, key=lambda s: (s != key, s))) for key, spellings in table.items()}


TABLE = _table()

WORD = re.compile(r"\w+")


def words(query):
    """The folded words of a query ("Chè, Shan-tuyết!" → ["che", "shan", "tuyet"])."""
    return WORD.findall(fold(query))


def slots(query):
    """The query as slots of interchangeable spellings, the typed one first in each."""
    typed, found, position = words(query), [], 0
    while position < len(typed):
        for size in range(min(LONGEST, len(typed) - position), 0, -1):
            run = " ".join(typed[position : position + size])
            if run in TABLE or size == 1:
                found.append(TABLE.get(run, (run,)))
                position += size
                break
    return found


def readings(query_slots, limit=8):
    """Whole phrases the slots can spell, the typed one first, at most ``limit``."""
    return [" ".join(choice) for choice in itertools.islice(itertools.product(*query_slots), limit)]
