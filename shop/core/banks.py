"""Vietnamese banks a producer can be paid into: the NAPAS BIN (the bank's id in a VietQR payload and in
batch-transfer files), VietQR's short code and the name people know.

From NAPAS's published list of VietQR member banks (2026); a bank missing here is added as a row. The
producer's account names its bank by BIN (``Partner.bank_bin``); ``name`` is what pages and files print.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    bin: str
    code: str  # VietQR's short code, lower case (deeplinks, some batch files)
    name: str


BANKS = (
    Bank("970405", "vba", "Agribank"),
    Bank("970436", "vcb", "Vietcombank"),
    Bank("970415", "icb", "VietinBank"),
    Bank("970418", "bidv", "BIDV"),
    Bank("970422", "mb", "MB"),
    Bank("970407", "tcb", "Techcombank"),
    Bank("970416", "acb", "ACB"),
    Bank("970432", "vpb", "VPBank"),
    Bank("970423", "tpb", "TPBank"),
    Bank("970403", "stb", "Sacombank"),
    Bank("970437", "hdb", "HDBank"),
    Bank("970441", "vib", "VIB"),
    Bank("970443", "shb", "SHB"),
    Bank("970440", "seab", "SeABank"),
    Bank("970449", "lpb", "LPBank"),
    Bank("970426", "msb", "MSB"),
    Bank("970431", "eib", "Eximbank"),
    Bank("970448", "ocb", "OCB"),
    Bank("970428", "nab", "Nam A Bank"),
    Bank("970409", "bab", "Bac A Bank"),
    Bank("970425", "abb", "ABBANK"),
    Bank("970452", "klb", "KienlongBank"),
    Bank("970412", "pvcb", "PVcomBank"),
    Bank("970454", "vccb", "Bản Việt (BVBank)"),
    Bank("970419", "ncb", "NCB"),
    Bank("970430", "pgb", "PGBank"),
    Bank("970400", "sgicb", "Saigonbank"),
    Bank("970446", "coopbank", "Co-opBank (Ngân hàng Hợp tác xã)"),
)

BY_BIN = {bank.bin: bank for bank in BANKS}


def choices():
    """(BIN, name) pairs for a form's select, in the order above (the banks most producers use first)."""
    return [(bank.bin, bank.name) for bank in BANKS]


def bank(bin_code):
    """The Bank with this BIN, or None."""
    return BY_BIN.get(bin_code or "")


def bin_for_name(name):
    """The BIN of the bank named ``name`` (as typed before banks were chosen from this list), or ""."""
    folded = (name or "").strip().casefold()
    for candidate in BANKS:
        if folded and (folded == candidate.name.casefold() or folded == candidate.code):
            return candidate.bin
    return ""
