"""RDF making: the vocabulary, the IRIs a build mints, the writer of a report's graph, SHACL checks."""
