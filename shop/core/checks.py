"""System checks of the deployment's own settings, run by ``manage.py check --deploy``."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError

from shop.core.tax_ids import validate_tax_code


@checks.register(deploy=True)
def platform_operator_identity(app_configs, **kwargs):
    """The platform operator withholds and declares its sellers' tax (Decree 117/2025): its vouchers and
    declaration must carry its own tax code and address, set in the environment (OCOP_OPERATOR_*)."""
    operator = settings.OCOP_PLATFORM_OPERATOR
    problems = []
    if not operator.get("tax_code"):
        problems.append(
            checks.Warning(
                "OCOP_OPERATOR_TAX_CODE is not set.",
                hint="Withholding vouchers and the withholding declaration print the platform operator's tax "
                "code: set it (10 digits, or 10-3 for a branch) with OCOP_OPERATOR_NAME and OCOP_OPERATOR_ADDRESS.",
                id="ocop.W001",
            )
        )
    else:
        try:
            validate_tax_code(operator["tax_code"])
        except ValidationError:
            problems.append(
                checks.Error(
                    f"OCOP_OPERATOR_TAX_CODE {operator['tax_code']!r} is not a tax code.",
                    hint="10 digits, or 10 digits, a hyphen and 3 digits for a dependent unit (0101234567-001).",
                    id="ocop.E001",
                )
            )
    if not operator.get("address"):
        problems.append(
            checks.Warning(
                "OCOP_OPERATOR_ADDRESS is not set.",
                hint="The withholding vouchers print the platform operator's address.",
                id="ocop.W002",
            )
        )
    return problems
