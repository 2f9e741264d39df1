"""dakg.viz."""
