"""The finance pages, one module per page family: the payment desk with the bank statement import
(``payments``) and the producers' monthly settlements (``settlements``)."""
