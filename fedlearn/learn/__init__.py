"""Sync's stages, pure functions over records: telemetry filter, value score, categorize,
learn (anonymize + content id), patterns (join), fine-tuning gate, retention, monthly totals.
"""
