"""Importing a province's OCOP list: the one place that turns the office's list into producers, products and
certificates.

Per line: the producer is matched by registration number, else by folded name + commune (the commune matched
from its text within the province); none matches → an unclaimed stub (``Partner.Verification.UNCLAIMED``, no
portal until its owner claims it: ``shop.producers.claiming``). The product is matched among the producer's by
decision number (and name when the decision covers several), else by folded name; none → a hidden draft with
the producer's stock record (no price, no stock), as ``catalogue.ocop.editing.save_product`` creates one. The
certificate is judged by the same rules as manual entry (``catalogue.programme.rules.certificate_errors``): a
line breaking one is refused with the rule's message. The office's own list needs no reviewer: its
certificates are approved.

Outcomes: created (a new product and certificate), matched (an existing one found — first seen by an import,
or its data updated), unchanged (already imported, nothing differs: re-importing a file changes nothing),
refused (why, in Vietnamese). A dry run runs the very same code inside a transaction rolled back, so it reports
exactly what the real run will do. A real run commits in batches (the page shows its progress), records the
province's dated count of certificates valid on the list's day (``shop.registry.counts.record_count``: the
figures' denominator) and invites the new stubs' owners to claim them.

Lookups (the province's producers, their products and certificates, the communes) are read once per import;
per line there are only writes.
"""

from __future__ import annotations

import datetime
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.core.utils import slugify

from catalogue.ocop import editing
from catalogue.programme import rules, taxonomy
from catalogue.programme.review import ReviewStatus
from shop.core import addresses
from shop.core.phones import national_phone
from shop.core.text import fold, folded_product_text
from shop.registry import counts, reading
from shop.registry.models import Outcome, ProvinceRegistry, RegistryImport, RegistryImportLine

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")

BATCH_SIZE = 200  # lines committed together in a real run (and how often the progress is saved)
Progress = Callable[[int, int], None]

# Producer kinds by how their names start (folded).
KIND_PREFIXES = (
    ("hop tac xa", "cooperative"),
    ("htx", "cooperative"),
    ("to hop tac", "cooperative_group"),
    ("tht", "cooperative_group"),
    ("cong ty", "enterprise"),
    ("doanh nghiep", "enterprise"),
    ("ho ", "household"),
    ("hkd", "household"),
)
NAME_ABBREVIATIONS = (
    ("htx ", "hop tac xa "),
    ("thtx ", "to hop tac "),
    ("cty ", "cong ty "),
    ("hkd ", "ho kinh doanh "),
)
WARD_PREFIXES = ("xa ", "phuong ", "dac khu ", "thi tran ")


# --- What an import reports ---------------------------------------------------------------------------------------


@dataclass
class LineResult:
    line: int
    values: dict
    outcome: Any  # an Outcome
    reason: str = ""
    producer_created: bool = False
    partner: Any = None
    product: Any = None
    certificate: Any = None
    valid_on_as_of: bool = False


@dataclass
class ImportReport:
    """What an import did (or would do): the record, its counts and its lines."""

    record: RegistryImport
    lines: list[LineResult] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return self.record.counts()

    @property
    def dry_run(self) -> bool:
        return self.record.dry_run


# --- Reading the values of a line ----------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _folded(value) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(value)).split())


def folded_name(name) -> str:
    """A producer's or product's name as matching compares it: folded, punctuation gone, HTX/Cty spelled out."""
    folded = _folded(name) + " "
    for short, long in NAME_ABBREVIATIONS:
        if folded.startswith(short):
            folded = long + folded[len(short) :]
    return folded.strip()


def parse_stars(value) -> int | None:
    text = _text(value)
    if "★" in text:
        return text.count("★")
    digits = re.findall(r"\d+", text)
    return int(digits[0]) if digits else None


def parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and 20000 < value < 80000:  # an Excel serial day
        return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(value))
    text = _text(value)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
            return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return None


def parse_score(value) -> int | None:
    text = _text(value).replace(",", ".")
    if not text:
        return None
    try:
        return round(float(text))
    except ValueError:
        return -1


