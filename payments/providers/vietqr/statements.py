"""Importing the platform bank account's statement (CSV) to confirm VietQR transfers.

Each credit row whose description carries an order reference ("OCOP 100023", however the bank spaced
or cased it) confirms that order's pending transfer through ``states.record_payment`` — the same rule
as the administrator's "received" button: a wrong amount is held for a person, an order already paid
is left alone. A row is applied at most once, also when the same file is imported again
(``payments.events.act_once`` keyed by the bank's transaction reference, or by the row's content without one).
"""

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from payments import states
from payments.events import act_once
from payments.models import Payment
from shop.core.text import fold_vietnamese

MAX_BYTES = 2 * 1024 * 1024
# Column names as Vietnamese banks export them, folded (no diacritics, lower case).
COLUMNS = {
    "date": ("ngay giao dich", "ngay hach toan", "ngay gd", "ngay", "date", "transaction date"),
    "amount": ("so tien ghi co", "ghi co", "tien vao", "so tien", "credit", "amount"),
    "description": ("noi dung", "noi dung giao dich", "mo ta", "dien giai", "description", "remarks"),
    "reference": ("so tham chieu", "ma giao dich", "so but toan", "ma gd", "reference", "ref", "transaction id"),
}
ORDER_REFERENCE = re.compile(r"OCOP(\d{4,})")

MATCHED, ALREADY, MISMATCH, NO_ORDER, IGNORED, DUPLICATE_ROW = (
    "paid",
    "already-paid",
    "amount-mismatch",
    "no-order",
    "ignored",
    "already-imported",
)


class StatementError(ValueError):
    """The file cannot be read as a statement; nothing was changed."""


@dataclass
class RowResult:
    line: int
    date: str
    amount: int
    description: str
    reference: str
    outcome: str
    order_number: str = ""


def _fold(text):
    return " ".join(fold_vietnamese(text or "").lower().replace("_", " ").split())


def _amount(text):
    text = (text or "").strip()
    if not text or text.startswith("-"):
        return 0
    digits = re.sub(r"[.,\s₫]|VND|đ", "", text, flags=re.IGNORECASE)
    if not digits.isdigit():
        raise StatementError(_("Số tiền “%(value)s” không đọc được.") % {"value": text})
    return int(digits)


def decode(data):
    """The file's text, when it is small enough and UTF-8 (raises StatementError): what an upload is checked
    against before it is queued."""
    if len(data) > MAX_BYTES:
        raise StatementError(_("Tệp sao kê lớn hơn 2 MB; hãy xuất từng khoảng thời gian ngắn hơn."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatementError(_("Tệp không phải CSV mã hoá UTF-8.")) from None


def read_rows(data):
    """The statement's rows as dicts with date, amount, description, reference (raises StatementError)."""
    text = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise StatementError(_("Tệp sao kê trống."))
    folded = [_fold(name) for name in header]
    index = {}
    for key, names in COLUMNS.items():
        index[key] = next((folded.index(name) for name in names if name in folded), None)
    missing = [key for key in ("amount", "description") if index[key] is None]
    if missing:
        raise StatementError(
            _("Không tìm thấy cột số tiền và nội dung trong dòng tiêu đề (ví dụ “Số tiền ghi có”, “Nội dung”).")
        )
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue

        def cell(key):
            position = index[key]
            return cells[position].strip() if position is not None and position < len(cells) else ""

        rows.append(
            {
                "line": number,
                "date": cell("date"),
                "amount": _amount(cell("amount")),
                "description": cell("description"),
                "reference": cell("reference"),
            }
        )
    return rows


def import_statement(data, user):
    """Apply a statement file; returns one RowResult per row (raises StatementError, changing nothing,
    when the file cannot be read)."""
    return [apply_row(row, user) for row in read_rows(data)]


def apply_row(row, user):
    """Apply one row of ``read_rows``; returns its RowResult. A row already applied (this file or another
    import) is ``DUPLICATE_ROW`` and changes nothing."""
    result = RowResult(
        line=row["line"],
        date=row["date"],
        amount=row["amount"],
        description=row["description"],
        reference=row["reference"],
        outcome=IGNORED,
    )
    if row["amount"] <= 0:
        return result  # a debit or an empty row
    compact = fold_vietnamese(row["description"]).upper().replace(" ", "").replace("-", "").replace(".", "")
    found = ORDER_REFERENCE.search(compact)
    payment = None
    if found:
        result.order_number = found.group(1)
        payment = (
            Payment.objects.filter(method="vietqr", order_number=found.group(1))
            .exclude(order=None)
            .order_by("-attempt")
            .first()
        )
    if payment is None:
        result.outcome = NO_ORDER
        return result
    key = row["reference"] or hashlib.sha256(f"{row['date']}|{row['amount']}|{row['description']}".encode()).hexdigest()
    acted = act_once(
        "bank", key, partial(_confirm, payment, row, user), payment=payment, event_type="statement", payload=row
    )
    if acted.duplicate:
        result.outcome = DUPLICATE_ROW
        return result
    result.outcome = {states.PAID: MATCHED, states.ALREADY_PAID: ALREADY, states.AMOUNT_MISMATCH: MISMATCH}.get(
        acted.outcome, acted.outcome
    )
    return result


def _confirm(payment, row, user):
    return states.record_payment(payment, row["amount"], reference=row["reference"], confirmed_by=user)
