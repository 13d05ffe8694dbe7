"""Command-line interface: thin shells over ingest, nlp, store and query."""
