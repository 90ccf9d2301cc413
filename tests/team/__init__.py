"""Tests of roledocs.team: the RACI matrix and the workload and skill analysis."""
