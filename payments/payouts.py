"""Paying producers their settlement statements: the VietQR the finance officer scans, the bank batch file,
marking one statement or a whole batch paid, and telling the producer.

- **The account** is the producer's verified account in use: ``Partner.bank_bin`` (the bank by NAPAS BIN,
  ``shop.core.banks``), ``bank_account_number``, ``bank_account_holder``. A requested change waits for the
  office elsewhere (``shop.partner``); this module only reads these fields.
- **What cannot be paid** (``refusal``): whatever ``payments.settlements.payment_refusal`` refuses (paid,
  period not ended, a household without tax identity — the rule ``mark_paid`` applies), then a net amount of
  0 or less, no account, or a bank BIN not in ``shop.core.banks``. The QR, the batch file and batch marking
  all ask here; a statement refused is shown with its reason, never dropped silently.
- **Transfer text** (``transfer_text``): ``OCOP TT <statement id> T<MM> <YYYY>`` through VietQR's
  ``purpose_text`` (ASCII, ≤ 25 characters; ``/`` is not allowed there, hence ``T03 2026``). The QR and the
  batch file carry the same text, so the producer's bank statement names the statement.
- **Bank batch file** ("chuyển tiền theo lô"): a *generic* layout modelled on Vietnamese banks' batch-transfer
  templates — not checked against any one bank's current template; adapt the columns to the paying bank's
  own. CSV, UTF-8 with a BOM, comma-separated, one header row, every text cell through
  ``shop.core.spreadsheets.spreadsheet_safe``; XLSX with the same columns. Columns:

  ====  ======================  =========================================================================
  1     STT                     line number in the batch, 1…n (statements ordered by producer name, id)
  2     Số tài khoản hưởng      beneficiary account number
  3     Tên người hưởng         account holder, upper case without accents ("HTX CHE SHAN TUYET")
  4     Mã ngân hàng hưởng      the bank's NAPAS BIN (6 digits)
  5     Tên ngân hàng           the bank's name
  6     Số tiền                 net amount in whole đồng, digits only
  7     Nội dung                the transfer text (as in the QR)
  ====  ======================  =========================================================================

- **Marking paid**: ``pay`` (one statement, the transaction reference) and ``pay_batch`` (the bank's batch
  reference; each statement records ``<reference> #<STT>``, its line in the file) both go through
  ``settlements.mark_paid`` (which freezes the statement and keeps the account paid into), then queue the
  "đã thanh toán" email to the producer's director (outbox, after commit).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from payments import settlements
from payments.models import Settlement
from shop.core import banks
from shop.core import vietqr as payload
from shop.core.money import format_vnd
from shop.core.spreadsheets import spreadsheet_safe
from shop.core.text import fold_vietnamese
from shop.notifications import outbox

if TYPE_CHECKING:
    import datetime

    from django.contrib.auth.models import AbstractBaseUser

SETTLEMENT_PAID = "OCOP_SETTLEMENT_PAID"  # templates: oscar/communication/emails/commtype_ocop_settlement_paid_*
BATCH_COLUMNS = (
    "STT",
    "Số tài khoản hưởng",
    "Tên người hưởng",
    "Mã ngân hàng hưởng",
    "Tên ngân hàng",
    "Số tiền",
    "Nội dung",
)


def transfer_text(settlement: Settlement) -> str:
    """What the transfer says, e.g. "OCOP TT 42 T03 2026" (the QR's purpose and the batch file's Nội dung)."""
    start = settlement.period_start
    return payload.purpose_text(f"OCOP TT {settlement.pk} T{start:%m} {start:%Y}")


def holder_name(name: str) -> str:
    """The beneficiary's name as batch files want it: upper case, without accents, single spaces."""
    return " ".join(fold_vietnamese(name).upper().split())


def mask_account(number: str) -> str:
    """ "•••• 1234": enough for the producer to recognise the account, not enough to reuse it."""
    number = (number or "").strip()
    return f"•••• {number[-4:]}" if number else ""


def account_refusal(partner) -> str:
    """Why the producer's account cannot receive a transfer ("" when it can)."""
    if not (partner.bank_bin and partner.bank_account_number):
        return _("Chủ thể chưa có tài khoản ngân hàng đã được xác minh để nhận tiền.")
    if banks.bank(partner.bank_bin) is None:
        return _("Mã ngân hàng (BIN) %(bin)s của chủ thể không có trong danh sách ngân hàng.") % {
            "bin": partner.bank_bin
        }
    number = partner.bank_account_number.strip()
    if not (number.isalnum() and len(number) <= 19):
        return _("Số tài khoản %(number)s không hợp lệ (tối đa 19 chữ, số).") % {"number": number}
    return ""


def refusal(settlement: Settlement, today: datetime.date | None = None) -> str:
    """Why the statement cannot be transferred now ("" when it can): the module docstring's list, in order."""
    reason = settlements.payment_refusal(settlement, today)
    if reason:
        return reason
    if settlement.net_amount <= 0:
        return _("Số tiền thanh toán là %(amount)s: không có gì để chuyển.") % {
            "amount": format_vnd(settlement.net_amount)
        }
    return account_refusal(settlement.partner)


