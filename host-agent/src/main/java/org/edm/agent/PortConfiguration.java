package org.edm.agent;

import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys of the fabric ports an agent opens ({@link PortOptions}): frame size, ring sizes and the AF_PACKET transmit
 * path. The emulated line rate of the ports is {@code edm.fabric.line.rate.gbps}, since every port of a fabric runs at
 * the same rate.
 */
public final class PortConfiguration
{
    /** The MTU of a 1500-byte Ethernet link; raise it only where every link of the rack carries jumbo frames. */
    public static final ConfigKey<Integer> MTU = ConfigKey.integer("edm.port.mtu", FramePort.DEFAULT_MTU, 60,
        PortOptions.MAX_MTU, "longest carrier frame in bytes, without FCS");

    public static final ConfigKey<Integer> TX_FRAMES = ConfigKey.integer("edm.port.tx.frames",
        PortOptions.DEFAULT_TX_FRAMES, 1, 65536, "frames a port stages before a flush");

    public static final ConfigKey<Integer> RX_FRAMES = ConfigKey.integer("edm.port.rx.frames",
        PortOptions.DEFAULT_RX_FRAMES, 1, 65536, "receive ring slots (AF_PACKET)");

    /** sendmmsg measured faster on veth (BENCHMARKS.md). */
    public static final ConfigKey<PortOptions.TxMode> TX_MODE = ConfigKey.choice("edm.port.tx.mode", "sendmmsg",
        txModes(), "AF_PACKET transmit path");

    public static final ConfigKey<Boolean> QDISC_BYPASS = ConfigKey.bool("edm.port.qdisc.bypass", true,
        "AF_PACKET: skip the qdisc layer");

    public static final ConfigKey<Boolean> LOCK_MEMORY = ConfigKey.bool("edm.port.lock.memory", false,
        "lock port rings in RAM (mlock)");

    /** The keys of this class. */
    public static final List<ConfigKey<?>> KEYS = List.of(MTU, TX_FRAMES, RX_FRAMES, TX_MODE, QDISC_BYPASS,
        LOCK_MEMORY);

    private PortConfiguration()
    {
    }

    /** The port options the configuration describes. */
    public static PortOptions options(final Configuration config)
    {
        return new PortOptions().mtu(config.get(MTU)).txFrames(config.get(TX_FRAMES)).rxFrames(config.get(RX_FRAMES))
            .txMode(config.get(TX_MODE)).qdiscBypass(config.get(QDISC_BYPASS)).lockMemory(config.get(LOCK_MEMORY));
    }

    private static Map<String, PortOptions.TxMode> txModes()
    {
        final Map<String, PortOptions.TxMode> modes = new LinkedHashMap<>();
        modes.put("sendmmsg", PortOptions.TxMode.SENDMMSG);
        modes.put("tx-ring", PortOptions.TxMode.TX_RING);
        return modes;
    }
}
