"""The test suite: its folders mirror the stages of the package (source, rules, check, team, rendering, output, ...)."""