def parse_group(value) -> tuple[str, str]:
    """(the Decision 148 group key, the Decision 1048 group key when the text names an old group), or ("", "")."""
    text = _folded(value)
    if not text:
        return "", ""
    for exact in (True, False):
        for group in taxonomy.GROUPS_148:
            name = _folded(group.name)
            if text == name or text == group.key or (not exact and _contains(name, text)):
                return group.key, ""
        for group in taxonomy.GROUPS_1048:
            name = _folded(group.name)
            if text == name or text == group.key or (not exact and _contains(name, text)):
                return taxonomy.GROUP_148_OF_1048[group.key], group.key
    return "", ""


def _contains(name: str, text: str) -> bool:
    """ "Nhóm 3 - Dược liệu và sản phẩm từ dược liệu" names the group, and so does "Dược liệu" (a shortened name)."""
    return name in text or (len(text) >= 6 and text in name)


def parse_level(level_text, issuer, era, stars) -> str:
    """The issuer's level: as the "Cấp công nhận" column says, else from the issuer's name, else the only level
    the rules allow for the stars in the decision's era ("" when none of these tells)."""
    for text in (_folded(level_text), _folded(issuer)):
        if not text:
            continue
        if text.startswith("bo ") or "trung uong" in text or text in ("tw", "central"):
            return rules.CENTRAL
        if any(word in text.split() for word in ("huyen", "quan", "district")) or "thi xa" in text:
            return rules.DISTRICT
        if "tinh" in text.split() or text == "province":
            return rules.PROVINCE
    levels: tuple[str, ...] = tuple(rules.allowed_levels(era, stars)) if era and stars else ()
    return levels[0] if len(levels) == 1 else ""


def guess_kind(name: str) -> str:
    folded = folded_name(name) + " "
    return next((kind for prefix, kind in KIND_PREFIXES if folded.startswith(prefix)), Partner.Kind.HOUSEHOLD)


# --- Lookups read once per import ---------------------------------------------------------------------------------


@dataclass
class ProducerEntry:
    partner: Any
    created: bool = False
    # {decision number: [(product, certificate)]} and {folded title: product}
    by_decision: dict = field(default_factory=dict)
    by_name: dict = field(default_factory=dict)


class Lookups:
    """The province's producers (with their products and certificates), communes, and the certificates earlier
    real imports recorded; read at the start, kept up to date as lines create things."""

    def __init__(self, province_code: int):
        self.province_code = province_code
        self.by_registration: dict[str, ProducerEntry] = {}
        self.by_name_ward: dict[tuple[str, int | None], ProducerEntry] = {}
        self.entries: dict[int, ProducerEntry] = {}
        partners = Partner.objects.filter(province_code=province_code).only(
            "pk", "name", "registration_number", "ward_code", "province_code", "verification_status"
        )
        for partner in partners:
            self.add_producer(ProducerEntry(partner))
        records = StockRecord.objects.filter(partner__province_code=province_code).select_related("product")
        for record in records.only("partner_id", "product__id", "product__title"):
            entry = self.entries.get(record.partner_id)
            if entry is not None:
                entry.by_name.setdefault(folded_name(record.product.title), record.product)
        product_producer = {record.product_id: record.partner_id for record in records}
        certificates = OcopCertificate.objects.filter(product_id__in=list(product_producer)).select_related("product")
        for certificate in certificates:
            entry = self.entries[product_producer[certificate.product_id]]
            entry.by_decision.setdefault(certificate.decision_number, []).append((certificate.product, certificate))
        self.imported = set(
            RegistryImportLine.objects.filter(
                registry_import__dry_run=False, registry_import__province_code=province_code, certificate__isnull=False
            ).values_list("certificate_id", flat=True)
        )
        self.wards_full: dict[str, int] = {}
        self.wards_short: dict[str, list[int]] = {}
        for code, name in addresses.ward_choices(province_code):
            folded = _folded(name)
            self.wards_full[folded] = code
            short = next((folded[len(p) :] for p in WARD_PREFIXES if folded.startswith(p)), folded)
            self.wards_short.setdefault(short, []).append(code)

    def add_producer(self, entry: ProducerEntry) -> None:
        partner = entry.partner
        if partner.pk:
            self.entries[partner.pk] = entry
        number = normalise_number(partner.registration_number)
        if number:
            self.by_registration.setdefault(number, entry)
        self.by_name_ward.setdefault((folded_name(partner.name), partner.ward_code), entry)

    def ward(self, commune: str, address: str) -> int | None:
        """The commune's code from the commune column, else from the address's parts."""
        for text in [commune, *reversed(address.split(","))]:
            folded = _folded(text)
            if not folded:
                continue
            if folded in self.wards_full:
                return self.wards_full[folded]
            short = next((folded[len(p) :] for p in WARD_PREFIXES if folded.startswith(p)), folded)
            if len(self.wards_short.get(short, ())) == 1 and (text is commune or folded != short):
                return self.wards_short[short][0]
        return None

    def producer(self, registration: str, name: str, ward_code: int | None) -> ProducerEntry | None:
        if registration and registration in self.by_registration:
            return self.by_registration[registration]
        return self.by_name_ward.get((folded_name(name), ward_code))


