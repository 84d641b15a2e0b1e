"""Watching the record for escalation: daily series per area, alert rules, replay.

``occurrences`` turns stored events (fused events, imported histories) into dated, placed
occurrences; ``rules`` holds each kind of alert (surge, precursor, warned, coverage) as a function
of those occurrences and a day; ``alerts`` runs them for one day or replays them day by day as a
monitor would have, each day seeing only what was known by then.
"""
