"""dakg tests."""