def normalise_number(number) -> str:
    return "".join(_text(number).split()).upper()


# --- One line ------------------------------------------------------------------------------------------------------


@dataclass
class Parsed:
    product: str
    producer: str
    registration: str
    address: str
    commune: str
    stars: int | None
    decision_number: str
    decision_date: datetime.date | None
    issuer: str
    issuer_level: str
    group: str
    legacy_group: str
    taxonomy_version: str
    score: int | None
    expires_on: datetime.date | None
    phone: str = ""
    email: str = ""


def _key_values(row: Mapping) -> dict:
    return {
        "product_name": _text(row.get("product"))[:255],
        "producer_name": _text(row.get("producer"))[:255],
        "registration_number": normalise_number(row.get("registration_number"))[:40],
        "commune": _text(row.get("commune"))[:255],
        "stars": _text(row.get("stars"))[:16],
        "decision_number": _text(row.get("decision_number"))[:64],
        "decision_date": (
            _text(row.get("decision_date"))
            if not isinstance(row.get("decision_date"), datetime.date)
            else row["decision_date"].strftime("%d/%m/%Y")
        )[:32],
    }


def parse_row(row: Mapping, today: datetime.date) -> tuple[Parsed | None, list[str]]:
    """The line's values, or the reasons (Vietnamese) it is refused: missing or unreadable data, or a broken rule."""
    errors = []
    required = {
        "product": _("thiếu tên sản phẩm"),
        "producer": _("thiếu tên chủ thể"),
        "decision_number": _("thiếu số quyết định"),
        "issuer": _("thiếu cơ quan công nhận"),
    }
    errors += [message for key, message in required.items() if not _text(row.get(key))]
    stars = parse_stars(row.get("stars"))
    if stars is None:
        errors.append(_("không đọc được hạng sao %(value)r") % {"value": _text(row.get("stars"))})
    decided = parse_date(row.get("decision_date"))
    if decided is None:
        errors.append(
            _("không đọc được ngày quyết định %(value)r (ghi theo dạng ngày/tháng/năm)")
            % {"value": _text(row.get("decision_date"))}
        )
    group, legacy = parse_group(row.get("group"))
    if not group:
        errors.append(_("không nhận ra nhóm sản phẩm %(value)r") % {"value": _text(row.get("group"))})
    score = parse_score(row.get("score"))
    if score is not None and not 0 <= score <= 100:
        errors.append(_("điểm %(value)r không phải số từ 0 đến 100") % {"value": _text(row.get("score"))})
    if errors:
        return None, errors
    era = rules.era_on(decided)
    version = era.taxonomy_version if era else taxonomy.TAXONOMY_148
    if version == taxonomy.TAXONOMY_1048 and not legacy:
        legacy = taxonomy.GROUP_1048_OF_148.get(group, "")
    elif version != taxonomy.TAXONOMY_1048:
        legacy = ""
    level = parse_level(row.get("issuer_level"), row.get("issuer"), era, stars)
    expires_on = rules.default_expiry(decided)
    rule_errors = rules.certificate_errors(
        star_rating=stars,
        score=score,
        decision_date=decided,
        expires_on=expires_on,
        issuer_level=level,
        today=today,
        taxonomy_version=version,
        legacy_group=legacy,
    )
    errors = [str(message) for message in rule_errors.values()]
    if not level and not errors:
        errors.append(_("không xác định được cấp công nhận: ghi cột Cấp công nhận (Trung ương, Tỉnh hoặc Huyện)"))
    if errors:
        return None, errors
    parsed = Parsed(
        product=_text(row.get("product"))[:255],
        producer=_text(row.get("producer"))[:128],
        registration=normalise_number(row.get("registration_number"))[:20],
        address=_text(row.get("address"))[:255],
        commune=_text(row.get("commune")),
        stars=stars,
        decision_number=_text(row.get("decision_number"))[:64],
        decision_date=decided,
        issuer=_text(row.get("issuer"))[:255],
        issuer_level=level,
        group=group,
        legacy_group=legacy,
        taxonomy_version=version,
        score=score,
        expires_on=expires_on,
        phone=_phone(row.get("phone")),
        email=_email(row.get("email")),
    )
    return parsed, []


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _phone(value) -> str:
    """The list's phone as producers' records write it; one that is not a Vietnamese number is left out."""
    try:
        return national_phone(_text(value)) if _text(value) else ""
    except ValidationError:
        return ""


