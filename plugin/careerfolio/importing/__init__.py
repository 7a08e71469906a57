"""Bringing a career in from elsewhere: a LinkedIn data export or a JSON Resume, written as private content files.

Readers (`linkedin`, `jsonresume`) turn foreign data into `ImportedRecord`s and
located notes; `writer` turns records into files, skipping those the site has.
"""
