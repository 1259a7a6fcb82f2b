"""The one way text enters a reportlab PDF: ``paragraph(*parts, style=...)``.

reportlab's ``Paragraph`` reads its text as markup: ``<img src>`` makes it open a local file or fetch a
URL, ``<font size color>`` restyles text and an unbalanced ``<b>`` raises. So every part given here is
plain text and is escaped, except ``Markup("…")`` written as a literal in our code (the test sweep fails
when ``Paragraph`` is used elsewhere or ``Markup`` is given anything but a string constant). The parser
behind it keeps only simple inline tags and never loads an image, so even a missed escape cannot read a
file or reach the network.
"""

from xml.sax.saxutils import escape

from reportlab.platypus.paragraph import Paragraph, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

# Inline tags our own markup may use; everything else (img, a, link, font, span, ondraw, seq, index…)
# is dropped by the parser.
ALLOWED_TAGS = frozenset({"para", "b", "strong", "i", "em", "u", "strike", "br", "super", "sup", "sub"})


class Markup(str):
    """Paragraph markup written in our code (a string constant, never data): kept as it is."""


class _InlineOnlyParser(ParaParser):
    """reportlab's parser with every tag outside ALLOWED_TAGS ignored, so it never opens an image."""

    def handle_starttag(self, tag, attrs):
        if tag.lower() in ALLOWED_TAGS:
            super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag.lower() in ALLOWED_TAGS:
            super().handle_endtag(tag)

    def start_img(self, attributes):  # unreachable through the filter above; kept as a second lock
        raise ValueError("images are not loaded in our PDFs")


class _SafeParagraph(Paragraph):
    """A Paragraph parsed by ``_InlineOnlyParser`` (splits across pages keep the class)."""

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None:
            text = cleaner(text)
            parser = _InlineOnlyParser()
            parser.caseSensitive = self.caseSensitive
            style, frags, bullet_frags = parser.parse(text, style)
            if frags is None:
                raise ValueError(f"paragraph markup error ({parser.errors[0]})")
            textTransformFrags(frags, style)
            if bullet_frags:
                bulletText = bullet_frags
        super()._setup(text, style, bulletText, frags, cleaner)


def paragraph(*parts, style):
    """A Paragraph of ``parts``: plain text (any value, escaped) and ``Markup`` constants."""
    text = "".join(part if isinstance(part, Markup) else escape(str(part)) for part in parts)
    return _SafeParagraph(text, style)
