"""The one way text enters a reportlab PDF: ``paragraph(*parts, style=...)``.

reportlab's ``Paragraph`` reads its text as markup: ``<img src>`` makes it open a local file or fetch a
URL, ``<font size color>`` restyles text and an unbalanced ``<b>`` raises. So every part given here is
plain text and is escaped, except ``Markup("…")`` written as a literal in our code (the test sweep fails
when ``Paragraph`` is used elsewhere or ``Markup`` is given anything but a string constant). The parser
behind it keeps only simple inline tags and never loads an image, so even a missed escape cannot read a
file or reach the network.
"""

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate
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


# --- Our documents: Vietnamese needs a font with its glyphs, DejaVu Sans, shipped beside this module (its licence
# with it) so that a fresh machine renders the same PDF.

FONTS = Path(__file__).resolve().parent / "fonts"
_registered = False


def _fonts():
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONTS / "DejaVuSans-Bold.ttf"))
        _registered = True


def producer_document(buffer, partner, *, pagesize, margin_mm, title, font_size):
    """A PDF document of one producer's (the author) with our fonts registered, and its text styles: ``body`` and
    ``bold`` at ``font_size``. Shared by the sales record, the packing slip and the withholding voucher."""
    _fonts()
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=font_size, leading=round(font_size * 1.3))
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVuSans-Bold")
    margin = margin_mm * mm
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=partner.legal_name or partner.name,
    )
    return document, body, bold
