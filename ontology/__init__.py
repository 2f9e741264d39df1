"""dakg.ontology."""
