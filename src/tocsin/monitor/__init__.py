"""Continuous monitoring (`tocsin watch`): poll feeds and folders on a schedule, ingest what is new,
fuse it, and keep the day's alerts and bulletin current."""
