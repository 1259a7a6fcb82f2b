"""The launch tariff: what a new site charges until administrators edit the rates (dashboard → OCOP →
Phí vận chuyển). Prices in đồng, in the range of the national carriers' e-commerce parcels in 2025.
The data migration and the demo loader install it through ``install_tariff``."""

# zone → ([(up to grams, charge)], charge per extra kg above the last band)
LAUNCH_TARIFF = {
    "province": ([(500, 22000), (1000, 25000), (2000, 30000), (5000, 40000)], 3000),
    "region": ([(500, 30000), (1000, 35000), (2000, 45000), (5000, 65000)], 5000),
    "national": ([(500, 38000), (1000, 45000), (2000, 60000), (5000, 95000)], 10000),
}


def install_tariff(ZoneRate, RateBand, tariff=LAUNCH_TARIFF):
    """Give every zone that has no bands yet the tariff's bands (models passed in, so a migration can
    use its historical ones). Zones an administrator already priced are left alone."""
    for zone, (bands, extra_kg_charge) in tariff.items():
        zone_rate, created = ZoneRate.objects.get_or_create(zone=zone, defaults={"extra_kg_charge": extra_kg_charge})
        if not RateBand.objects.filter(zone_rate=zone_rate).exists():
            if not created:
                ZoneRate.objects.filter(pk=zone_rate.pk).update(extra_kg_charge=extra_kg_charge)
            RateBand.objects.bulk_create(
                [RateBand(zone_rate=zone_rate, max_weight_grams=grams, charge=charge) for grams, charge in bands]
            )
