"""Exports and imports the back offices offer as file jobs (``shop.jobs.files``): ``kinds`` registers them."""
