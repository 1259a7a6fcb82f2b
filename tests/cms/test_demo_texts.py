"""The demo's editorial texts (cms/demo/content.py), read as written: no database."""

import re


def test_amounts_in_the_demos_editorial_texts_keep_the_dong_sign_on_their_line():
    """The site's formatter writes "500.000\u00a0₫" (a no-break space: a phone never wraps the sign alone onto the
    next line); the demo's own texts must write amounts the same way."""
    from cms.demo import content

    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from texts(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from texts(item)

    written = [text for text in texts([content.ARTICLES, content.STANDARD]) if "₫" in text]
    assert written, "the demo's texts name no amount: this test checks nothing"
    assert [text for text in written if re.search(r"\d[ \t]+₫", text)] == []
