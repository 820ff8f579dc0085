package org.edm.phy.carrier;

/**
 * Classifies the link sequence numbers of one link direction's carrier frames as they arrive, and counts lost,
 * duplicated and reordered frames. Sequence numbers are 32-bit and wrap; they are compared in serial-number
 * arithmetic against the highest one accepted, with a 64-frame window of the ones seen behind it.
 * <pre>
 *   result             when                                                   frame    counted as
 *   FIRST               first frame, or the sender's RESTART flag is set       accept   (restarts if not first)
 *   IN_ORDER            highest + 1                                            accept
 *   GAP                 highest + k, k &gt; 1: k - 1 frames never arrived         accept   gaps += 1, lost += k - 1
 *   DUPLICATE           already seen (within the window)                       drop     duplicates
 *   LATE                behind the highest, within the window, not yet seen   drop     reordered
 *   STALE               more than 63 behind the highest                        drop     stale
 *   RESYNC              the {@value #RESYNC_AFTER_STALE}th STALE in a row: the  accept   resyncs
 *                       sender must have restarted without saying so
 * </pre>
 * A late frame is dropped rather than delivered, because its blocks would land out of order; it stays counted in
 * {@link #lostFrames()} (its blocks never reached the stream) and is also counted in {@link #reordered()}.
 * Never throws; no allocation.
 */
public final class LinkSequenceTracker
{
    public static final int FIRST = 2;
    public static final int RESYNC = 3;
    public static final int IN_ORDER = 0;
    public static final int GAP = 1;
    public static final int DUPLICATE = CarrierStatus.DUPLICATE;
    public static final int LATE = CarrierStatus.LATE;
    public static final int STALE = CarrierStatus.STALE;

    /** Consecutive stale frames after which the tracker trusts the new numbering. */
    public static final int RESYNC_AFTER_STALE = 8;
    private static final int WINDOW = 64;

    private boolean synced;
    private int highest;
    private long window;
    private int consecutiveStale;
    private long accepted;
    private long gaps;
    private long lostFrames;
    private long duplicates;
    private long reordered;
    private long stale;
    private long restarts;
    private long resyncs;

    /**
     * Classifies one frame's sequence number.
     *
     * @param restart whether the frame carries {@link CarrierFrame#RESTART_FLAG}.
     * @return one of the results in the class comment: zero or positive means deliver the frame, negative (a
     * {@link CarrierStatus}) means drop it.
     */
    public int track(final int sequence, final boolean restart)
    {
        if (!synced || restart)
        {
            if (synced)
            {
                restarts++;
            }
            resync(sequence);
            return FIRST;
        }
        final int diff = sequence - highest;
        if (diff > 0)
        {
            window = diff >= WINDOW ? 1L : (window << diff) | 1L;
            highest = sequence;
            consecutiveStale = 0;
            accepted++;
            if (diff == 1)
            {
                return IN_ORDER;
            }
            gaps++;
            lostFrames += diff - 1;
            return GAP;
        }
        if (diff > -WINDOW)
        {
            final long bit = 1L << -diff;
            if ((window & bit) != 0)
            {
                duplicates++;
                return DUPLICATE;
            }
            window |= bit;
            reordered++;
            return LATE;
        }
        stale++;
        if (++consecutiveStale >= RESYNC_AFTER_STALE)
        {
            resyncs++;
            resync(sequence);
            return RESYNC;
        }
        return STALE;
    }

    private void resync(final int sequence)
    {
        synced = true;
        highest = sequence;
        window = 1L;
        consecutiveStale = 0;
        accepted++;
    }

    /** Forgets everything but the counters: the next frame is FIRST. */
    public void reset()
    {
        synced = false;
    }

    /** The highest sequence number accepted (meaningful once a frame was accepted). */
    public int highest()
    {
        return highest;
    }

    /** Frames accepted (FIRST, IN_ORDER, GAP, RESYNC). */
    public long accepted()
    {
        return accepted;
    }

    /** Times sequence numbers jumped forward by more than one. */
    public long gaps()
    {
        return gaps;
    }

    /** Sequence numbers skipped over by gaps. */
    public long lostFrames()
    {
        return lostFrames;
    }

    public long duplicates()
    {
        return duplicates;
    }

    /** Frames that arrived after a later one (and were dropped). */
    public long reordered()
    {
        return reordered;
    }

    /** Frames too far behind to classify (dropped). */
    public long stale()
    {
        return stale;
    }

    /** RESTART flags seen after the first frame. */
    public long restarts()
    {
        return restarts;
    }

    /** Times the tracker gave up on the old numbering after a run of stale frames. */
    public long resyncs()
    {
        return resyncs;
    }
}
