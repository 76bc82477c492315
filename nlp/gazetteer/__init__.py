"""The gazetteer: states, regions, districts and settlements with their points and identifiers, and states by
name, short form or adjective; read by extraction, resolution and description alike."""
