"""RPython's runtime library (rlib)."""
