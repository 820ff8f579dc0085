package org.edm.nativeio.rack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads and writes a {@link RackDescription} as YAML, the rack description file every {@code edm} command accepts.
 * <pre>
 * version: 1
 * rack: r0                      # rack name
 * kind: local                   # local (namespaces) or lab (machines)
 * state: up                     # local racks only: creating | up (written by 'edm rack up')
 * hosts:
 *   - name: h0
 *     node-id: 1                # 1 .. 2^20-1, unique
 *     role: both                # compute | memory | both
 *     namespace: edm-r0-h0      # local rack; a lab rack has 'host: node01.lab' instead
 *     interface: edm0
 *     mac: "02:ed:5a:c1:00:00"
 * switch:
 *   name: sw
 *   namespace: edm-r0-sw        # or 'host: switch01.lab'
 *   ports:
 *     - interface: swp0
 *       mac: "02:ed:5a:c1:01:00"
 *       peer: h0                # the host at the other end
 * </pre>
 * Writing goes to a temporary file renamed over the target, so a crash never leaves half a file.
 */
public final class RackFile
{
    /** Format version this code reads and writes. */
    public static final int VERSION = 1;

    private RackFile()
    {
    }

    /** Reads and validates a rack file; throws naming the file and the problem. */
    public static RackDescription read(final Path file)
    {
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException e)
        {
            throw new IllegalArgumentException("rack file " + file + " does not exist; bring a local rack up with " +
                "'edm rack up --hosts N' or pass the path of a lab rack's file with --rack");
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException("cannot read rack file " + file + ": " + e.getMessage(), e);
        }
        try
        {
            return parse(text).validate();
        }
        catch (final IllegalArgumentException | YamlEngineException | ClassCastException e)
        {
            throw new IllegalArgumentException("rack file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text into a description (not yet validated). */
    public static RackDescription parse(final String text)
    {
        final Object document = new Load(LoadSettings.builder().build()).loadFromString(text);
        if (!(document instanceof Map<?, ?> root))
        {
            throw new IllegalArgumentException("the file is not a YAML mapping with 'rack', 'hosts' and 'switch'");
        }
        final Object version = root.get("version");
        if (version != null && !Integer.valueOf(VERSION).equals(version))
        {
            throw new IllegalArgumentException("version " + version + " is not supported (this edm reads version " +
                VERSION + ")");
        }
        final RackDescription.Kind kind = enumValue(RackDescription.Kind.class, string(root, "kind", "local"), "kind");
        final RackDescription.State state = enumValue(
            RackDescription.State.class, string(root, "state", "none"), "state");
        final List<RackDescription.Host> hosts = new ArrayList<>();
        for (final Map<?, ?> host : maps(root.get("hosts"), "hosts"))
        {
            hosts.add(new RackDescription.Host(
                string(host, "name", null),
                integer(host, "node-id"),
                enumValue(RackDescription.Role.class, string(host, "role", "both"), "role"),
                string(host, "namespace", null),
                string(host, "host", null),
                string(host, "interface", null),
                lower(string(host, "mac", null))));
        }
        final Object switchNode = root.get("switch");
        RackDescription.Switch fabric = null;
        if (switchNode instanceof Map<?, ?> sw)
        {
            final List<RackDescription.SwitchPort> ports = new ArrayList<>();
            for (final Map<?, ?> port : maps(sw.get("ports"), "switch.ports"))
            {
                ports.add(new RackDescription.SwitchPort(
                    string(port, "interface", null), lower(string(port, "mac", null)), string(port, "peer", null)));
            }
            fabric = new RackDescription.Switch(
                string(sw, "name", "sw"), string(sw, "namespace", null), string(sw, "host", null), ports);
        }
        return new RackDescription(string(root, "rack", null), kind, state, hosts, fabric);
    }

    /** Writes a description atomically (temporary file, then rename), creating the directory if needed. */
    public static void write(final RackDescription rack, final Path file)
    {
        try
        {
            final Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            final Path temp = Files.createTempFile(dir, ".rack-", ".tmp");
            Files.writeString(temp, format(rack), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException("cannot write rack file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The YAML text of a description. */
    public static String format(final RackDescription rack)
    {
        final StringBuilder out = new StringBuilder();
        out.append("# EDM rack description. Every edm command that opens ports accepts it (--rack FILE).\n");
        if (rack.state() != RackDescription.State.NONE)
        {
            out.append("# Written by 'edm rack up'; 'edm rack down' removes exactly the namespaces listed here.\n");
        }
        out.append("version: ").append(VERSION).append('\n');
        out.append("rack: ").append(rack.name()).append('\n');
        out.append("kind: ").append(rack.kind().yamlName()).append('\n');
        if (rack.state() != RackDescription.State.NONE)
        {
            out.append("state: ").append(rack.state().yamlName()).append('\n');
        }
        out.append("hosts:\n");
        for (final RackDescription.Host host : rack.hosts())
        {
            out.append("  - name: ").append(host.name()).append('\n');
            out.append("    node-id: ").append(host.nodeId()).append('\n');
            out.append("    role: ").append(host.role().yamlName()).append('\n');
            placement(out, "    ", host.namespace(), host.hostName());
            out.append("    interface: ").append(host.interfaceName()).append('\n');
            out.append("    mac: \"").append(host.mac()).append("\"\n");
        }
        final RackDescription.Switch fabric = rack.fabric();
        out.append("switch:\n");
        out.append("  name: ").append(fabric.name()).append('\n');
        placement(out, "  ", fabric.namespace(), fabric.hostName());
        out.append("  ports:\n");
        for (final RackDescription.SwitchPort port : fabric.ports())
        {
            out.append("    - interface: ").append(port.interfaceName()).append('\n');
            out.append("      mac: \"").append(port.mac()).append("\"\n");
            out.append("      peer: ").append(port.peer()).append('\n');
        }
        return out.toString();
    }

    private static void placement(final StringBuilder out, final String indent, final String namespace, final String host)
    {
        if (namespace != null)
        {
            out.append(indent).append("namespace: ").append(namespace).append('\n');
        }
        if (host != null)
        {
            out.append(indent).append("host: ").append(host).append('\n');
        }
    }

    private static List<Map<?, ?>> maps(final Object node, final String field)
    {
        if (node == null)
        {
            return List.of();
        }
        if (!(node instanceof List<?> list))
        {
            throw new IllegalArgumentException("'" + field + "' must be a list");
        }
        final List<Map<?, ?>> result = new ArrayList<>();
        for (final Object item : list)
        {
            if (!(item instanceof Map<?, ?> map))
            {
                throw new IllegalArgumentException("every entry of '" + field + "' must be a mapping");
            }
            result.add(map);
        }
        return result;
    }

    private static String string(final Map<?, ?> map, final String key, final String defaultValue)
    {
        final Object value = map.get(key);
        return value == null ? defaultValue : value.toString();
    }

    private static int integer(final Map<?, ?> map, final String key)
    {
        final Object value = map.get(key);
        if (value instanceof Number number)
        {
            return number.intValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a number, found " + value);
    }

    private static String lower(final String value)
    {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumValue(final Class<E> type, final String value, final String field)
    {
        try
        {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("'" + field + "' is '" + value + "'; expected one of " +
                java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
