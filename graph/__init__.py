"""dakg.graph."""
