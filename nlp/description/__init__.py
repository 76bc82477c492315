"""Description: what the graph states of a resolved event beyond its cells (its concepts, agreements and their
parties, the states it names), decided here so that the RDF writer only translates it (`describe.describe`)."""
