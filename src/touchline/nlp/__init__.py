"""Extraction: a spaCy model where it is needed, plus rule components over an ArticleContext."""
