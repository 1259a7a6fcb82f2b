"""A laptop: SQLite file, database search, console email, DEBUG on."""

import os

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A developer sees template and data edits at once; set OCOP_PAGE_CACHE_SECONDS to try the page cache.
OCOP_PAGE_CACHE_SECONDS = int(os.environ.get("OCOP_PAGE_CACHE_SECONDS", 0))

# A demo collecting account so bank transfer by VietQR works out of the box (BIN 970436 is
# Vietcombank's); production takes the real one from the environment.
VIETQR_BANK_BIN = os.environ.get("VIETQR_BANK_BIN", "970436")
VIETQR_BANK_NAME = os.environ.get("VIETQR_BANK_NAME", "Vietcombank")
VIETQR_ACCOUNT_NUMBER = os.environ.get("VIETQR_ACCOUNT_NUMBER", "0011004299999")
VIETQR_ACCOUNT_NAME = os.environ.get("VIETQR_ACCOUNT_NAME", "CONG TY OCOP MARKET")

# Text messages are recorded in the outbox, not sent (shop.notifications.channels.RecordingSmsBackend).
OCOP_SMS_BACKEND = os.environ.get("OCOP_SMS_BACKEND", "shop.notifications.channels.RecordingSmsBackend")
