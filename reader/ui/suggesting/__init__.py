"""Suggestions in the window: drawn over the text, accepted, rejected, walked, and made on a worker thread."""
