"""Tests of roledocs.check: validate end to end, the engine, reporters, rule docs, and fuzzing."""
