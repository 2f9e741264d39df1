"""dakg.queries."""
