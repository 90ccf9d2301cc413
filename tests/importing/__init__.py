"""Tests of roledocs.importing: role files from Word job descriptions, JobPostings and O*NET."""
