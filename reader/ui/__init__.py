"""The window: widgets, models, actions and undoable commands (Qt lives only here)."""
