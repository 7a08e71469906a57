"""Privacy: what a public page loses before it is published, and the guard that searches the finished site for private text."""
