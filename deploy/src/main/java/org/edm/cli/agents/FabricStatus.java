package org.edm.cli.agents;

import org.edm.host.HostAgent;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricProcess;
import org.edm.switchagent.SwitchAgent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status line of an agent process: per port, blocks received and sent since the last line and the share of the
 * emulated line rate that is, plus grants issued and carrier gaps (lost frames). The counters are plain fields
 * written by the agent threads and read here from the control thread without synchronisation: a line may be a few
 * cycles stale, which is fine for a status line (64-bit reads do not tear on the 64-bit JVMs we run on).
 */
public final class FabricStatus
{
    private final FabricProcess process;
    private final double blocksPerSecond;
    private final List<String> names = new ArrayList<>();
    private long[] last;
    private long lastNanos;

    public FabricStatus(final FabricProcess process)
    {
        this.process = process;
        this.blocksPerSecond = process.settings().lineRateGbps() * 1e9 / 64;
        final SwitchAgent switchAgent = process.switchAgent();
        if (switchAgent != null)
        {
            for (final RackDescription.SwitchPort port : switchPortsInOrder(process.rack()))
            {
                names.add(port.interfaceName());
            }
        }
        names.addAll(process.hosts().keySet());
        last = snapshot();
        lastNanos = System.nanoTime();
    }

    /** The line for the time since the last call, or null when nothing moved (an idle fabric prints nothing). */
    public String next()
    {
        final long now = System.nanoTime();
        final long[] current = snapshot();
        final double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        boolean moved = false;
        for (int i = 0; i < current.length; i++)
        {
            moved |= current[i] != last[i];
        }
        final String line = moved ? line(current, last, seconds) : null;
        last = current;
        lastNanos = now;
        return line;
    }

    /** The totals since start. */
    public String totals(final double seconds)
    {
        return line(snapshot(), new long[last.length], seconds);
    }

    private String line(final long[] now, final long[] before, final double seconds)
    {
        final StringBuilder text = new StringBuilder();
        int i = 0;
        final SwitchAgent switchAgent = process.switchAgent();
        if (switchAgent != null)
        {
            text.append("switch grants ").append(count(now[i] - before[i])).append(", gaps ")
                .append(count(now[i + 1] - before[i + 1])).append(", L2 frames ")
                .append(count(now[i + 2] - before[i + 2]));
            i += 3;
        }
        for (final String name : names)
        {
            final long in = now[i] - before[i];
            final long out = now[i + 1] - before[i + 1];
            final long gaps = now[i + 2] - before[i + 2];
            text.append(text.isEmpty() ? "" : "; ").append(name).append(" in ").append(count(in)).append(" out ")
                .append(count(out)).append(" blocks (")
                .append(String.format(Locale.ROOT, "%.1f", 100.0 * out / (blocksPerSecond * seconds)))
                .append("% of line)").append(gaps > 0 ? " gaps " + gaps : "");
            i += 3;
        }
        return String.format(Locale.ROOT, "%.1f s at %s Gb/s: ", seconds,
            FabricConfiguration.rate(process.settings().lineRateGbps())) + text;
    }

    private long[] snapshot()
    {
        final List<Long> values = new ArrayList<>();
        final SwitchAgent switchAgent = process.switchAgent();
        if (switchAgent != null)
        {
            values.add(switchAgent.engine().scheduler().grants());
            long gaps = 0;
            final int ports = process.rack().hosts().size();
            for (int p = 0; p < ports; p++)
            {
                gaps += switchAgent.link(p).gaps();
            }
            values.add(gaps);
            values.add(switchAgent.ports().l2().framesIn());
            for (int p = 0; p < ports; p++)
            {
                values.add(switchAgent.engine().blocksIn(p));
                values.add(switchAgent.engine().blocksOut(p));
                values.add(switchAgent.link(p).gaps());
            }
        }
        for (final Map.Entry<String, HostAgent> host : process.hosts().entrySet())
        {
            values.add(host.getValue().engine().blocksReceived());
            values.add(host.getValue().engine().blocksSent());
            values.add(host.getValue().link().gaps());
        }
        final long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++)
        {
            array[i] = values.get(i);
        }
        return array;
    }

    private static List<RackDescription.SwitchPort> switchPortsInOrder(final RackDescription rack)
    {
        final List<RackDescription.SwitchPort> ports = new ArrayList<>();
        for (final RackDescription.Host host : rack.hosts())
        {
            ports.add(rack.switchPortOf(host.name()));
        }
        return ports;
    }

    /** 1234567 as "1.23M". */
    static String count(final long value)
    {
        if (value < 10_000)
        {
            return Long.toString(value);
        }
        if (value < 10_000_000)
        {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    }
}
