"""Tests of roledocs.source: reading files safely, YAML, schemas, the built-in checks, targets, catalogue roots."""
