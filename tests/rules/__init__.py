"""Tests of roledocs.rules: each rule module's tests in one file (test_<module>.py), and the documented examples."""
