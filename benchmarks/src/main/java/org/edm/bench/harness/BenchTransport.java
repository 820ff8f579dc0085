package org.edm.bench.harness;

/**
 * One client of one system under test, as {@code edm bench} drives it: remote reads and writes of one region on one
 * target, submitted and completed on the bench's thread. Implementations: EDM (a host agent's {@code RemoteMemory}
 * session), software RoCE (a queue pair riding the host agent's ordinary-frame path), and the floors (raw-frame
 * ping-pong, kernel UDP request/response), which have no memory and answer every operation with a reply of the size
 * a read or write would move.
 * <p>
 * Single-threaded. When the fabric's agents are embedded in INVOKER style, {@link #poll} also runs their duty cycles;
 * otherwise it only collects completions. {@link #submit} and {@link #poll} do not allocate, block or throw in steady
 * state: failures are negative return codes and error statuses.
 */
public interface BenchTransport extends AutoCloseable
{
    /** {@link #submit}'s operation: read {@code length} bytes at {@code address} of the target's region. */
    int READ = 0;
    /** {@link #submit}'s operation: write {@code length} bytes at {@code address} of the target's region. */
    int WRITE = 1;

    /** {@link #submit} refused for now: too many outstanding; poll and try again. */
    int BACK_PRESSURED = -1;
    /** {@link #submit} refused: the operation or length is one this transport cannot carry. */
    int UNSUPPORTED = -2;

    /** Receives completions, with the time {@link #poll} saw them ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Completions
    {
        /**
         * @param token     what the caller passed to {@link #submit}.
         * @param status    0 on success, else a transport-specific error code (named by {@link #statusName}).
         * @param nowNanos  when the completion was observed.
         */
        void onComplete(long token, int status, long nowNanos);
    }

    /** The baseline's name as the report shows it: "edm", "roce", "raw", "udp". */
    String name();

    /** Operations that may be outstanding at once. */
    int maxOutstanding();

    /** Bytes of region the target offers from address 0. */
    long regionBytes();

    /**
     * Starts one operation.
     *
     * @param operation {@link #READ} or {@link #WRITE}.
     * @param token     echoed to {@link Completions#onComplete}.
     * @return 0 when started, {@link #BACK_PRESSURED} or {@link #UNSUPPORTED} when not.
     */
    int submit(int operation, long address, int length, long token);

    /**
     * Runs one duty cycle (the embedded agents' too, if any) and delivers completions.
     *
     * @return work done; 0 means nothing happened.
     */
    int poll(Completions completions);

    /** Completions outstanding. */
    int outstanding();

    /**
     * Bytes this client's link has put on the wire so far in both directions, as the emulated PHY counts them: 8 bytes
     * per 66-bit block slot used, idle slots within a frame's inter-frame gap included for frames.
     */
    long wireBytes();

    /** A readable name for a non-zero status. */
    String statusName(int status);

    /** Releases what it holds; does not throw. */
    @Override
    void close();
}
