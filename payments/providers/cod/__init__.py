"""Cash on delivery: the provider (``gateway``). How much unpaid COD a buyer may hold is checkout policy
against stock hoarding and lives in ``payments.cod_limits``."""
