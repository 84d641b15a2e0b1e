"""Evaluation of tocsin's output against annotated data."""
