"""A plugin owning one tenant table, written as a third-party author would, for core tests."""
