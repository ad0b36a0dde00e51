"""Reader: a desktop reader and annotator for text corpora."""

__version__ = "0.1.0"
