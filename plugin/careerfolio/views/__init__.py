"""Views: the only Jinja users. Records and figures become HTML, SVG, JSON and feeds, in the site's language."""
