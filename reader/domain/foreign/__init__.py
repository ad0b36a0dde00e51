"""What other annotation tools' files hold, read and written: one module per format.

A format module has ``read(path) -> PeerFile`` and ``write(documents, path)``, and is listed
in ``reader.domain.foreign.formats``; ``detect`` tells the formats apart.
"""
