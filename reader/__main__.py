import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":  # not when a child process (the suggester's) imports this module
    multiprocessing.freeze_support()  # the built app starting as such a child
    sys.exit(main())
