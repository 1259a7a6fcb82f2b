"""What a generated PDF says, for tests: its text layer, page after page."""

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The text of every page. The text layer gives the no-break space the site puts before "₫" back as a plain
    space (the page itself shows the amount unbroken), so it is put back: amounts read as ``format_vnd`` writes them."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace(" ₫", "\u00a0₫")
