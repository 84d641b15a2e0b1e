"""Gazetteer and place resolution."""
