"""What every tab of the main window offers the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from coordinator_app.services.trials import TrialSummary


class TrialTab(Protocol):
    """A tab that shows one trial at a time and can re-read its data on demand."""

    def show_trial(self, trial: TrialSummary) -> None:
        """Show ``trial`` (called at start, when the user picks another trial, and on refresh)."""
        ...


@runtime_checkable
class PreparedInIdle(Protocol):
    """A tab with more to load than its code and widgets before it is first shown (a library, say)."""

    def prepare(self) -> None:
        """Load it now: called in an idle moment after the tab is made, before it is shown."""
        ...
