"""Watching the record for escalation: daily series per area, alert rules, replay.

``occurrences`` turns stored events (fused events, imported histories) into dated, placed
occurrences; ``alert`` holds the alert record, thresholds and levels; ``surge`` the surges (over a
week and in a day, a mission's figures on the days they cover); ``rules`` the other kinds
(build-up, precursor, warned, coverage), each a function of those occurrences and a day;
``alerts`` runs them for one day or replays them day by day as a monitor would have, each day
seeing only what was known by then.
"""
