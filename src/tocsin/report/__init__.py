"""Turning records into JSON, CSV and tables."""
