"""Tests of roledocs.cli: exit codes and standard streams."""
