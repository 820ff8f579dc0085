package org.edm.phy.carrier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSequenceTrackerTest
{
    private final LinkSequenceTracker tracker = new LinkSequenceTracker();

    @Test
    void shouldAcceptConsecutiveNumbersInOrder()
    {
        assertThat(tracker.track(7, false)).isEqualTo(LinkSequenceTracker.FIRST);
        assertThat(tracker.track(8, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.track(9, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.accepted()).isEqualTo(3);
        assertThat(tracker.gaps()).isZero();
    }

    @Test
    void shouldCountGapsAndLostFrames()
    {
        tracker.track(0, true);

        assertThat(tracker.track(3, false)).isEqualTo(LinkSequenceTracker.GAP);
        assertThat(tracker.track(4, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.track(10, false)).isEqualTo(LinkSequenceTracker.GAP);

        assertThat(tracker.gaps()).isEqualTo(2);
        assertThat(tracker.lostFrames()).isEqualTo(2 + 5);
    }

    @Test
    void shouldDropDuplicatesAndLateFrames()
    {
        tracker.track(0, true);
        tracker.track(1, false);
        tracker.track(3, false);

        assertThat(tracker.track(3, false)).isEqualTo(LinkSequenceTracker.DUPLICATE);
        assertThat(tracker.track(1, false)).isEqualTo(LinkSequenceTracker.DUPLICATE);
        assertThat(tracker.track(2, false)).isEqualTo(LinkSequenceTracker.LATE);
        assertThat(tracker.track(2, false)).isEqualTo(LinkSequenceTracker.DUPLICATE);
        assertThat(tracker.track(4, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);

        assertThat(tracker.duplicates()).isEqualTo(3);
        assertThat(tracker.reordered()).isEqualTo(1);
        assertThat(tracker.lostFrames()).isEqualTo(1);
        assertThat(tracker.accepted()).isEqualTo(4);
    }

    @Test
    void shouldFollowSequenceNumbersAcrossTheWrap()
    {
        tracker.track(-2, true);

        assertThat(tracker.track(-1, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.track(0, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.track(2, false)).isEqualTo(LinkSequenceTracker.GAP);
        assertThat(tracker.track(-1, false)).isEqualTo(LinkSequenceTracker.DUPLICATE);
        assertThat(tracker.track(1, false)).isEqualTo(LinkSequenceTracker.LATE);
        assertThat(tracker.lostFrames()).isEqualTo(1);
    }

    @Test
    void shouldResynchroniseOnARestartFlag()
    {
        tracker.track(100, true);
        tracker.track(101, false);

        assertThat(tracker.track(0, true)).isEqualTo(LinkSequenceTracker.FIRST);
        assertThat(tracker.track(1, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.restarts()).isEqualTo(1);
        assertThat(tracker.gaps()).isZero();
    }

    @Test
    void shouldDropStaleFramesAndResynchroniseAfterARunOfThem()
    {
        tracker.track(1000, true);

        for (int i = 0; i < LinkSequenceTracker.RESYNC_AFTER_STALE - 1; i++)
        {
            assertThat(tracker.track(i, false)).isEqualTo(LinkSequenceTracker.STALE);
        }
        assertThat(tracker.track(7, false)).isEqualTo(LinkSequenceTracker.RESYNC);
        assertThat(tracker.track(8, false)).isEqualTo(LinkSequenceTracker.IN_ORDER);
        assertThat(tracker.stale()).isEqualTo(LinkSequenceTracker.RESYNC_AFTER_STALE);
        assertThat(tracker.resyncs()).isEqualTo(1);
    }

    @Test
    void shouldHandleTheFarthestJumpsWithoutThrowing()
    {
        tracker.track(0, true);

        assertThat(tracker.track(Integer.MIN_VALUE, false)).isEqualTo(LinkSequenceTracker.STALE);
        assertThat(tracker.track(Integer.MAX_VALUE, false)).isEqualTo(LinkSequenceTracker.GAP);
        assertThat(tracker.track(Integer.MAX_VALUE - 63, false)).isEqualTo(LinkSequenceTracker.LATE);
        assertThat(tracker.track(Integer.MAX_VALUE - 64, false)).isEqualTo(LinkSequenceTracker.STALE);
    }
}