def _email(value) -> str:
    text = _text(value)
    try:
        validate_email(text)
    except ValidationError:
        return ""
    return text[:254]


class _Run:
    """One import's pass over its lines (see the module docstring)."""

    def __init__(self, record: RegistryImport, user):
        self.record, self.user = record, user
        self.today = timezone.localdate()
        self.lookups = Lookups(record.province_code)
        self.seen: dict[tuple, int] = {}  # (producer, decision, product name) → the line that had it

    def line(self, row: Mapping) -> LineResult:
        values = _key_values(row)
        number = int(row.get("line") or 0)
        parsed, errors = parse_row(row, self.today)
        if parsed is None:
            return LineResult(number, values, Outcome.REFUSED, _sentence("; ".join(errors)))
        ward_code = self.lookups.ward(parsed.commune, parsed.address)
        entry = self.lookups.producer(parsed.registration, parsed.producer, ward_code)
        key = (
            id(entry) if entry else folded_name(parsed.producer),
            parsed.decision_number,
            folded_name(parsed.product),
        )
        if key in self.seen:
            return LineResult(
                number, values, Outcome.REFUSED, _("Trùng với dòng %(line)s của tệp.") % {"line": self.seen[key]}
            )
        self.seen[key] = number
        producer_created = entry is None
        if entry is None:
            entry = self._new_producer(parsed, ward_code)
            key = (id(entry), *key[1:])
            self.seen[key] = number
        product, certificate = self._match_product(entry, parsed)
        address_on_document = self._address_on_document(parsed, ward_code)
        if product is None:
            product = self._new_product(entry, parsed)
        if certificate is None:
            certificate = self._new_certificate(product, parsed, address_on_document)
            entry.by_decision.setdefault(parsed.decision_number, []).append((product, certificate))
            outcome = Outcome.CREATED if getattr(product, "_ocop_new", False) else Outcome.MATCHED
            reason = (
                _("Tạo sản phẩm (bản nháp) và giấy chứng nhận.")
                if outcome == Outcome.CREATED
                else _("Khớp sản phẩm đã có; thêm giấy chứng nhận theo quyết định này.")
            )
        else:
            changed = self._update_certificate(certificate, parsed, address_on_document)
            if changed:
                outcome, reason = (
                    Outcome.MATCHED,
                    _("Khớp sản phẩm đã có; cập nhật: %(fields)s.") % {"fields": ", ".join(changed)},
                )
            elif certificate.pk in self.lookups.imported:
                outcome, reason = Outcome.UNCHANGED, ""
            else:
                outcome, reason = Outcome.MATCHED, _("Khớp sản phẩm và giấy chứng nhận đã có trên sàn.")
        if producer_created:
            reason = f"{reason} " + _("Tạo chủ thể mới (chưa nhận quản lý).")
        self.lookups.imported.add(certificate.pk)
        valid = (
            certificate.revoked_at is None and certificate.decision_date <= self.record.as_of <= certificate.expires_on
        )
        return LineResult(
            number,
            values,
            outcome,
            reason.strip(),
            producer_created,
            entry.partner,
            product,
            certificate,
            valid,
        )

    def _address_on_document(self, parsed: Parsed, ward_code: int | None) -> str:
        """The address as the list writes it (old districts and communes included); an unmatched commune is kept."""
        text = parsed.address
        if ward_code is None and parsed.commune and _folded(parsed.commune) not in _folded(text):
            text = f"{text}, {parsed.commune}" if text else parsed.commune
        return text[:255]

    def _new_producer(self, parsed: Parsed, ward_code: int | None) -> ProducerEntry:
        slug = slugify(parsed.producer)[:100] or "chu-the"
        partner = Partner.objects.create(
            name=parsed.producer,
            legal_name=parsed.producer,
            code=f"{slug}-{secrets.token_hex(4)}",
            kind=guess_kind(parsed.producer),
            registration_number=parsed.registration,
            province_code=self.record.province_code,
            ward_code=ward_code,
            verification_status=Partner.Verification.UNCLAIMED,
            phone=parsed.phone,
            email=parsed.email,
        )
        partner._ocop_new = True
        entry = ProducerEntry(partner, created=True)
        self.lookups.add_producer(entry)
        return entry

    def _match_product(self, entry: ProducerEntry, parsed: Parsed):
        """(product, certificate of this decision) — either may be None."""
        name = folded_name(parsed.product)

        def alike(title):
            folded = folded_name(title)
            return bool(name) and (folded == name or name in folded or folded in name)

        same_decision = [pair for pair in entry.by_decision.get(parsed.decision_number, []) if alike(pair[0].title)]
        exact = [pair for pair in same_decision if folded_name(pair[0].title) == name]
        if len(exact or same_decision) == 1:
            return (exact or same_decision)[0]
        product = entry.by_name.get(name)
        if product is None:
            containing = [p for title, p in entry.by_name.items() if name and name in title]
            product = containing[0] if len(containing) == 1 else None
        return product, None

    def _new_product(self, entry: ProducerEntry, parsed: Parsed):
        """A hidden draft with the producer's stock record and no price or stock (as ``editing.save_product``
        creates one): the producer, once claimed, prices it and sends it to review."""
        product = Product(
            title=parsed.product,
            product_class=editing.product_class_for_group(parsed.group),
            ocop_group=parsed.group,
            structure=Product.STANDALONE,
            review_status=ReviewStatus.DRAFT,
            is_public=False,
        )
        product.slug = slugify(parsed.product)
        product.search_folded = folded_product_text(parsed.product, "")
        Product.objects.bulk_create([product])  # no attributes yet: Product.save's extra reads are not needed
        sku = editing.new_sku(entry.partner, product)
        Product.objects.filter(pk=product.pk).update(upc=sku)
        StockRecord.objects.create(product=product, partner=entry.partner, partner_sku=sku)
        product._ocop_new = True
        entry.by_name.setdefault(folded_name(parsed.product), product)
        return product

    def _certificate_values(self, parsed: Parsed, address_on_document: str) -> dict:
        values = {
            "star_rating": parsed.stars,
            "decision_date": parsed.decision_date,
            "issuer": parsed.issuer,
            "issuer_level": parsed.issuer_level,
            "taxonomy_version": parsed.taxonomy_version,
            "legacy_group": parsed.legacy_group,
            "expires_on": parsed.expires_on,
        }
        if parsed.score is not None:
            values["score"] = parsed.score
        if address_on_document:
            values["address_on_document"] = address_on_document
        return values

    def _new_certificate(self, product, parsed: Parsed, address_on_document: str):
        certificate = OcopCertificate.objects.create(
            product=product,
            decision_number=parsed.decision_number,
            review=OcopCertificate.Review.APPROVED,
            **self._certificate_values(parsed, address_on_document),
        )
        certificate._ocop_new = True
        return certificate

    def _update_certificate(self, certificate, parsed: Parsed, address_on_document: str) -> list[str]:
        """Bring an existing certificate in line with the list; the labels of the fields changed."""
        changed = []
        for name, value in self._certificate_values(parsed, address_on_document).items():
            if name == "expires_on" and "decision_date" not in changed:
                continue  # the office may have set an earlier expiry; only a corrected decision date moves it
            if getattr(certificate, name) != value:
                setattr(certificate, name, value)
                changed.append(name)
        if changed:
            certificate.save(update_fields=changed)
        return [str(OcopCertificate._meta.get_field(name).verbose_name) for name in changed]


