package org.edm.bench.roce;

import org.edm.bench.roce.wire.Bth;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;

/**
 * What one RC queue pair needs to know: its addresses and its peer's, the path MTU, queue depths, acknowledgement
 * coalescing and the retransmission timer. A fluent holder (no get/set prefixes); {@link #validate()} runs when a
 * queue pair is built and names the offending field.
 * <p>
 * The two ends of a connection mirror each other: one end's {@code localQpn}, {@code initialPsn} and addresses are
 * the other end's {@code remoteQpn}, {@code remoteInitialPsn} and remote addresses; the MTU is the same at both ends,
 * and an end's {@code maxOutstandingReads} must not exceed its peer's {@code responderReads}. {@link #mirror()} makes
 * the peer's configuration.
 */
public final class RoceQpConfig
{
    /** The path MTUs InfiniBand defines (payload bytes per packet). */
    public static final int[] MTUS = { 256, 512, 1024, 2048, 4096 };

    public static final int DEFAULT_QPN = 0x100;
    public static final int DEFAULT_MTU = 1024;
    public static final int DEFAULT_SEND_QUEUE_DEPTH = 64;
    public static final int DEFAULT_MAX_OUTSTANDING_READS = 16;
    public static final int DEFAULT_RESPONDER_READS = 16;
    public static final int DEFAULT_ACK_COALESCE = 16;
    public static final long DEFAULT_TIMEOUT_NANOS = 1_000_000L;
    public static final int DEFAULT_RETRY_LIMIT = 7;
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1 << 28;

    private long localMac;
    private long remoteMac;
    private int localIp;
    private int remoteIp;
    private int localQpn = DEFAULT_QPN;
    private int remoteQpn = DEFAULT_QPN;
    private int udpSourcePort = -1;
    private int pkey = Bth.DEFAULT_PKEY;
    private int tos;
    private int ttl = 64;
    private int mtu = DEFAULT_MTU;
    private int sendQueueDepth = DEFAULT_SEND_QUEUE_DEPTH;
    private int maxOutstandingReads = DEFAULT_MAX_OUTSTANDING_READS;
    private int responderReads = DEFAULT_RESPONDER_READS;
    private int ackCoalesce = DEFAULT_ACK_COALESCE;
    private long timeoutNanos = DEFAULT_TIMEOUT_NANOS;
    private int retryLimit = DEFAULT_RETRY_LIMIT;
    private int initialPsn;
    private int remoteInitialPsn;
    private int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
    private boolean verifyIcrc = true;

    /** A copy with local and remote swapped: the configuration of the other end. */
    public RoceQpConfig mirror()
    {
        final RoceQpConfig peer = copy();
        peer.localMac = remoteMac;
        peer.remoteMac = localMac;
        peer.localIp = remoteIp;
        peer.remoteIp = localIp;
        peer.localQpn = remoteQpn;
        peer.remoteQpn = localQpn;
        peer.initialPsn = remoteInitialPsn;
        peer.remoteInitialPsn = initialPsn;
        peer.udpSourcePort = -1;
        return peer;
    }

