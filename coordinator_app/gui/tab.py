"""What every tab of the main window offers the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from coordinator_app.services.trials import TrialSummary


class TrialTab(Protocol):
    """A tab that shows one trial at a time and can re-read its data on demand."""

    def show_trial(self, trial: TrialSummary) -> None:
        """Show ``trial`` (called at start, when the user picks another trial, and on refresh)."""
        ...
