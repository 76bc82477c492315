"""The network of partners: networkx graphs and metrics from the store, and the interactive map."""
