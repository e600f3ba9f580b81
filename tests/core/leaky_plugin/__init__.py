"""A plugin that breaks the contract on purpose: its notes are not a tenant table and its page
lists every village's. The core's contract tests must catch it."""
