package org.edm.bench.roce.fabric;

import org.edm.nativeio.FramePort;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/** In-memory fabrics with RoCE endpoints on every host, for tests (one thread runs every agent). */
final class RoceFabrics
{
    static final long REGION_BYTES = 1 << 20;

    private RoceFabrics()
    {
    }

    /** Hosts h0..h(n-1) with node ids 0..n-1 and the given roles, one switch port each. */
    static RackDescription rack(final String name, final RackDescription.Role... roles)
    {
        final List<RackDescription.Host> hosts = new ArrayList<>();
        final List<RackDescription.SwitchPort> ports = new ArrayList<>();
        for (int i = 0; i < roles.length; i++)
        {
            hosts.add(new RackDescription.Host("h" + i, i, roles[i], null, null, "eth0",
                String.format("02:ed:00:00:00:%02x", i)));
            ports.add(new RackDescription.SwitchPort("sw-p" + i, String.format("02:ed:00:01:00:%02x", i), "h" + i));
        }
        return new RackDescription(name, RackDescription.Kind.LOCAL, RackDescription.State.UP, hosts,
            new RackDescription.Switch("sw", null, null, ports));
    }

    static FabricSettings settings(final double gbps)
    {
        return FabricSettings.defaults().withRegionBytes(REGION_BYTES).withLineRate(gbps);
    }

    /** The fabric of {@code rack} with a RoCE endpoint on every host and each host's port wrapped by {@code ports}. */
    static LocalFabric open(
        final RackDescription rack,
        final FabricSettings settings,
        final RoceBaselineOptions options,
        final BiFunction<String, FramePort, FramePort> ports)
    {
        return LocalFabric.inMemory(rack, settings, FabricOptions.defaults()
            .withHostPorts(ports)
            .withEndpoints(RoceBaseline.endpoints(rack, options)), line -> { });
    }

    static LocalFabric open(final RackDescription rack, final FabricSettings settings)
    {
        return open(rack, settings, RoceBaselineOptions.defaults(), (host, port) -> port);
    }

    /** Runs the fabric until {@code done} or {@code seconds} have passed; true when done. */
    static boolean runUntil(final LocalFabric fabric, final BooleanSupplier done, final double seconds)
    {
        final long deadline = System.nanoTime() + (long)(seconds * 1e9);
        while (!done.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            fabric.runOnce();
        }
        return true;
    }
}
