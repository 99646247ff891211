"""``python -m coordinator_app``: the same as the ``coordinator-app`` command."""

import sys

from coordinator_app.cli import main

sys.exit(main())
