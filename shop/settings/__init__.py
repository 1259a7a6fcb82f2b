"""Settings split: base (shared), dev (laptop), test (pytest, PostgreSQL), production."""
