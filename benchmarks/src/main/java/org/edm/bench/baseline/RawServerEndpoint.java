package org.edm.bench.baseline;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.bench.frames.BenchFrame;
import org.edm.bench.frames.Hello;

/**
 * The raw-frame floor's responder on the memory node's host agent: answers a READ_REQUEST with READ_DATA frames
 * carrying the requested number of bytes, and the last WRITE_DATA frame of a write with a WRITE_ACK. It has no memory:
 * it moves as many bytes as the read or write would, through the same switch and links as EDM's traffic, which is the
 * floor EDM is judged against. Replies wait in a FIFO of jobs (preallocated) until the host's frame outlet has room;
 * a request that finds the FIFO full is dropped and counted (its client times out).
 * <pre>
 *   READ_REQUEST(tag, n)         -> job: READ_DATA frames of tag carrying bytes 0..n, MTU - 36 bytes each
 *   WRITE_DATA(tag, n, offset)   -> when offset + payload = n: job: one WRITE_ACK(tag)
 * </pre>
 */
public final class RawServerEndpoint implements FrameEndpoint
{
    private static final int JOBS = 8192;

    private final long mac;
    private final int perFrame;
    private final UnsafeBuffer frame;
    private final Hello hello;
    private final long[] jobDestination = new long[JOBS];
    private final int[] jobTag = new int[JOBS];
    private final int[] jobKind = new int[JOBS];
    private final int[] jobLength = new int[JOBS];
    private final int[] jobOffset = new int[JOBS];
    private int head;
    private int count;
    private long dropped;
    private long served;

    /**
     * @param mac the memory node's MAC.
     * @param mtu the longest frame it may send (no FCS).
     */
    public RawServerEndpoint(final long mac, final int mtu)
    {
        this.mac = mac;
        this.perFrame = BenchFrame.payloadPerFrame(mtu);
        this.frame = new UnsafeBuffer(new byte[mtu]);
        this.hello = new Hello(mac);
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        if (!BenchFrame.isBenchFrame(buffer, offset, length))
        {
            return;
        }
        final int kind = BenchFrame.kind(buffer, offset);
        if (kind == BenchFrame.READ_REQUEST)
        {
            enqueue(BenchFrame.source(buffer, offset), BenchFrame.tag(buffer, offset), BenchFrame.READ_DATA,
                BenchFrame.length(buffer, offset));
        }
        else if (kind == BenchFrame.WRITE_DATA)
        {
            final int total = BenchFrame.length(buffer, offset);
            final int end = BenchFrame.fragmentOffset(buffer, offset) + (length - BenchFrame.HEADER_LENGTH);
            if (end >= total)
            {
                enqueue(BenchFrame.source(buffer, offset), BenchFrame.tag(buffer, offset), BenchFrame.WRITE_ACK, 0);
            }
        }
    }

    public int doWork(final Outlet outlet, final long nowNanos)
    {
        int work = hello.sendIfDue(outlet, nowNanos);
        while (count > 0 && outlet.room() > 0)
        {
            final int job = head;
            final int payload = jobKind[job] == BenchFrame.WRITE_ACK ? 0 :
                Math.min(perFrame, jobLength[job] - jobOffset[job]);
            BenchFrame.writeHeader(frame, 0, jobDestination[job], mac, jobKind[job], jobTag[job], jobLength[job],
                jobOffset[job], nowNanos);
            if (outlet.offer(frame, 0, BenchFrame.HEADER_LENGTH + payload) < 0)
            {
                break;
            }
            work++;
            jobOffset[job] += payload;
            if (jobKind[job] == BenchFrame.WRITE_ACK || jobOffset[job] >= jobLength[job])
            {
                head = head + 1 == JOBS ? 0 : head + 1;
                count--;
                served++;
            }
        }
        return work;
    }

    /** Requests dropped because the job FIFO was full. */
    public long dropped()
    {
        return dropped;
    }

    /** Replies completed (read data sent whole, or write acknowledged). */
    public long served()
    {
        return served;
    }

    private void enqueue(final long destination, final int tag, final int kind, final int length)
    {
        if (count == JOBS)
        {
            dropped++;
            return;
        }
        final int at = (head + count) % JOBS;
        jobDestination[at] = destination;
        jobTag[at] = tag;
        jobKind[at] = kind;
        jobLength[at] = length;
        jobOffset[at] = 0;
        count++;
    }
}
