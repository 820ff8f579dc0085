package org.edm.bench.baseline;

import org.edm.bench.frames.BenchFrame;
import org.edm.bench.harness.BenchTransport;
import org.edm.phy.mem.CompletionStatus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Kernel UDP request/response as a {@link BenchTransport}: a client socket in the client host's namespace and its own
 * responder socket in the memory node's namespace, both connected and non-blocking, the kernels' traffic crossing the
 * fabric through the hosts' TAP interfaces and the switch agent's L2 path. The responder is served from {@link #poll}
 * on the bench's thread, like the agents. A read sends one READ datagram and completes when all READ_DATA bytes are
 * back; a write sends its WRITE_DATA datagrams and completes on the WRITE_ACK. No memory is read or written: it is the
 * cost of the kernel path, beside the raw-frame floor. Operations not completed within the timeout end with TIMEOUT
 * (a datagram the kernel or the fabric dropped is not resent).
 * <p>
 * Connected channels with direct buffers read and write without allocating; the JDK takes its own uncontended channel
 * locks on each call.
 */
public final class UdpTransport implements BenchTransport
{
    private static final long EXPIRY_CHECK_NANOS = 1_000_000;
    private static final int DATAGRAMS_PER_POLL = 64;
    private static final int JOBS = 4096;

    private final DatagramChannel client;
    private final DatagramChannel server;
    private final Runnable duty;
    private final int depth;
    private final long timeoutNanos;
    private final long regionBytes;
    private final ByteBuffer out = ByteBuffer.allocateDirect(UdpMessage.HEADER_LENGTH + UdpMessage.PAYLOAD);
    private final ByteBuffer in = ByteBuffer.allocateDirect(65536);

    private final long[] tokens;
    private final boolean[] active;
    private final int[] generation;
    private final boolean[] isRead;
    private final int[] length;
    private final int[] received;
    private final int[] sent;
    private final long[] startNanos;
    private final int[] freeSlots;
    private int freeCount;
    private final int[] sendQueue;
    private final int[] sendGeneration;
    private int sendHead;
    private int sendCount;

    private final int[] jobKind = new int[JOBS];
    private final int[] jobTag = new int[JOBS];
    private final int[] jobLength = new int[JOBS];
    private final int[] jobOffset = new int[JOBS];
    private int jobHead;
    private int jobCount;

    private Completions completions;
    private long nowNanos;
    private long nextExpiryCheck;
    private long wireBytes;
    private long dropped;

    /**
     * @param client the client's socket, connected to {@code server}'s address.
     * @param server the responder's socket, connected to {@code client}'s address.
     */
    public UdpTransport(
        final DatagramChannel client,
        final DatagramChannel server,
        final Runnable duty,
        final int depth,
        final long timeoutNanos,
        final long regionBytes)
    {
        if (depth < 1 || depth > 65536)
        {
            throw new IllegalArgumentException("udp transport depth=" + depth + " outside [1, 65536]");
        }
        this.client = client;
        this.server = server;
        this.duty = duty;
        this.depth = depth;
        this.timeoutNanos = timeoutNanos;
        this.regionBytes = regionBytes;
        tokens = new long[depth];
        active = new boolean[depth];
        generation = new int[depth];
        isRead = new boolean[depth];
        length = new int[depth];
        received = new int[depth];
        sent = new int[depth];
        startNanos = new long[depth];
        freeSlots = new int[depth];
        sendQueue = new int[depth];
        sendGeneration = new int[depth];
        for (int i = 0; i < depth; i++)
        {
            freeSlots[i] = depth - 1 - i;
        }
        freeCount = depth;
    }

    public String name()
    {
        return "udp";
    }

    public int maxOutstanding()
    {
        return depth;
    }

    public long regionBytes()
    {
        return regionBytes;
    }

    public int submit(final int operation, final long address, final int bytes, final long token)
    {
        if (bytes < 1 || (operation != READ && operation != WRITE))
        {
            return UNSUPPORTED;
        }
        if (freeCount == 0)
        {
            return BACK_PRESSURED;
        }
        final int slot = freeSlots[--freeCount];
        final int gen = (generation[slot] + 1) & 0xFFFF;
        generation[slot] = gen;
        active[slot] = true;
        isRead[slot] = operation == READ;
        length[slot] = bytes;
        received[slot] = 0;
        sent[slot] = 0;
        startNanos[slot] = System.nanoTime();
        tokens[slot] = token;
        final int at = (sendHead + sendCount) % depth;
        sendQueue[at] = slot;
        sendGeneration[at] = gen;
        sendCount++;
        return 0;
    }

    public int poll(final Completions sink)
    {
        duty.run();
        completions = sink;
        nowNanos = System.nanoTime();
        int work = serveRequests() + sendResponses() + sendRequests() + receiveResponses();
        if (nowNanos - nextExpiryCheck >= 0)
        {
            work += expire(nowNanos - timeoutNanos);
            nextExpiryCheck = nowNanos + EXPIRY_CHECK_NANOS;
        }
        return work;
    }

    public int outstanding()
    {
        return depth - freeCount;
    }

    /** Ethernet frames of the client's datagrams, both directions, with framing overhead and gap. */
    public long wireBytes()
    {
        return wireBytes;
    }

    public String statusName(final int status)
    {
        return CompletionStatus.name(status);
    }

    /** Requests the responder dropped because its job queue was full. */
    public long dropped()
    {
        return dropped;
    }

    public void close()
    {
        closeQuietly(client);
        closeQuietly(server);
    }

    // ---- the client ------------------------------------------------------------------------------------------------

    private int sendRequests()
    {
        int work = 0;
        while (sendCount > 0)
        {
            final int slot = sendQueue[sendHead];
            if (!active[slot] || generation[slot] != sendGeneration[sendHead])
            {
                popSend();
                continue;
            }
            final int tag = generation[slot] << 16 | slot;
            final int payload = isRead[slot] ? 0 : Math.min(UdpMessage.PAYLOAD, length[slot] - sent[slot]);
            UdpMessage.header(out, isRead[slot] ? UdpMessage.READ : UdpMessage.WRITE_DATA, tag, length[slot],
                sent[slot]);
            out.position(UdpMessage.HEADER_LENGTH + payload).flip();
            if (write(client, out) <= 0)
            {
                break;
            }
            wireBytes += BenchFrame.onWire(UdpMessage.FRAME_OVERHEAD + out.limit());
            work++;
            sent[slot] += payload;
            if (isRead[slot] || sent[slot] >= length[slot])
            {
                popSend();
            }
        }
        return work;
    }

    private int receiveResponses()
    {
        int work = 0;
        for (int i = 0; i < DATAGRAMS_PER_POLL; i++)
        {
            in.clear();
            final int bytes = read(client, in);
            if (bytes < UdpMessage.HEADER_LENGTH)
            {
                break;
            }
            work++;
            wireBytes += BenchFrame.onWire(UdpMessage.FRAME_OVERHEAD + bytes);
            final int tag = UdpMessage.tag(in);
            final int slot = tag & 0xFFFF;
            if (slot >= depth || !active[slot] || generation[slot] != tag >>> 16)
            {
                continue;
            }
            final int kind = UdpMessage.kind(in);
            if (kind == UdpMessage.WRITE_ACK && !isRead[slot])
            {
                complete(slot, CompletionStatus.SUCCESS);
            }
            else if (kind == UdpMessage.READ_DATA && isRead[slot])
            {
                received[slot] += bytes - UdpMessage.HEADER_LENGTH;
                if (received[slot] >= length[slot])
                {
                    complete(slot, CompletionStatus.SUCCESS);
                }
            }
        }
        return work;
    }

    private int expire(final long deadlineNanos)
    {
        int expired = 0;
        for (int slot = 0; slot < depth; slot++)
        {
            if (active[slot] && startNanos[slot] - deadlineNanos < 0)
            {
                complete(slot, CompletionStatus.TIMEOUT);
                expired++;
            }
        }
        return expired;
    }

    private void complete(final int slot, final int status)
    {
        active[slot] = false;
        freeSlots[freeCount++] = slot;
        completions.onComplete(tokens[slot], status, nowNanos);
    }

    private void popSend()
    {
        sendHead = sendHead + 1 == depth ? 0 : sendHead + 1;
        sendCount--;
    }

    // ---- the responder ---------------------------------------------------------------------------------------------

    private int serveRequests()
    {
        int work = 0;
        for (int i = 0; i < DATAGRAMS_PER_POLL; i++)
        {
            in.clear();
            final int bytes = read(server, in);
            if (bytes < UdpMessage.HEADER_LENGTH)
            {
                break;
            }
            work++;
            final int kind = UdpMessage.kind(in);
            if (kind == UdpMessage.READ)
            {
                enqueue(UdpMessage.READ_DATA, UdpMessage.tag(in), UdpMessage.length(in));
            }
            else if (kind == UdpMessage.WRITE_DATA &&
                UdpMessage.offset(in) + bytes - UdpMessage.HEADER_LENGTH >= UdpMessage.length(in))
            {
                enqueue(UdpMessage.WRITE_ACK, UdpMessage.tag(in), 0);
            }
        }
        return work;
    }

    private int sendResponses()
    {
        int work = 0;
        while (jobCount > 0)
        {
            final int job = jobHead;
            final int payload = jobKind[job] == UdpMessage.WRITE_ACK ? 0 :
                Math.min(UdpMessage.PAYLOAD, jobLength[job] - jobOffset[job]);
            UdpMessage.header(out, jobKind[job], jobTag[job], jobLength[job], jobOffset[job]);
            out.position(UdpMessage.HEADER_LENGTH + payload).flip();
            if (write(server, out) <= 0)
            {
                break;
            }
            work++;
            jobOffset[job] += payload;
            if (jobKind[job] == UdpMessage.WRITE_ACK || jobOffset[job] >= jobLength[job])
            {
                jobHead = jobHead + 1 == JOBS ? 0 : jobHead + 1;
                jobCount--;
            }
        }
        return work;
    }

    private void enqueue(final int kind, final int tag, final int bytes)
    {
        if (jobCount == JOBS)
        {
            dropped++;
            return;
        }
        final int at = (jobHead + jobCount) % JOBS;
        jobKind[at] = kind;
        jobTag[at] = tag;
        jobLength[at] = bytes;
        jobOffset[at] = 0;
        jobCount++;
    }

    // ---- sockets: failures are "nothing moved now" (the operation times out if they persist) -----------------------

    private static int write(final DatagramChannel channel, final ByteBuffer buffer)
    {
        try
        {
            return channel.write(buffer);
        }
        catch (final IOException e)
        {
            return -1;
        }
    }

    private static int read(final DatagramChannel channel, final ByteBuffer buffer)
    {
        try
        {
            return channel.read(buffer);
        }
        catch (final IOException e)
        {
            return -1;
        }
    }

    private static void closeQuietly(final DatagramChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException e)
        {
            // closing: nothing left to do
        }
    }
}
