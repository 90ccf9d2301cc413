"""The version of roledocs, in one place: the package, the reporters (SARIF, JUnit) and the build manifest read it."""
__version__ = "0.1.0"
