"""The file jobs there are (``shop.jobs.files.register``), and their handlers: the programme figures CSV
(administrators), a producer's sales CSV (the portal), Oscar's dashboard reports as CSV (administrators), the
VietQR bank statement import (finance) and a customer's own data (``shop.customer.privacy``). Each handler
rebuilds its input from the job's params and calls the service that owns the figures or the rows."""

import datetime
from dataclasses import asdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shop.core.spreadsheets import spreadsheet_safe
from shop.customer import privacy
from shop.jobs import files

FIGURES_CSV = "programme-figures-csv"
SALES_CSV = "producer-sales-csv"
STATEMENT_IMPORT = "vietqr-statement-import"
OSCAR_REPORT_CSV = "oscar-report-csv"
_RANGE = ("date_from", "date_to")  # the params of a job over a period (ISO dates)


def _dates(job):
    """The job's period (its ISO ``date_from``/``date_to`` params); a missing end is None (Oscar's reports)."""
    return tuple(datetime.date.fromisoformat(job.params[name]) if job.params.get(name) else None for name in _RANGE)


def _range_text(date_from, date_to):
    """The period as the list shows it: "Từ 01/12/2026 đến 31/12/2026"; an open end is "…"."""
    return _("Từ %(date_from)s đến %(date_to)s") % {
        "date_from": date_from.strftime("%d/%m/%Y") if date_from else "…",
        "date_to": date_to.strftime("%d/%m/%Y") if date_to else "…",
    }


def _describe_range(job):
    return _range_text(*_dates(job))


def _describe_upload(job):
    return job.input_name


# --- Programme figures (shop/dashboard/review/figures.py) ----------------------------------------------------------


def figures_csv(job, run):
    import csv

    from shop.dashboard.review import figures as service

    date_from, date_to = _dates(job)
    province = job.params.get("province")
    # The requester's scope now (shop.users.offices), not the one they had when they asked.
    figures = service.figures_for(
        job.user, int(province) if province else None, period=service.Period(date_from, date_to)
    )

    def write(out):
        writer = csv.writer(out)
        writer.writerow(service.csv_header())
        writer.writerows(service.csv_rows(figures))

    run.save_result(f"so-lieu-ocop_{date_from.isoformat()}_{date_to.isoformat()}.csv", files.csv_bytes(write))


files.register(
    files.Kind(
        FIGURES_CSV,
        gettext_lazy("Số liệu chương trình OCOP (CSV)"),
        "shop.dashboard.files.kinds.figures_csv",
        permissions=("catalogue.review_ocop_product",),
        describe=_describe_range,
    )
)


# --- A producer's sales (payments/sales.py) -------------------------------------------------------------------------


def sales_csv(job, run):
    from payments import sales

    date_from, date_to = _dates(job)
    report = sales.sales_report(job.partner, date_from, date_to)
    run.save_result(
        f"doanh-so_{date_from.isoformat()}_{date_to.isoformat()}.csv",
        files.csv_bytes(lambda out: sales.write_csv(report, out)),
        summary={"orders": report.orders, "units": report.units, "revenue": int(report.revenue or 0)},
    )


files.register(
    files.Kind(
        SALES_CSV,
        gettext_lazy("Doanh số của cơ sở (CSV)"),
        "shop.dashboard.files.kinds.sales_csv",
        producer_scoped=True,
        describe=_describe_range,
    )
)


# --- The VietQR bank statement (payments/providers/vietqr/statements.py) -------------------------------------------

STATEMENT_REPORT_HEADER = ("line", "date", "amount", "description", "reference", "order_number", "outcome")


def statement_outcome_labels():
    """What each row's outcome means, on the results page and in its CSV."""
    from payments.providers.vietqr import statements

    return {
        statements.MATCHED: _("Đã ghi nhận thanh toán"),
        statements.ALREADY: _("Đơn đã thanh toán trước đó"),
        statements.MISMATCH: _("Sai số tiền — đã đánh dấu để kiểm tra"),
        statements.NO_ORDER: _("Không khớp đơn hàng nào"),
        statements.DUPLICATE_ROW: _("Dòng này đã được nhập trước đó"),
        statements.IGNORED: _("Bỏ qua (không phải tiền vào)"),
    }


