package org.edm.sim;

/**
 * Progress of a running simulation, reported by the core. The core calls {@link #progress} as often as suits it
 * (every few thousand slots is plenty); implementations must be cheap and must throttle their own output. Called on
 * the core's thread only.
 */
public interface ProgressListener
{
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener()
    {
        public void progress(final long slot, final long finishedRows, final long totalRows)
        {
        }
    };

    /**
     * The simulation has reached {@code slot}.
     *
     * @param slot         the current simulated slot.
     * @param finishedRows rows finished so far ({@link FlowRecorder#finishedRows()}).
     * @param totalRows    rows expected ({@link FlowRecorder#rowCount()}: flows plus read responses).
     */
    void progress(long slot, long finishedRows, long totalRows);

    /** The simulation has ended at {@code slot}; called once. */
    default void done(final long slot, final long finishedRows, final long totalRows)
    {
    }
}
