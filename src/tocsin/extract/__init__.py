"""Event extraction: triggers, roles, actors, claims and factuality, casualties."""