@dataclass(frozen=True)
class Payout:
    """One statement as a transfer: to whom, how much, with which text — or why not (``refused``)."""

    settlement: Settlement
    refused: str

    @property
    def partner(self):
        return self.settlement.partner

    @property
    def bank(self) -> banks.Bank | None:
        return banks.bank(self.partner.bank_bin)

    @property
    def amount(self) -> int:
        return self.settlement.net_amount

    @property
    def account_number(self) -> str:
        return self.partner.bank_account_number.strip()

    @property
    def holder(self) -> str:
        return self.partner.bank_account_holder or self.partner.legal_name or self.partner.name

    @property
    def text(self) -> str:
        return transfer_text(self.settlement)

    @property
    def qr_payload(self) -> str:
        """The VietQR string for exactly the net amount ("" when refused)."""
        if self.refused:
            return ""
        return payload.payload(self.partner.bank_bin, self.account_number, self.amount, self.text)


def payout(settlement: Settlement, today: datetime.date | None = None) -> Payout:
    return Payout(settlement, refusal(settlement, today))


# --- the batch file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    """The statements chosen for one bank batch: ``rows`` (payable, numbered 1…n in file order) and
    ``refused`` (each with its reason)."""

    rows: list[Payout]
    refused: list[Payout]


def batch(statements: Iterable[Settlement], today: datetime.date | None = None) -> Batch:
    """Split the statements into payable rows (ordered by producer name, id: the file's STT order) and refused."""
    ordered = sorted(statements, key=lambda s: (s.partner.name, s.pk))
    payouts = [payout(statement, today) for statement in ordered]
    return Batch(rows=[p for p in payouts if not p.refused], refused=[p for p in payouts if p.refused])


def batch_table(chosen: Batch) -> list[list]:
    """The header and one row per payable statement (see the module docstring)."""
    table: list[list] = [list(BATCH_COLUMNS)]
    for number, row in enumerate(chosen.rows, start=1):
        table.append(
            [
                number,
                spreadsheet_safe(row.account_number),
                spreadsheet_safe(holder_name(row.holder)),
                row.partner.bank_bin,
                spreadsheet_safe(row.bank.name if row.bank else ""),
                row.amount,
                spreadsheet_safe(row.text),
            ]
        )
    return table


def batch_csv(chosen: Batch) -> bytes:
    """The batch as CSV: UTF-8 with a BOM (spreadsheets then read Vietnamese right)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(batch_table(chosen))
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def batch_xlsx(chosen: Batch) -> bytes:
    """The batch as XLSX, same columns; account numbers and BINs stay text (leading zeros kept)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chuyen tien theo lo"
    for row in batch_table(chosen):
        sheet.append(row)
    for column in ("B", "D"):
        for cell in sheet[column][1:]:
            cell.number_format = "@"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def batch_filename(year: int, month: int, fmt: str) -> str:
    return "chuyen-tien-theo-lo-%04d-%02d.%s" % (year, month, fmt)


# --- marking paid -----------------------------------------------------------------------------------


def pay(
    settlement: Settlement, user: AbstractBaseUser | None, reference: str | None, today: datetime.date | None = None
) -> Settlement:
    """Record one statement's payment (``settlements.mark_paid``) and tell the producer."""
    paid = settlements.mark_paid(settlement, user, reference, today)
    notify_paid(paid)
    return paid


def pay_batch(
    statements: Iterable[Settlement],
    user: AbstractBaseUser | None,
    batch_reference: str | None,
    today: datetime.date | None = None,
) -> list[Settlement]:
    """Record a bank batch's payment: every statement gets ``<batch reference> #<its STT>``. All or nothing:
    refused (``SettlementRefused``, every reason listed) when any chosen statement cannot be paid."""
    reference = (batch_reference or "").strip()
    if not reference:
        raise settlements.SettlementRefused(_("Hãy nhập mã giao dịch của lô chuyển tiền."))
    chosen = batch(statements, today)
    if not chosen.rows and not chosen.refused:
        raise settlements.SettlementRefused(_("Hãy chọn ít nhất một bảng đối soát."))
    if chosen.refused:
        reasons = "; ".join(f"{p.partner.name}: {p.refused}" for p in chosen.refused)
        raise settlements.SettlementRefused(
            _("Không ghi nhận lô nào vì có bảng đối soát không thể thanh toán — %(reasons)s") % {"reasons": reasons}
        )
    suffix_length = len(f" #{len(chosen.rows)}")
    limit = Settlement._meta.get_field("payment_reference").max_length - suffix_length
    if len(reference) > limit:
        raise settlements.SettlementRefused(_("Mã giao dịch của lô dài tối đa %(n)s ký tự.") % {"n": limit})
    with transaction.atomic():
        return [pay(row.settlement, user, f"{reference} #{n}", today) for n, row in enumerate(chosen.rows, 1)]


def notify_paid(settlement: Settlement) -> None:
    """Queue the "đã thanh toán" email to the producer's director (else the producer's address)."""
    producer = settlement.partner
    recipient = producer.director.email if producer.director_id and producer.director else producer.email
    context = {
        "producer": producer,
        "settlement": settlement,
        "amount": format_vnd(settlement.net_amount),
        "account": mask_account(settlement.paid_account_number),
        "bank": getattr(banks.bank(settlement.paid_bank_bin), "name", ""),
    }
    outbox.send(recipient, SETTLEMENT_PAID, context, language=settings.LANGUAGE_CODE, about=producer)
