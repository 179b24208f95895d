"""The fixed formats: record structs (records) and the only module that knows paths under data/
(layout).
"""
