"""careerfolio: manage a career in plain Markdown; build a private dashboard and a public portfolio."""

__version__ = "0.1.0"
