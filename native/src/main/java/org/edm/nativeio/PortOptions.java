package org.edm.nativeio;

/**
 * Options shared by every {@link FramePort} backend, as a fluent holder with no get/set prefixes (the Aeron
 * {@code Context} style). Backends read what applies to them and ignore the rest; {@link #validate()} checks the
 * values once, at open, and names the field that is wrong.
 */
public final class PortOptions
{
    /** EtherType value that means "deliver every EtherType" (for L2 forwarding and TAP bridging). */
    public static final int ANY_ETHER_TYPE = -1;

    /** Largest MTU accepted; a jumbo frame without FCS. */
    public static final int MAX_MTU = 9216;

    /** Default number of frames the TX side stages (TX ring slots or the sendmmsg batch). */
    public static final int DEFAULT_TX_FRAMES = 256;

    /** Default number of RX ring slots (AF_PACKET) or receive batch (UDP). */
    public static final int DEFAULT_RX_FRAMES = 1024;

    /** How an AF_PACKET port hands frames to the kernel. */
    public enum TxMode
    {
        /** Frames are staged in user memory and sent with one {@code sendmmsg(2)} per flush. */
        SENDMMSG,
        /** Frames are written into an mmap'd TPACKET_V2 TX ring and sent with one {@code sendto(2)} kick per flush. */
        TX_RING
    }

    private int mtu = FramePort.DEFAULT_MTU;
    private int etherType = FramePort.EDM_ETHER_TYPE;
    private int txFrames = DEFAULT_TX_FRAMES;
    private int rxFrames = DEFAULT_RX_FRAMES;
    private TxMode txMode = TxMode.SENDMMSG;
    private boolean qdiscBypass = true;
    private boolean lockMemory = false;

    public int mtu()
    {
        return mtu;
    }

    /** Longest frame without FCS; 60..9216, default 1514. */
    public PortOptions mtu(final int mtu)
    {
        this.mtu = mtu;
        return this;
    }

    public int etherType()
    {
        return etherType;
    }

    /** The only EtherType delivered on receive (default 0x88B5), or {@link #ANY_ETHER_TYPE}. */
    public PortOptions etherType(final int etherType)
    {
        this.etherType = etherType;
        return this;
    }

    public int txFrames()
    {
        return txFrames;
    }

    /** Frames the TX side can stage before a flush must run; 1..65536, default 256. */
    public PortOptions txFrames(final int txFrames)
    {
        this.txFrames = txFrames;
        return this;
    }

    public int rxFrames()
    {
        return rxFrames;
    }

    /** RX ring slots (AF_PACKET) or frames read per receive call (UDP); 1..65536, default 1024. */
    public PortOptions rxFrames(final int rxFrames)
    {
        this.rxFrames = rxFrames;
        return this;
    }

    public TxMode txMode()
    {
        return txMode;
    }

    /** AF_PACKET transmit path; default {@link TxMode#SENDMMSG} (measured faster on veth, see BENCHMARKS.md). */
    public PortOptions txMode(final TxMode txMode)
    {
        this.txMode = txMode;
        return this;
    }

    public boolean qdiscBypass()
    {
        return qdiscBypass;
    }

    /** AF_PACKET: send straight to the driver, skipping the qdisc layer (PACKET_QDISC_BYPASS); default true. */
    public PortOptions qdiscBypass(final boolean qdiscBypass)
    {
        this.qdiscBypass = qdiscBypass;
        return this;
    }

    public boolean lockMemory()
    {
        return lockMemory;
    }

    /** Lock the port's rings and staging memory in RAM (mlock); default false. */
    public PortOptions lockMemory(final boolean lockMemory)
    {
        this.lockMemory = lockMemory;
        return this;
    }

    /** True when {@code etherType} passes this port's receive filter. */
    public boolean accepts(final int frameEtherType)
    {
        return etherType == ANY_ETHER_TYPE || etherType == frameEtherType;
    }

    /**
     * Checks every value; throws naming the field, its value and the limit.
     *
     * @return this.
     */
    public PortOptions validate()
    {
        check(mtu >= 60 && mtu <= MAX_MTU, "mtu=" + mtu + " outside 60.." + MAX_MTU);
        check(etherType == ANY_ETHER_TYPE || (etherType >= 0x0600 && etherType <= 0xFFFF),
            "etherType=0x" + Integer.toHexString(etherType) + " is not an EtherType (0x0600..0xffff) or ANY (-1)");
        check(txFrames >= 1 && txFrames <= 65536, "txFrames=" + txFrames + " outside 1..65536");
        check(rxFrames >= 1 && rxFrames <= 65536, "rxFrames=" + rxFrames + " outside 1..65536");
        check(txMode != null, "txMode is null");
        return this;
    }

    /** A copy, so that one options object can seed several ports. */
    public PortOptions copy()
    {
        return new PortOptions().mtu(mtu).etherType(etherType).txFrames(txFrames).rxFrames(rxFrames)
            .txMode(txMode).qdiscBypass(qdiscBypass).lockMemory(lockMemory);
    }

    public String toString()
    {
        return "mtu=" + mtu + " etherType=" + (etherType == ANY_ETHER_TYPE ? "any" : "0x" + Integer.toHexString(etherType)) +
            " txFrames=" + txFrames + " rxFrames=" + rxFrames + " txMode=" + txMode + " qdiscBypass=" + qdiscBypass +
            " lockMemory=" + lockMemory;
    }

    private static void check(final boolean ok, final String message)
    {
        if (!ok)
        {
            throw new IllegalArgumentException("invalid port option: " + message);
        }
    }
}