    public RoceQpConfig copy()
    {
        final RoceQpConfig c = new RoceQpConfig();
        c.localMac = localMac;
        c.remoteMac = remoteMac;
        c.localIp = localIp;
        c.remoteIp = remoteIp;
        c.localQpn = localQpn;
        c.remoteQpn = remoteQpn;
        c.udpSourcePort = udpSourcePort;
        c.pkey = pkey;
        c.tos = tos;
        c.ttl = ttl;
        c.mtu = mtu;
        c.sendQueueDepth = sendQueueDepth;
        c.maxOutstandingReads = maxOutstandingReads;
        c.responderReads = responderReads;
        c.ackCoalesce = ackCoalesce;
        c.timeoutNanos = timeoutNanos;
        c.retryLimit = retryLimit;
        c.initialPsn = initialPsn;
        c.remoteInitialPsn = remoteInitialPsn;
        c.maxMessageLength = maxMessageLength;
        c.verifyIcrc = verifyIcrc;
        return c;
    }

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the first field out of range, as {@code "name=value ..."}.
     */
    public RoceQpConfig validate()
    {
        require(localMac >= 0 && localMac <= 0xFFFF_FFFF_FFFFL, "localMac=" + Long.toHexString(localMac) +
            " must be 48 bits");
        require(remoteMac >= 0 && remoteMac <= 0xFFFF_FFFF_FFFFL, "remoteMac=" + Long.toHexString(remoteMac) +
            " must be 48 bits");
        require(localQpn >= 2 && localQpn <= Bth.MASK_24, "localQpn=" + localQpn +
            " must be 2..0xFFFFFF (0 and 1 are InfiniBand's special QPs)");
        require(remoteQpn >= 2 && remoteQpn <= Bth.MASK_24, "remoteQpn=" + remoteQpn +
            " must be 2..0xFFFFFF (0 and 1 are InfiniBand's special QPs)");
        require(udpSourcePort == -1 || (udpSourcePort > 0 && udpSourcePort <= 0xFFFF),
            "udpSourcePort=" + udpSourcePort + " must be 1..65535 (or -1: derived from the QPNs)");
        require(pkey >= 0 && pkey <= 0xFFFF, "pkey=" + pkey + " must be 16 bits");
        require(tos >= 0 && tos <= 0xFF, "tos=" + tos + " must be 0..255");
        require(ttl > 0 && ttl <= 0xFF, "ttl=" + ttl + " must be 1..255");
        boolean known = false;
        for (final int m : MTUS)
        {
            known |= m == mtu;
        }
        require(known, "mtu=" + mtu + " must be one of 256, 512, 1024, 2048, 4096");
        require(sendQueueDepth > 0 && sendQueueDepth <= 1 << 16, "sendQueueDepth=" + sendQueueDepth +
            " must be 1..65536");
        require(maxOutstandingReads > 0 && maxOutstandingReads <= 1 << 10, "maxOutstandingReads=" +
            maxOutstandingReads + " must be 1..1024");
        require(responderReads > 0 && responderReads <= 1 << 10, "responderReads=" + responderReads +
            " must be 1..1024");
        require(ackCoalesce >= 0, "ackCoalesce=" + ackCoalesce + " must be >= 0 (0: only when asked)");
        require(timeoutNanos > 0, "timeoutNanos=" + timeoutNanos + " must be > 0");
        require(retryLimit >= 0 && retryLimit <= 1000, "retryLimit=" + retryLimit + " must be 0..1000");
        require(initialPsn >= 0 && initialPsn <= Bth.MASK_24, "initialPsn=" + initialPsn + " must be 24 bits");
        require(remoteInitialPsn >= 0 && remoteInitialPsn <= Bth.MASK_24, "remoteInitialPsn=" + remoteInitialPsn +
            " must be 24 bits");
        require(maxMessageLength > 0 && (long)maxMessageLength / mtu < Psn.HALF / 4,
            "maxMessageLength=" + maxMessageLength + " must be > 0 and under " + ((long)Psn.HALF / 4 * mtu) +
            " (a message may take at most a quarter of the PSN window)");
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    public RoceQpConfig localMac(final long mac)
    {
        this.localMac = mac;
        return this;
    }

    public long localMac()
    {
        return localMac;
    }

    public RoceQpConfig remoteMac(final long mac)
    {
        this.remoteMac = mac;
        return this;
    }

    public long remoteMac()
    {
        return remoteMac;
    }

    /** Local IPv4 address, as the big-endian 32-bit number (10.0.0.1 is 0x0A000001). */
    public RoceQpConfig localIp(final int ip)
    {
        this.localIp = ip;
        return this;
    }

    public int localIp()
    {
        return localIp;
    }

    public RoceQpConfig remoteIp(final int ip)
    {
        this.remoteIp = ip;
        return this;
    }

    public int remoteIp()
    {
        return remoteIp;
    }

    public RoceQpConfig localQpn(final int qpn)
    {
        this.localQpn = qpn;
        return this;
    }

    public int localQpn()
    {
        return localQpn;
    }

    public RoceQpConfig remoteQpn(final int qpn)
    {
        this.remoteQpn = qpn;
        return this;
    }

    public int remoteQpn()
    {
        return remoteQpn;
    }

    /** UDP source port; -1 (the default) derives it from the QPNs, as RoCEv2 NICs do, for ECMP entropy. */
    public RoceQpConfig udpSourcePort(final int port)
    {
        this.udpSourcePort = port;
        return this;
    }

    /** The UDP source port in use: the configured one, or 0xC000 | ((localQpn ^ remoteQpn) & 0x3FFF). */
    public int udpSourcePort()
    {
        return udpSourcePort >= 0 ? udpSourcePort : 0xC000 | ((localQpn ^ remoteQpn) & 0x3FFF);
    }

    public RoceQpConfig pkey(final int pkey)
    {
        this.pkey = pkey;
        return this;
    }

    public int pkey()
    {
        return pkey;
    }

    /** IPv4 DSCP (high six bits) and ECN (low two bits). */
    public RoceQpConfig tos(final int tos)
    {
        this.tos = tos;
        return this;
    }

    public int tos()
    {
        return tos;
    }

    public RoceQpConfig ttl(final int ttl)
    {
        this.ttl = ttl;
        return this;
    }

    public int ttl()
    {
        return ttl;
    }

    /** Path MTU: payload bytes per packet (256, 512, 1024, 2048 or 4096). */
    public RoceQpConfig mtu(final int mtu)
    {
        this.mtu = mtu;
        return this;
    }

    public int mtu()
    {
        return mtu;
    }

    /** Requests submitted and not yet completed, at most. */
    public RoceQpConfig sendQueueDepth(final int depth)
    {
        this.sendQueueDepth = depth;
        return this;
    }

    public int sendQueueDepth()
    {
        return sendQueueDepth;
    }

    /** READs this requester has on the wire at once, at most (the initiator depth). */
    public RoceQpConfig maxOutstandingReads(final int reads)
    {
        this.maxOutstandingReads = reads;
        return this;
    }

    public int maxOutstandingReads()
    {
        return maxOutstandingReads;
    }

    /** READs this responder holds at once (its responder resources); more is an invalid request. */
    public RoceQpConfig responderReads(final int reads)
    {
        this.responderReads = reads;
        return this;
    }

    public int responderReads()
    {
        return responderReads;
    }

    /**
     * The responder acknowledges WRITE packets when the requester asks (the A bit, on the last packet of every
     * message) and also after this many unacknowledged packets; 0 acknowledges only when asked.
     */
    public RoceQpConfig ackCoalesce(final int packets)
    {
        this.ackCoalesce = packets;
        return this;
    }

    public int ackCoalesce()
    {
        return ackCoalesce;
    }

    /**
     * The local ACK timeout: how long without progress before the requester goes back to the oldest unacknowledged
     * PSN.
     */
    public RoceQpConfig timeoutNanos(final long nanos)
    {
        this.timeoutNanos = nanos;
        return this;
    }

    public long timeoutNanos()
    {
        return timeoutNanos;
    }

    /**
     * Retransmissions without progress before requests fail with RETRY_EXCEEDED (IB's retry_cnt; 7 at most there).
     */
    public RoceQpConfig retryLimit(final int retries)
    {
        this.retryLimit = retries;
        return this;
    }

    public int retryLimit()
    {
        return retryLimit;
    }

    /** The first PSN this end's requester sends. */
    public RoceQpConfig initialPsn(final int psn)
    {
        this.initialPsn = psn;
        return this;
    }

    public int initialPsn()
    {
        return initialPsn;
    }

    /** The first PSN this end's responder expects: the peer's {@link #initialPsn()}. */
    public RoceQpConfig remoteInitialPsn(final int psn)
    {
        this.remoteInitialPsn = psn;
        return this;
    }

    public int remoteInitialPsn()
    {
        return remoteInitialPsn;
    }

    /** The longest READ or WRITE the requester accepts. */
    public RoceQpConfig maxMessageLength(final int length)
    {
        this.maxMessageLength = length;
        return this;
    }

    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /** Whether received frames have their ICRC checked (default true). */
    public RoceQpConfig verifyIcrc(final boolean verify)
    {
        this.verifyIcrc = verify;
        return this;
    }

    public boolean verifyIcrc()
    {
        return verifyIcrc;
    }

    /** The longest frame this queue pair emits (a WRITE First or Only with a full MTU of payload), without FCS. */
    public int maxFrameLength()
    {
        return RoceFrameWriter.frameLength(RoceOpcodes.RDMA_WRITE_ONLY, mtu);
    }
}
