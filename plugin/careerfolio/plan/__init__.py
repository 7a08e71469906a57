"""The plan of one build: which pages, files and nav a site gets for its audience, decided from the corpus alone."""
