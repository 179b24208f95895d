"""The vector side: export's snapshot + manifest, import's verification, sources, batches and
quarantine, the embedders and the Qdrant adapter.
"""
