"""Progress reports: statistics over the store, terminal and HTML renderers, Anki export, backups and
the personalized scheduler fit.

Every statistic is a pure function of the store's rows, an explicit ``now`` (aware UTC datetime) and the
day-start hour, so reports are reproducible and testable with a fake clock.
"""
