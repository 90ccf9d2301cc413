"""Tests of roledocs.rendering: templates, sandbox, view models, documents, charters, RACI, writers."""
