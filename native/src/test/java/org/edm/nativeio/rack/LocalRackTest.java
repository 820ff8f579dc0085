package org.edm.nativeio.rack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.NetworkNamespaces;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.PortSetupException;
import org.edm.nativeio.Privileges;
import org.edm.nativeio.packet.PacketPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Brings real local racks up and down (needs root); every namespace a test makes is removed after it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalRackTest
{
    private final List<String> log = new ArrayList<>();
    private final LocalRack rack = new LocalRack(log::add);
    private String name;
    private Path file;

    @BeforeEach
    void setUp(@TempDir final Path dir)
    {
        Privileges.assumeNamespaceCapable();
        name = "ut" + ProcessHandle.current().pid() % 1_000_000;
        file = dir.resolve(name + ".yaml");
    }

    @AfterEach
    void removeEverything()
    {
        if (name != null)
        {
            for (final String ns : List.of(LocalRackLayout.switchNamespace(name), LocalRackLayout.hostNamespace(name, 0),
                LocalRackLayout.hostNamespace(name, 1), LocalRackLayout.hostNamespace(name, 2)))
            {
                IpCommand.tryRun("netns", "del", ns);
            }
        }
    }

    @Test
    void shouldBringARackUpThatCarriesFramesAndTakeItDown()
    {
        final RackDescription up = rack.up(name, 2, file);
        assertThat(up.state()).isEqualTo(RackDescription.State.UP);
        assertThat(RackFile.read(file)).isEqualTo(up);
        for (final String ns : List.of("h0", "h1", "sw"))
        {
            final String namespace = "edm-" + name + "-" + ns;
            assertThat(NetworkNamespaces.exists(namespace)).isTrue();
            assertThat(LocalRack.markerOf(namespace)).isEqualTo("edm-rack:" + name);
        }
        final IpCommand.Result ipv6 = IpCommand.tryRun("netns", "exec", up.host("h0").namespace(),
            "cat", "/proc/sys/net/ipv6/conf/all/disable_ipv6");
        assertThat(ipv6.output().strip()).isEqualTo("1");
        assertThat(rack.status(up)).anyMatch(line -> line.contains("h1") && line.contains("ours, link up"));

        final RackDescription.Host h1 = up.host("h1");
        try (PacketPort host = RackPorts.host(up, "h1", new PortOptions());
            PacketPort port = RackPorts.switchPort(up, "h1", new PortOptions()))
        {
            assertThat(host.macAddress()).isEqualTo(macBytes(h1.mac()));
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
            frame.putShort(FramePort.ETHER_TYPE_OFFSET, (short)0xB588);
            assertThat(host.send(frame, 0, 60)).isEqualTo(1);
            final int[] got = new int[1];
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (got[0] == 0 && System.nanoTime() < deadline)
            {
                port.poll((b, o, l) -> got[0] = l, 1);
            }
            assertThat(got[0]).isEqualTo(60);
        }

        assertThat(rack.up(name, 2, file)).isEqualTo(up);
        assertThatThrownBy(() -> rack.up(name, 3, file)).hasMessageContaining("already up with 2 hosts");

        assertThat(rack.down(file)).containsExactlyInAnyOrder(
            "edm-" + name + "-h0", "edm-" + name + "-h1", "edm-" + name + "-sw");
        assertThat(Files.exists(file)).isFalse();
        assertThat(NetworkNamespaces.exists("edm-" + name + "-sw")).isFalse();
    }

    @Test
    void shouldRecoverAHalfMadeRack()
    {
        RackFile.write(LocalRackLayout.describe(name, 2, RackDescription.State.CREATING), file);
        IpCommand.run("netns", "add", LocalRackLayout.switchNamespace(name));
        IpCommand.run("-n", LocalRackLayout.switchNamespace(name), "link", "set", "lo", "alias", "edm-rack:" + name);
        IpCommand.run("netns", "add", LocalRackLayout.hostNamespace(name, 0));

        final RackDescription up = rack.up(name, 2, file);

        assertThat(up.state()).isEqualTo(RackDescription.State.UP);
        assertThat(LocalRack.markerOf(LocalRackLayout.hostNamespace(name, 0))).isEqualTo("edm-rack:" + name);
        assertThat(log).anyMatch(line -> line.contains("half made"));
        rack.down(file);
        assertThat(NetworkNamespaces.exists(LocalRackLayout.hostNamespace(name, 0))).isFalse();
    }

    @Test
    void shouldRefuseToClobberANamespaceItDidNotMake()
    {
        final String foreign = LocalRackLayout.hostNamespace(name, 1);
        IpCommand.run("netns", "add", foreign);
        IpCommand.run("-n", foreign, "link", "add", "other0", "type", "veth", "peer", "name", "other1");

        assertThatThrownBy(() -> rack.up(name, 2, file))
            .isInstanceOf(PortSetupException.class)
            .hasMessageContaining(foreign)
            .hasMessageContaining("refusing");
        assertThat(NetworkNamespaces.exists(foreign)).isTrue();
        assertThat(NetworkNamespaces.exists(LocalRackLayout.switchNamespace(name))).isFalse();
    }

    private static byte[] macBytes(final String mac)
    {
        final String[] parts = mac.split(":");
        final byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            bytes[i] = (byte)Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
