"""What the models and a build's events are made in: no cyclic collections, then frozen."""

import gc
import weakref

import pytest

from nlp.heap import long_lived


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_what_is_made_inside_is_frozen_and_collections_come_back() -> None:
    before = gc.get_freeze_count()
    with long_lived():
        assert not gc.isenabled()
        made = [Node() for _ in range(1_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(made)
    # frozen, an object is still freed once nothing refers to it
    gone = weakref.ref(made.pop())
    assert gone() is None


def test_a_collector_turned_off_outside_stays_off() -> None:
    gc.disable()
    try:
        with long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failure_inside_freezes_nothing_and_turns_collections_back_on() -> None:
    before = gc.get_freeze_count()
    made: list[Node] = []
    with pytest.raises(ValueError), long_lived():
        made += [Node() for _ in range(1_000)]
        raise ValueError("cut off")
    assert gc.isenabled()
    # not above: objects frozen earlier (by other tests, the models) may be freed meanwhile, which lowers the count
    assert gc.get_freeze_count() <= before
