"""Django's ``makemessages`` without msgmerge's fuzzy matching.

``locale/en/LC_MESSAGES/django.po`` is the English catalogue's source, edited by hand or with any PO editor. A
new Vietnamese string must arrive empty, not with the English of a similar string guessed by msgmerge and
marked fuzzy (Django ignores fuzzy entries, so the guess would silently show Vietnamese).
``tests/shop/test_i18n.py`` fails on an empty or fuzzy English entry for a Vietnamese msgid.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
