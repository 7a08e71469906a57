"""Authoring: the commands that write into a user's files (init, new, check-up, editor support), never overwriting."""
