"""Tests of roledocs.site: `roledocs build`."""
