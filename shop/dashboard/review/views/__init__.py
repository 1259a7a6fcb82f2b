"""The reviewers' pages, one module per page family: the review queue and decisions (``queue``),
producers and their applications (``producers``), assisted entry grants (``assistants``), products
without a valid certificate (``uncertified``), revocation decisions (``revocations``), certificates
breaking a rule (``certificate_checks``) and the programme figures (``figures``)."""
