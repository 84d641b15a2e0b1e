"""Coding at scale: a backfill on a distributed engine (Ray Data) written as Parquet partitions,
and their loading into the store."""
