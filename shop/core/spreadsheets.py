"""Text written to a CSV file that a spreadsheet opens: what we export must stay text.

Excel, LibreOffice and Google Sheets run a cell starting with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(…)`` sends data away, ``=cmd|…`` ran programs), and skip a leading tab or carriage return
before deciding. Every CSV export of text someone else typed (product titles, producer names, contact
messages, buyers' names and emails) passes its cells through ``spreadsheet_safe``, which prefixes such a cell with ``'``: the
spreadsheet then shows it as text (OWASP's advice for CSV injection).
"""

from oscar.core.compat import UnicodeCSVWriter

FORMULA_OPENINGS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """``cell`` unchanged, unless it is text a spreadsheet would read as a formula: then ``'`` + it."""
    if isinstance(cell, str) and cell.startswith(FORMULA_OPENINGS):
        return "'" + cell
    return cell


class SpreadsheetSafeWriter(UnicodeCSVWriter):
    """Oscar's CSV writer (Excel-compatible, with the BOM) with every cell through ``spreadsheet_safe``: the
    writer our forks give Oscar's dashboard exports (orders, reports), which write customers' names and
    emails and product titles."""

    def writerow(self, row):
        super().writerow([spreadsheet_safe(cell) for cell in row])
