"""The domain: documents, spans, offsets, tags and export. Nothing here imports Qt."""