def statement_import(job, run):
    import csv

    from payments.providers.vietqr import statements

    try:
        rows = statements.read_rows(run.read_input())
    except statements.StatementError as error:
        raise files.JobFailed(str(error)) from None

    def apply(row):
        result = statements.apply_row(row, job.user)
        return result.outcome, asdict(result)

    counts = run.apply_rows(rows, apply)

    def write(out):
        writer = csv.writer(out)
        writer.writerow(
            [_("Dòng"), _("Ngày"), _("Số tiền"), _("Nội dung"), _("Số tham chiếu"), _("Đơn hàng"), _("Kết quả")]
        )
        labels = statement_outcome_labels()
        for record in job.rows.all():
            cells = [record.data.get(key, "") for key in STATEMENT_REPORT_HEADER[:-1]]
            writer.writerow([spreadsheet_safe(cell) for cell in cells] + [labels.get(record.outcome, record.outcome)])

    run.save_result(f"ket-qua-nhap-sao-ke_{job.pk}.csv", files.csv_bytes(write), summary={"counts": counts})


files.register(
    files.Kind(
        STATEMENT_IMPORT,
        gettext_lazy("Nhập sao kê ngân hàng"),
        "shop.dashboard.files.kinds.statement_import",
        permissions=("payments.change_payment",),
        page_template="oscar/dashboard/ocop/payment_statement.html",
        describe=_describe_upload,
        outcome_labels=statement_outcome_labels,
    )
)


# --- Oscar's dashboard reports (shop/dashboard/reports) -------------------------------------------------------------


def oscar_report_csv(job, run):
    import re

    from oscar.core.loading import get_class

    generator_class = get_class("dashboard.reports.utils", "GeneratorRepository")().get_generator(
        job.params.get("report_type")
    )
    if generator_class is None:
        raise files.JobFailed(_("Loại báo cáo này không còn."))
    date_from, date_to = _dates(job)
    generator = generator_class(start_date=date_from, end_date=date_to, formatter="CSV")
    if not generator.is_available_to(job.user):
        raise files.JobFailed(_("Bạn không có quyền xem báo cáo này."))
    response = generator.generate()  # Oscar's CSV response, written through the spreadsheet-safe writer
    named = re.search(r'filename="?([^";]+)"?', response.get("Content-Disposition", ""))
    run.save_result(named.group(1) if named else f"{job.params['report_type']}.csv", response.content)


def _describe_report(job):
    from oscar.core.loading import get_class

    generator = get_class("dashboard.reports.utils", "GeneratorRepository")().get_generator(
        job.params.get("report_type")
    )
    label = str(generator.description) if generator else job.params.get("report_type", "")
    days = _dates(job)
    return f"{label} — {_range_text(*days)}" if any(days) else label


files.register(
    files.Kind(
        OSCAR_REPORT_CSV,
        gettext_lazy("Báo cáo (CSV)"),
        "shop.dashboard.files.kinds.oscar_report_csv",
        permissions=("analytics.view_userrecord",),
        describe=_describe_report,
    )
)


# --- A customer's own data (shop/customer/privacy.py: the right of access) ------------------------------------------


def customer_data_zip(job, run):
    data = privacy.customer_data(job.user)
    run.save_result(
        privacy.EXPORT_FILENAME, privacy.export_zip(data), summary={kind: len(rows) for kind, rows in data.items()}
    )
    privacy.export_finished(job)


files.register(
    files.Kind(
        name=privacy.EXPORT_KIND,
        label=gettext_lazy("Dữ liệu cá nhân của tôi"),
        handler=f"{__name__}.customer_data_zip",
        back_office=False,
    )
)
