"""The endpoint under a bounded load on loopback: it keeps answering, refuses only by its caps, memory flat."""

from __future__ import annotations

import pytest

from benchmarks.load import load, serving

pytestmark = [pytest.mark.server, pytest.mark.slow]  # two thousand requests


def test_two_thousand_requests_twenty_at_a_time(sample_store):
    with serving(sample_store) as (port, pid):
        result = load(port, pid, requests=2000, concurrency=20)
    # every library query and page answered; every bad, forbidden or oversized request refused with its
    # own status; none turned away for being one of twenty at once (they wait for one of four slots)
    assert result.errors == 0, result.unexpected
    assert {200, 400, 403, 413} <= set(result.statuses)
    assert result.rss_end - result.rss_middle < 32 * 2**20  # flat: no growth over the second thousand
