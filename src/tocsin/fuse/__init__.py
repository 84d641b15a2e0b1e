"""Fusion: reports of one occurrence, from many documents, gathered into one event.

``reports.Report`` is what one document says (a view of an event record); ``match`` decides whether
two reports may be one event and how strongly the evidence says so; ``group.fuse`` turns reports
into groups (a pure function, the same whatever the order of its input); ``record`` builds the fused
event with its claims ledger and fatality range. The store keeps the groups and their history
(``tocsin.store.fusion``).
"""
