"""Content: a site's Markdown files read into validated, typed records (the corpus), and where each page lives."""
