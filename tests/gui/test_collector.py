"""A session's objects are set aside from the garbage collector, and given back when the session ends."""

from __future__ import annotations

import gc
import weakref

from coordinator_app.gui.application import release_long_lived_objects, set_aside_long_lived_objects


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_what_a_session_set_aside_is_collected_when_it_ends() -> None:
    node = _Node()
    gone = weakref.ref(node)
    set_aside_long_lived_objects()
    assert gc.get_freeze_count() > 0
    del node
    gc.collect()
    assert gone() is not None  # set aside: the collector does not look at it

    release_long_lived_objects()  # the session's window is gone

    assert gc.get_freeze_count() == 0 and gone() is None
