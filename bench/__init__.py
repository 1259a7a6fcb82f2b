"""Benchmarks and the soak (not tests: nothing here is collected by pytest)."""
