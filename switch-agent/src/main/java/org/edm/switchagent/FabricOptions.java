package org.edm.switchagent;

import org.edm.agent.FrameEndpoint;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortOptions;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a {@link LocalFabric} is built beyond its rack and protocol settings: the agents' limits, the port options, a
 * wrapper around every host's end of its cable (fault injection), and where each host's ordinary frames come from and
 * go to (a TAP device, a software RoCE transport, a test). Immutable; the {@code with} methods return copies.
 *
 * @param limits    the agents' capacity and pacing limits.
 * @param ports     options every fabric port is opened with.
 * @param hostPorts applied to each host's port (host name, port) before its agent is built; identity by default.
 * @param endpoints each host's frame endpoint by host name; {@link FrameEndpoint#NONE} by default.
 */
public record FabricOptions(
    AgentLimits limits,
    PortOptions ports,
    BiFunction<String, FramePort, FramePort> hostPorts,
    Function<String, FrameEndpoint> endpoints)
{
    public FabricOptions
    {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(hostPorts, "hostPorts");
        Objects.requireNonNull(endpoints, "endpoints");
    }

    /** Default limits and port options, ports as they are, no ordinary frames. */
    public static FabricOptions defaults()
    {
        return new FabricOptions(AgentLimits.defaults(), new PortOptions(), (host, port) -> port,
            host -> FrameEndpoint.NONE);
    }

    public FabricOptions withLimits(final AgentLimits limits)
    {
        return new FabricOptions(limits, ports, hostPorts, endpoints);
    }

    public FabricOptions withPorts(final PortOptions ports)
    {
        return new FabricOptions(limits, ports, hostPorts, endpoints);
    }

    public FabricOptions withHostPorts(final BiFunction<String, FramePort, FramePort> hostPorts)
    {
        return new FabricOptions(limits, ports, hostPorts, endpoints);
    }

    public FabricOptions withEndpoints(final Function<String, FrameEndpoint> endpoints)
    {
        return new FabricOptions(limits, ports, hostPorts, endpoints);
    }
}
