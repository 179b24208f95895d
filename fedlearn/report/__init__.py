"""What status prints and metrics exports: the overview of a node, its Prometheus rendering."""
