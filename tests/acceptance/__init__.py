"""Spec-level, end-to-end tests: the example catalogue, the fixture folders, the installed package and wheel."""