# --- Running an import ---------------------------------------------------------------------------------------------


class _DryRunRollback(Exception):
    pass


def _apply(run: _Run, rows: list[dict], progress: Progress | None, *, dry_run: bool) -> list[LineResult]:
    record, results, total = run.record, [], len(rows)

    def batch(start):
        for row in rows[start : start + BATCH_SIZE]:
            results.append(run.line(row))
        if progress:
            progress(len(results), total)

    if dry_run:
        try:
            with transaction.atomic():
                for start in range(0, total, BATCH_SIZE):
                    batch(start)
                raise _DryRunRollback
        except _DryRunRollback:
            pass
        for result in results:  # what the dry run created is gone with its transaction: no links to it
            for name in ("partner", "product", "certificate"):
                if getattr(getattr(result, name), "_ocop_new", False):
                    setattr(result, name, None)
    else:
        for start in range(0, total, BATCH_SIZE):
            with transaction.atomic():
                first = len(results)
                batch(start)
                _save_lines(record, results[first:])
                record.done = len(results)
                record.save(update_fields=["done"])
    return results


def _save_lines(record: RegistryImport, results: Iterable[LineResult]) -> None:
    RegistryImportLine.objects.bulk_create(
        [
            RegistryImportLine(
                registry_import=record,
                line_number=result.line,
                outcome=result.outcome,
                reason=result.reason,
                producer_created=result.producer_created,
                partner=result.partner,
                product=result.product,
                certificate=result.certificate,
                **result.values,
            )
            for result in results
        ],
        batch_size=1000,
    )


