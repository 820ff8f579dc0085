package org.edm.phy.sw;

import org.agrona.DirectBuffer;
import org.edm.phy.link.FrameHandler;
import org.edm.phy.link.RxDemux;
import org.edm.phy.link.SlotSource;
import org.edm.phy.link.TxSlotArbiter;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

/**
 * A whole EDM switch seen port by port: the memory side ({@link SwitchEngine}) and the L2 path ({@link L2Switch})
 * behind one receive demultiplexer and one transmit arbiter per port (edm-protocol §3.3, §4.5).
 * <pre>
 *   receive, port p:   block --&gt; RxDemux(p) --memory block--&gt; SwitchEngine.accept(p, t, ...)
 *                                          --whole frame---&gt;  L2Switch.receive(p, t, ...)
 *   transmit, port p:  TxSlotArbiter(p):  SwitchEngine egress(p)  &gt;  L2Switch egress(p)  &gt;  idle
 * </pre>
 * Memory blocks thus take any slot, mid-frame included, and a frame resumes in the next slot memory leaves free: a
 * memory block is never delayed by a frame. The slot order is the reference's (edm-protocol Appendix A), the same as
 * {@link SwitchEngine}'s: {@link #beginSlot(long)}, then {@link #emit(int, long)} for every port, then
 * {@link #accept(int, long, int, long)} for every block that arrived.
 * <p>
 * A port with no frame queued or in progress skips its arbiter and asks the memory side directly (the frame source
 * would decline), and a received memory block goes straight to the engine (what the demultiplexer would do with it
 * at once, whatever the frame in reassembly): the same outcome without the extra calls, so a fabric carrying memory
 * traffic only costs what the bare engine costs. {@link #busyPorts(int)} lets a caller visit only ports with something to send. Free of any
 * notion of simulated or real time: the real-time switch agent and the simulator drive it alike. Single-threaded; no
 * allocation, exceptions or logging per slot.
 */
public final class SwitchPorts
{
    /** {@link #emit(int, long)}: the slot got the idle block. */
    public static final int IDLE = TxSlotArbiter.IDLE;
    /** {@link #emit(int, long)}: the slot got a memory block. */
    public static final int MEMORY = 0;
    /** {@link #emit(int, long)}: the slot got a block of a MAC frame. */
    public static final int FRAME = 1;

    private final SwitchEngine engine;
    private final L2Switch l2;
    private final int ports;
    private final RxDemux[] rx;
    private final TxSlotArbiter[] tx;
    private final BlockSink capture = this::capture;
    private final boolean eightByteData;
    private long rxSlot;
    private int sync;
    private long payload;

    /**
     * @param engine the memory side.
     * @param l2     the L2 path, with as many ports as the engine; its maximum frame length is the ports' too.
     */
    public SwitchPorts(final SwitchEngine engine, final L2Switch l2)
    {
        if (engine == null || l2 == null)
        {
            throw new IllegalArgumentException("engine and l2 must be set");
        }
        if (engine.config().ports() != l2.ports())
        {
            throw new IllegalArgumentException(
                "engine has " + engine.config().ports() + " ports, l2 has " + l2.ports());
        }
        this.engine = engine;
        this.l2 = l2;
        this.ports = l2.ports();
        this.eightByteData = engine.config().framing().dataOnInvalidSync();
        rx = new RxDemux[ports];
        tx = new TxSlotArbiter[ports];
        for (int p = 0; p < ports; p++)
        {
            final PortInput input = new PortInput(p);
            rx[p] = new RxDemux(input, input, l2.config().maxFrameLength(), eightByteData);
            tx[p] = new TxSlotArbiter(new MemoryEgress(p), l2.egress(p));
        }
    }

    /** Scheduling and memory forwarding for slot {@code slot}; call first in every slot. */
    public void beginSlot(final long slot)
    {
        engine.beginSlot(slot);
    }

    /**
     * Fills port {@code port}'s transmit slot: a memory block if the memory side has one, else the next block of a
     * frame, else idle. The block is in {@link #sync()} and {@link #payload()} afterwards (the idle block too).
     *
     * @return {@link #MEMORY}, {@link #FRAME} or {@link #IDLE}.
     */
    public int emit(final int port, final long slot)
    {
        if (!l2.hasWork(port))
        {
            if (engine.emit(port, slot))
            {
                sync = engine.sync();
                payload = engine.payload();
                return MEMORY;
            }
            sync = Block.SYNC_CONTROL;
            payload = Block.IDLE_PAYLOAD;
            return IDLE;
        }
        return tx[port].emit(slot, capture);
    }

    /** Hands in a block that arrived on port {@code port} in slot {@code slot} (idle blocks may be left out). */
    public void accept(final int port, final long slot, final int blockSync, final long blockPayload)
    {
        if (MemoryBlockTypes.isMemoryBlock(blockSync, blockPayload, eightByteData))
        {
            engine.accept(port, slot, blockSync, blockPayload);
            return;
        }
        rxSlot = slot;
        rx[port].accept(blockSync, blockPayload);
    }

    /** Sync header of the block {@link #emit(int, long)} chose. */
    public int sync()
    {
        return sync;
    }

    /** Payload of the block {@link #emit(int, long)} chose. */
    public long payload()
    {
        return payload;
    }

    /**
     * Word {@code word} of the set of ports with something to send (memory blocks or frames): ports 64*word ..
     * 64*word+63. A port outside it would only send idle.
     */
    public long busyPorts(final int word)
    {
        return engine.busyPorts(word) | l2.busyPorts(word);
    }

    /** Whether nothing waits anywhere, memory or frames. */
    public boolean idle()
    {
        return engine.idle() && l2.idle();
    }

    public int ports()
    {
        return ports;
    }

    public SwitchEngine engine()
    {
        return engine;
    }

    public L2Switch l2()
    {
        return l2;
    }

    /**
     * Port {@code port}'s receive demultiplexer (frame drop counters). Memory blocks are recognised before it, by the
     * same test, and go straight to the engine, so its memory block counter stays 0 ({@link SwitchEngine#blocksIn}).
     */
    public RxDemux rx(final int port)
    {
        return rx[port];
    }

    /**
     * Port {@code port}'s transmit arbiter. It is consulted only in slots where the port has frames, so its counters
     * cover those slots; {@link SwitchEngine#blocksOut(int)} and {@link L2Switch#frames(int)} count every block.
     */
    public TxSlotArbiter tx(final int port)
    {
        return tx[port];
    }

    private void capture(final int blockSync, final long blockPayload)
    {
        sync = blockSync;
        payload = blockPayload;
    }

    /** The memory side's egress of one port as the arbiter's first source. */
    private final class MemoryEgress implements SlotSource
    {
        private final int port;

        MemoryEgress(final int port)
        {
            this.port = port;
        }

        @Override
        public boolean emit(final long slot, final BlockSink sink)
        {
            if (engine.emit(port, slot))
            {
                sink.accept(engine.sync(), engine.payload());
                return true;
            }
            return false;
        }
    }

    /** Where one port's demultiplexer sends its output. */
    private final class PortInput implements BlockSink, FrameHandler
    {
        private final int port;

        PortInput(final int port)
        {
            this.port = port;
        }

        @Override
        public void accept(final int blockSync, final long blockPayload)
        {
            engine.accept(port, rxSlot, blockSync, blockPayload);
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            l2.receive(port, rxSlot, buffer, offset, length);
        }
    }
}
