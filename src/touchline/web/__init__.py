"""Server-rendered web pages (Jinja2 templates, one stylesheet) over the knowledge base; see ``routes``."""
