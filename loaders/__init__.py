"""dakg.loaders."""
