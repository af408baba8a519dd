"""The public dashboard's pages across every kind of record: the overview, the published
changes with their feeds, the about and accessibility pages, and the template tags
the public pages share."""
