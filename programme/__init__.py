"""The programme core: what every other app refers to (see models.py)."""
