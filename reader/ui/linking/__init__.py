"""Linking: relations between annotations made, seen, walked and taken away by keyboard."""
