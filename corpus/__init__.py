"""dakg.corpus."""
