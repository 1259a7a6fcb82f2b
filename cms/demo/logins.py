"""The demo logins (the README lists them). Development data only."""

STAFF_EMAIL, STAFF_PASSWORD = "admin@ocop.example.vn", "ocop-admin-2026"
REVIEWER_EMAIL, REVIEWER_PASSWORD = "canbo@ocop.example.vn", "ocop-reviewer-2026"
PRODUCER_EMAIL, PRODUCER_PASSWORD = "nhasanxuat@ocop.example.vn", "ocop-producer-2026"
ASSISTANT_EMAIL, ASSISTANT_PASSWORD = "buudien@ocop.example.vn", "ocop-assistant-2026"
