"""Wagtail's strings that have no Vietnamese, neither in Wagtail's own catalogues nor in ours.

    .venv/bin/python scripts/wagtail_missing_vi.py            # counts, per domain
    .venv/bin/python scripts/wagtail_missing_vi.py --write    # adds them, untranslated, to locale/wagtail/vi

Wagtail ships a Vietnamese catalogue for about a fifth of its admin; ``locale/wagtail/vi`` holds the rest
(``LOCALE_PATHS`` reads it after ``locale/``, whose corrections win). After a Wagtail upgrade, run this with
``--write``, translate the new empty entries, and ``tests/test_wagtail_vietnamese.py`` passes again.
"""

import glob
import sys
from pathlib import Path

import wagtail
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
WAGTAIL = Path(wagtail.__file__).parent
OURS = ROOT / "locale" / "wagtail" / "vi" / "LC_MESSAGES"
CORRECTIONS = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
DOMAINS = ("django", "djangojs")


def _translated(message):
    string = message.string
    return bool(message.id) and bool(string if isinstance(string, str) else any(string))


def _key(message):
    return message.id, message.context


def _read(path):
    with open(path, "rb") as f:
        return read_po(f)


def wagtail_messages(domain):
    """Every message of Wagtail's English catalogues for ``domain``, with the catalogue it comes from."""
    for english in sorted(
        glob.glob(str(WAGTAIL / "**" / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"), recursive=True)
    ):
        for message in _read(english):
            if message.id:
                yield message, Path(english).relative_to(WAGTAIL.parent)


def translated_keys(domain):
    """What already has Vietnamese: Wagtail's catalogues, our corrections, our Wagtail catalogue."""
    paths = glob.glob(str(WAGTAIL / "**" / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"), recursive=True)
    paths += [str(p) for p in (CORRECTIONS if domain == "django" else None, OURS / f"{domain}.po") if p and p.exists()]
    return {_key(m) for path in paths for m in _read(path) if _translated(m)}


def missing(domain):
    have, seen, found = translated_keys(domain), set(), []
    for message, source in wagtail_messages(domain):
        if _key(message) not in have and _key(message) not in seen:
            seen.add(_key(message))
            found.append((message, source))
    return found


def write(domain, found):
    path = OURS / f"{domain}.po"
    catalog = _read(path)
    for message, source in found:
        catalog.add(
            message.id,
            string=("",) if isinstance(message.id, tuple) else "",
            context=message.context,
            auto_comments=[str(source), *message.auto_comments],
            flags=message.flags,
        )
    with open(path, "wb") as f:
        write_po(f, catalog, width=120, omit_header=False, no_location=True)


if __name__ == "__main__":
    for domain in DOMAINS:
        found = missing(domain)
        print(f"{domain}: {len(found)} Wagtail messages without Vietnamese")
        if "--write" in sys.argv and found:
            write(domain, found)