def _finish(record: RegistryImport, results: list[LineResult]) -> None:
    for outcome in Outcome.values:
        setattr(record, outcome, sum(1 for result in results if result.outcome == outcome))
    record.new_producers = sum(1 for result in results if result.producer_created)
    record.certified_on_as_of = sum(
        1 for result in results if result.outcome != Outcome.REFUSED and result.valid_on_as_of
    )
    record.done, record.total = len(results), len(results)
    record.state, record.finished_at = RegistryImport.State.DONE, timezone.now()
    if not record.dry_run:
        record.registry_count = _record_count(record)
    record.save()


def _record_count(record: RegistryImport) -> ProvinceRegistry:
    """The province's dated count from this list; the same list imported again records nothing new."""
    latest = counts.latest_by_province().get(record.province_code)
    if latest is not None and (latest.certified_products, latest.as_of, latest.source) == (
        record.certified_on_as_of,
        record.as_of,
        record.source[:255],
    ):
        return latest
    return counts.record_count(
        record.province_code, record.certified_on_as_of, record.as_of, record.source, record.created_by
    )


def _invite_new_producers(results: list[LineResult]) -> None:
    """Each new stub's owner is invited to claim it (``shop.producers.claiming``), after commit."""
    from shop.producers.claiming import invite_to_claim

    partners = {result.partner.pk: result.partner for result in results if result.producer_created}
    for partner in partners.values():
        transaction.on_commit(lambda partner=partner: invite_to_claim(partner), robust=True)


