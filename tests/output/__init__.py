"""Tests of roledocs.output: atomic writes and output files."""
