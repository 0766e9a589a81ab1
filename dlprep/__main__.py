"""``python -m dlprep`` runs the command line."""

import sys

from dlprep.cli import main

sys.exit(main())
