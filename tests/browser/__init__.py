"""Checks that open the built sites in headless Chromium, axe-core and the Nu HTML Checker."""
