package org.edm.nativeio.rack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The stable names and addresses of a local rack, derived only from the rack name and the host index, so that the same
 * {@code edm rack up} always makes the same rack:
 * <pre>
 *   host i            namespace edm-R-h{i}   interface edm0      MAC 02:ed:KK:KK:00:{i}   node id i+1   name h{i}
 *   switch            namespace edm-R-sw     port i: swp{i}      MAC 02:ed:KK:KK:01:{i}
 *   (KK:KK = low 16 bits of the CRC-32 of the rack name; 02 = locally administered, unicast)
 * </pre>
 * Interface names stay far inside IFNAMSIZ (15 characters); the rack name is 1 to 12 lower-case letters and digits,
 * starting with a letter.
 */
public final class LocalRackLayout
{
    /** Most hosts a local rack may have (one byte of the MAC). */
    public static final int MAX_HOSTS = 256;

    /** Default rack name. */
    public static final String DEFAULT_NAME = "r0";

    /** Where {@code edm rack up} writes a local rack's file unless told otherwise. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/run/edm/racks");

    /** The interface name of every host's end of its cable. */
    public static final String HOST_INTERFACE = "edm0";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");

    private LocalRackLayout()
    {
    }

    /** The default description file of rack {@code name}. */
    public static Path defaultFile(final String name)
    {
        return DEFAULT_DIRECTORY.resolve(name + ".yaml");
    }

    /** Checks a rack name; throws saying what a name may be. */
    public static String checkName(final String name)
    {
        if (name == null || !NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("rack name '" + name + "' must be 1 to 12 lower-case letters or " +
                "digits starting with a letter (it becomes part of namespace names and MACs)");
        }
        return name;
    }

    /** The description of a local rack of {@code hosts} hosts, in state {@code state}. */
    public static RackDescription describe(final String name, final int hosts, final RackDescription.State state)
    {
        checkName(name);
        if (hosts < 1 || hosts > MAX_HOSTS)
        {
            throw new IllegalArgumentException("--hosts " + hosts + " outside 1.." + MAX_HOSTS);
        }
        final List<RackDescription.Host> hostList = new ArrayList<>(hosts);
        final List<RackDescription.SwitchPort> ports = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++)
        {
            final String hostName = "h" + i;
            hostList.add(new RackDescription.Host(hostName, i + 1, RackDescription.Role.BOTH,
                hostNamespace(name, i), null, HOST_INTERFACE, mac(name, 0, i)));
            ports.add(new RackDescription.SwitchPort("swp" + i, mac(name, 1, i), hostName));
        }
        return new RackDescription(name, RackDescription.Kind.LOCAL, state, hostList,
            new RackDescription.Switch("sw", switchNamespace(name), null, ports));
    }

    public static String hostNamespace(final String rack, final int index)
    {
        return "edm-" + rack + "-h" + index;
    }

    public static String switchNamespace(final String rack)
    {
        return "edm-" + rack + "-sw";
    }

    /** The MAC of host side ({@code side} 0) or switch side (1) of cable {@code index}. */
    public static String mac(final String rack, final int side, final int index)
    {
        final CRC32 crc = new CRC32();
        crc.update(rack.getBytes(StandardCharsets.US_ASCII));
        final long key = crc.getValue() & 0xFFFF;
        return String.format("02:ed:%02x:%02x:%02x:%02x", key >> 8, key & 0xFF, side, index);
    }

    /** The marker {@code up} puts on the loopback of every namespace it makes (its {@code ifalias}). */
    public static String marker(final String rack)
    {
        return "edm-rack:" + rack;
    }
}
