"""The test suite; its folders mirror the package's stages (source, rules, check, team, rendering, output, site, cli)."""
