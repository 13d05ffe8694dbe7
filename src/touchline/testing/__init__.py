"""Utilities for tests and benchmarks (not part of the public API)."""
