"""What a ``reader`` command exits with."""

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3  # partial: done, with some input skipped or refused
