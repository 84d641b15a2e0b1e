"""Importing event histories: ACLED and UCDP GED exports into the store, with their provenance.

Analysts combine an existing dataset with tocsin's own coding this way, and alerts can be measured
on a history. Each row becomes one imported event (``{dataset}:{row id}``); a row that cannot be
read is rejected with its line and reason, and the rest are loaded. Importing the same file again
changes nothing.
"""
