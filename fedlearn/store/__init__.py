"""Adapters that touch the world: git, JSONL input and rotation, atomic writes, the state dir
and its locks, key files, the node id.
"""