def check_params(province_code, as_of, source) -> None:
    """The import's own data: a province of the 2025 list, a list not dated in the future, a source."""
    errors = {}
    if not addresses.province_name(province_code):
        errors["province_code"] = _("Mã tỉnh/thành phố %(code)s không có trong danh mục 2025.") % {
            "code": province_code
        }
    if as_of is None or as_of > timezone.localdate():
        errors["as_of"] = _("Ngày của danh sách không được sau hôm nay.")
    if not (source or "").strip():
        errors["source"] = _("Ghi rõ nguồn danh sách (quyết định hoặc văn bản của tỉnh).")
    if errors:
        raise ValidationError(errors)


def new_record(province_code, *, as_of, source, user=None, dry_run=True, filename="", **extra) -> RegistryImport:
    check_params(province_code, as_of, source)
    return RegistryImport.objects.create(
        province_code=int(province_code),
        as_of=as_of,
        source=source.strip()[:255],
        created_by=user if user is not None and user.is_authenticated else None,
        dry_run=dry_run,
        filename=filename[:255],
        **extra,
    )


def run_record(record: RegistryImport, rows: Iterable[Mapping], progress: Progress | None = None) -> ImportReport:
    """Run ``record``'s import over ``rows`` (canonical keys or Vietnamese headers)."""
    lines = [reading.canonical(row) for row in rows]
    for index, line in enumerate(lines, start=2):
        line.setdefault("line", index)
    record.state, record.total, record.done = RegistryImport.State.RUNNING, len(lines), 0
    record.save(update_fields=["state", "total", "done"])
    run = _Run(record, record.created_by)
    results = _apply(run, lines, progress, dry_run=record.dry_run)
    with transaction.atomic():
        if record.dry_run:
            _save_lines(record, results)
        _finish(record, results)
        if not record.dry_run and record.new_producers:
            _invite_new_producers(results)
    logger.info(
        "registry import %s done",
        record.pk,
        extra={"province": record.province_code, "dry_run": record.dry_run, "counts": record.counts()},
    )
    return ImportReport(record, results)


def import_rows(
    rows: Iterable[Mapping],
    province_code,
    *,
    as_of: datetime.date,
    source: str,
    user=None,
    dry_run: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the list's ``rows`` for ``province_code`` (see the module docstring); ``progress(done, total)`` is
    called as it goes. Raises ValidationError for a bad province, date or source."""
    record = new_record(province_code, as_of=as_of, source=source, user=user, dry_run=dry_run)
    return run_record(record, list(rows), progress)


def import_file(fileobj, filename: str, province_code, **options) -> ImportReport:
    """``import_rows`` over an .xlsx or .csv file, kept with the import in private storage. Raises
    ValidationError for a file it cannot read (one message for the whole file)."""
    rows = reading.read_rows(fileobj, filename)
    record = new_record(
        province_code,
        as_of=options["as_of"],
        source=options["source"],
        user=options.get("user"),
        dry_run=options.get("dry_run", True),
        filename=filename,
    )
    fileobj.seek(0)
    from django.core.files.base import ContentFile

    record.file.save(stored_name(filename), ContentFile(fileobj.read()), save=True)
    return run_record(record, rows, options.get("progress"))


def stored_name(filename: str) -> str:
    extension = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    return f"danh-sach-ocop-{secrets.token_hex(8)}{extension}"


def run_queued(record_id: int) -> RegistryImport:
    """The worker's side: read the stored file and run the import; a file it cannot read fails the import."""
    record = RegistryImport.objects.get(pk=record_id)
    if record.state not in (RegistryImport.State.QUEUED, RegistryImport.State.RUNNING):
        return record  # done or failed: never run twice
    try:
        with record.file.open("rb") as stored:
            rows = reading.read_rows(stored, record.filename)
        run_record(record, rows)
    except ValidationError as error:
        record.state, record.error, record.finished_at = (
            RegistryImport.State.FAILED,
            " ".join(error.messages),
            timezone.now(),
        )
        record.save(update_fields=["state", "error", "finished_at"])
    except Exception:
        record.refresh_from_db()
        record.state, record.finished_at = RegistryImport.State.FAILED, timezone.now()
        record.error = _("Lỗi hệ thống khi nhập; các dòng đã nhập được giữ, có thể nhập lại tệp này.")
        record.save(update_fields=["state", "error", "finished_at"])
        raise
    return record
