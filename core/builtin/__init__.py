"""The core's own plugin: sign-in, dashboards, onboarding, village settings and users.

The core's default behaviour is built from the same hooks every plugin uses.
"""
