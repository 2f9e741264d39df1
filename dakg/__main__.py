"""Allow ``python -m dakg``."""

from dakg.cli import main

main()
