"""Adapters: where the core meets the outside (MkDocs and ProperDocs, the command line, other site engines)."""
