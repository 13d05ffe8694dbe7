"""Merge per-article facts into knowledge: one match from many reports, one person, role tenures."""
