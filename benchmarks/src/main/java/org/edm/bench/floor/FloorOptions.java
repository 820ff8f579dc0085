package org.edm.bench.floor;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.edm.nativeio.AffinityThreadFactory;
import org.edm.nativeio.Affinity;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.rack.LocalRackLayout;
import picocli.CommandLine.Option;

/** Options both floor tools share: where the ports are, how they send, how threads wait and where they run. */
final class FloorOptions
{
    @Option(names = "--transport", defaultValue = "packet",
        description = "packet (AF_PACKET on a local rack, root), memory (in-process rings) or udp (loopback); " +
            "default ${DEFAULT-VALUE}.")
    String transport;

    @Option(names = { "--rack", "--file" }, description = "Rack description file (default: /run/edm/racks/r0.yaml).")
    Path rack;

    @Option(names = "--tx", defaultValue = "sendmmsg",
        description = "AF_PACKET transmit path: sendmmsg or ring (TPACKET_V2 TX ring); default ${DEFAULT-VALUE}.")
    String tx;

    @Option(names = "--size", defaultValue = "60", description = "Frame length in bytes, no FCS (60..1514); default ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--idle", defaultValue = "spin",
        description = "How threads wait: spin, yield or backoff; default ${DEFAULT-VALUE}.")
    String idle;

    @Option(names = "--cpus", split = ",",
        description = "Pin the measuring thread and the other thread to these CPUs, e.g. 0,1 (default: not pinned).")
    int[] cpus;

    FloorPorts.Transport transport()
    {
        return FloorPorts.Transport.valueOf(transport.toUpperCase(java.util.Locale.ROOT));
    }

    Path rackFile()
    {
        return rack != null ? rack : LocalRackLayout.defaultFile(LocalRackLayout.DEFAULT_NAME);
    }

    PortOptions portOptions()
    {
        if (size < 60 || size > 1514)
        {
            throw new IllegalArgumentException("--size " + size + " outside 60..1514");
        }
        return new PortOptions().txMode(switch (tx)
        {
            case "sendmmsg" -> PortOptions.TxMode.SENDMMSG;
            case "ring" -> PortOptions.TxMode.TX_RING;
            default -> throw new IllegalArgumentException("--tx " + tx + ": expected sendmmsg or ring");
        });
    }

    IdleStrategy idleStrategy()
    {
        return switch (idle)
        {
            case "spin" -> new BusySpinIdleStrategy();
            case "yield" -> new YieldingIdleStrategy();
            case "backoff" -> new BackoffIdleStrategy();
            default -> throw new IllegalArgumentException("--idle " + idle + ": expected spin, yield or backoff");
        };
    }

    /** Pins the calling (measuring) thread to the first CPU of --cpus, if given. */
    void pinMeasuringThread(final Consumer<String> report)
    {
        if (cpus != null && cpus.length > 0)
        {
            report.accept("thread " + Thread.currentThread().getName() + ": pinned to CPU " + cpus[0] +
                " (effective affinity " + Affinity.pinCurrentThread(cpus[0]) + ")");
        }
    }

    /** A factory for the other thread, pinned to the second CPU of --cpus if given. */
    AffinityThreadFactory otherThreadFactory(final String name, final Consumer<String> report)
    {
        return new AffinityThreadFactory(name, cpus != null && cpus.length > 1 ? cpus[1] : -1, "spin".equals(idle), report);
    }

    String describe()
    {
        return "transport=" + transport + (transport().equals(FloorPorts.Transport.PACKET) ? " tx=" + tx : "") +
            " size=" + size + " idle=" + idle + " cpus=" + (cpus == null ? "unpinned" : java.util.Arrays.toString(cpus));
    }
}
