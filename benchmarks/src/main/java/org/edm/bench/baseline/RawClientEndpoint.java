package org.edm.bench.baseline;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.bench.frames.BenchFrame;
import org.edm.bench.frames.Hello;
import org.edm.phy.mem.CompletionStatus;

/**
 * The raw-frame floor's client side on a client's host agent: the operations a {@link RawTransport} started, the
 * frames still to send for them (a read: one READ_REQUEST; a write: its WRITE_DATA frames), and what came back. An
 * operation completes when the last byte of its READ_DATA or its WRITE_ACK arrives, or with TIMEOUT when nothing
 * completed it in time; its tag carries a generation, so frames for an operation that timed out are ignored.
 * <pre>
 *   tag = generation (16 bits) | slot (16 bits)
 *   start(slot)  -> slot queued to send       doWork -> its frames, FIFO, as the outlet has room
 *   onFrame      -> bytes counted per slot    complete -> the completion ring, drained by RawTransport.poll
 * </pre>
 * Runs on the agent's thread, which is the bench's thread (the bench drives the agents INVOKER style); no locking.
 */
public final class RawClientEndpoint implements FrameEndpoint
{
    /** Operations in flight at most. */
    public static final int SLOTS = 4096;

    private final long mac;
    private final long server;
    private final int perFrame;
    private final UnsafeBuffer frame;
    private final Hello hello;

    private final boolean[] active = new boolean[SLOTS];
    private final int[] generation = new int[SLOTS];
    private final boolean[] isRead = new boolean[SLOTS];
    private final int[] length = new int[SLOTS];
    private final int[] received = new int[SLOTS];
    private final int[] sentOffset = new int[SLOTS];
    private final long[] startNanos = new long[SLOTS];

    private final int[] sendQueue = new int[SLOTS];
    private final int[] sendGeneration = new int[SLOTS];
    private int sendHead;
    private int sendCount;

    private final int[] doneSlot = new int[SLOTS];
    private final int[] doneStatus = new int[SLOTS];
    private int doneHead;
    private int doneCount;

    private long wireBytes;

    /**
     * @param mac    this client's MAC.
     * @param server the memory node's MAC.
     * @param mtu    the longest frame it may send (no FCS).
     */
    public RawClientEndpoint(final long mac, final long server, final int mtu)
    {
        this.mac = mac;
        this.server = server;
        this.perFrame = BenchFrame.payloadPerFrame(mtu);
        this.frame = new UnsafeBuffer(new byte[mtu]);
        this.hello = new Hello(mac);
    }

    /** Starts an operation in {@code slot} (free, below {@link #SLOTS}); false when the send queue is full. */
    boolean start(final int slot, final boolean read, final int bytes, final long nowNanos)
    {
        if (sendCount == SLOTS)
        {
            return false;
        }
        final int gen = (generation[slot] + 1) & 0xFFFF;
        generation[slot] = gen;
        active[slot] = true;
        isRead[slot] = read;
        length[slot] = bytes;
        received[slot] = 0;
        sentOffset[slot] = 0;
        startNanos[slot] = nowNanos;
        final int at = (sendHead + sendCount) % SLOTS;
        sendQueue[at] = slot;
        sendGeneration[at] = gen;
        sendCount++;
        return true;
    }

    /** Ends every operation started before {@code deadlineNanos} with TIMEOUT; returns how many. */
    int expire(final long deadlineNanos)
    {
        int expired = 0;
        for (int slot = 0; slot < SLOTS; slot++)
        {
            if (active[slot] && startNanos[slot] - deadlineNanos < 0)
            {
                complete(slot, CompletionStatus.TIMEOUT);
                expired++;
            }
        }
        return expired;
    }

    /** Completions waiting to be taken. */
    int completedCount()
    {
        return doneCount;
    }

    /** The slot of the oldest waiting completion. */
    int completedSlot()
    {
        return doneSlot[doneHead];
    }

    /** The status of the oldest waiting completion. */
    int completedStatus()
    {
        return doneStatus[doneHead];
    }

    /** Drops the oldest waiting completion. */
    void takeCompleted()
    {
        doneHead = doneHead + 1 == SLOTS ? 0 : doneHead + 1;
        doneCount--;
    }

    /** Wire bytes of the frames this client sent and received (framing overhead and gap included). */
    long wireBytes()
    {
        return wireBytes;
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int frameLength, final long nowNanos)
    {
        if (!BenchFrame.isBenchFrame(buffer, offset, frameLength))
        {
            return;
        }
        final int kind = BenchFrame.kind(buffer, offset);
        if (kind != BenchFrame.READ_DATA && kind != BenchFrame.WRITE_ACK)
        {
            return;
        }
        wireBytes += BenchFrame.onWire(frameLength);
        final int tag = BenchFrame.tag(buffer, offset);
        final int slot = tag & 0xFFFF;
        if (slot >= SLOTS || !active[slot] || generation[slot] != tag >>> 16)
        {
            return;
        }
        if (kind == BenchFrame.WRITE_ACK)
        {
            if (!isRead[slot])
            {
                complete(slot, CompletionStatus.SUCCESS);
            }
            return;
        }
        received[slot] += frameLength - BenchFrame.HEADER_LENGTH;
        if (isRead[slot] && received[slot] >= length[slot])
        {
            complete(slot, CompletionStatus.SUCCESS);
        }
    }

    public int doWork(final Outlet outlet, final long nowNanos)
    {
        int work = hello.sendIfDue(outlet, nowNanos);
        while (sendCount > 0 && outlet.room() > 0)
        {
            final int slot = sendQueue[sendHead];
            if (!active[slot] || generation[slot] != sendGeneration[sendHead])
            {
                popSend();
                continue;
            }
            final int tag = generation[slot] << 16 | slot;
            final int frameLength;
            if (isRead[slot])
            {
                frameLength = BenchFrame.writeHeader(frame, 0, server, mac, BenchFrame.READ_REQUEST, tag, length[slot],
                    0, nowNanos);
            }
            else
            {
                final int payload = Math.min(perFrame, length[slot] - sentOffset[slot]);
                frameLength = BenchFrame.writeHeader(frame, 0, server, mac, BenchFrame.WRITE_DATA, tag, length[slot],
                    sentOffset[slot], nowNanos) + payload;
            }
            if (outlet.offer(frame, 0, frameLength) < 0)
            {
                break;
            }
            work++;
            wireBytes += BenchFrame.onWire(frameLength);
            if (isRead[slot])
            {
                popSend();
            }
            else
            {
                sentOffset[slot] += frameLength - BenchFrame.HEADER_LENGTH;
                if (sentOffset[slot] >= length[slot])
                {
                    popSend();
                }
            }
        }
        return work;
    }

    private void popSend()
    {
        sendHead = sendHead + 1 == SLOTS ? 0 : sendHead + 1;
        sendCount--;
    }

    private void complete(final int slot, final int status)
    {
        active[slot] = false;
        final int at = (doneHead + doneCount) % SLOTS;
        doneSlot[at] = slot;
        doneStatus[at] = status;
        doneCount++;
    }
}
