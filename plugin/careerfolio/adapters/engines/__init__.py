"""Other site engines (Zensical and anything that runs no plugins): a site source written as plain files."""
