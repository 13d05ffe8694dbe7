"""Queries over the knowledge base: ``KnowledgeBase`` (kb.py), search, standings, checks, questions, export."""
