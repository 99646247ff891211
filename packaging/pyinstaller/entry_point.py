"""The frozen app's main script: the same as the ``coordinator-app`` console script."""

import sys

from coordinator_app.cli import main

sys.exit(main())
