package org.edm.cli.agents;

import org.edm.cli.EdmCli;
import org.edm.cli.NamespaceRacks;
import org.edm.nativeio.NetworkNamespaces;
import org.edm.nativeio.rack.IpCommand;
import org.edm.nativeio.rack.LocalRack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kernel traffic crosses the fabric beside memory traffic: on a namespace rack whose host agents have TAP interfaces,
 * UDP datagrams between two hosts' kernel stacks go through the host agents and the switch agent's L2 path while
 * {@code edm verify} runs random reads and writes on the same links, and both succeed. Needs root; skipped otherwise.
 * Namespaces are named edm-ct&lt;pid&gt;* so that CI's guard removes any a killed JVM left behind.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NamespaceRackTapTest
{
    private static final String TAP = "edmk";
    private static final int PORT = 7777;
    /** A local rack numbers its hosts from node 1; node n's TAP gets address n + 1 of the default 10.77.0.0/24. */
    private static final String H0_ADDRESS = "10.77.0.2";
    private static final String H1_ADDRESS = "10.77.0.3";

    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot()
    {
        NamespaceRacks.assumeRoot("TAP traffic on a namespace rack");
    }

    @Test
    void shouldCarryUdpBetweenHostKernelsWhileMemoryTrafficRuns() throws Exception
    {
        final String name = NamespaceRacks.rackName("t");
        final Path file = dir.resolve(name + ".yaml");
        final String h0 = "edm-" + name + "-h0";
        final String h1 = "edm-" + name + "-h1";
        try
        {
            new LocalRack(line -> { }).up(name, 2, file);
            final CompletableFuture<EdmCli.Result> verify = new CompletableFuture<>();
            Thread.ofPlatform().name("verify").start(() -> verify.complete(EdmCli.run("verify", "--rack",
                file.toString(), "--seconds", "6", "--set", "edm.host.tap=" + TAP, "--set",
                "edm.memory.region.bytes=1m", "--set", "edm.memory.huge.pages=false", "--queue-depth", "4",
                "--max-size", "16k", "--seed", "5")));
            awaitAddress(h1, H1_ADDRESS, verify);

            final int[] echoed = exchangeDatagrams(h0, h1, 2_500_000_000L);

            final EdmCli.Result result = verify.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("TAP " + TAP + "@" + h0 + " " + H0_ADDRESS + "/24")
                .contains("result       PASS");
            assertThat(echoed[0]).as("datagrams echoed intact through the fabric").isGreaterThanOrEqualTo(50);
            assertThat(echoed[1]).as("datagrams that came back changed").isZero();
            assertThat(IpCommand.tryRun("-n", h0, "link", "show", TAP).exitCode())
                .as("the TAP interface goes away with the agents").isNotZero();
        }
        finally
        {
            try
            {
                new LocalRack(line -> { }).down(file);
            }
            catch (final RuntimeException e)
            {
                IpCommand.tryRun("netns", "del", h0);
                IpCommand.tryRun("netns", "del", h1);
                IpCommand.tryRun("netns", "del", "edm-" + name + "-sw");
            }
        }
    }

    /** Waits until the host agents have configured the TAP in {@code namespace} (or verify ended early). */
    private static void awaitAddress(final String namespace, final String address,
        final CompletableFuture<EdmCli.Result> verify) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !verify.isDone())
        {
            final IpCommand.Result shown = IpCommand.tryRun("-n", namespace, "addr", "show", TAP);
            if (shown.exitCode() == 0 && shown.output().contains(address) && shown.output().contains("UP"))
            {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("TAP " + TAP + " in " + namespace + " never got " + address + "; verify: " +
            (verify.isDone() ? verify.join() : "still running"));
    }

    /**
     * Sends datagrams of random sizes from h0's kernel to an echo socket in h1's kernel for {@code nanos}, one at a
     * time. Returns {echoed intact, came back changed}.
     */
    private static int[] exchangeDatagrams(final String h0, final String h1, final long nanos) throws IOException
    {
        try (DatagramChannel server = NetworkNamespaces.callIn(h1, () -> open(H1_ADDRESS, PORT));
            DatagramChannel client = NetworkNamespaces.callIn(h0, () -> open(H0_ADDRESS, 0)))
        {
            final InetSocketAddress target = new InetSocketAddress(H1_ADDRESS, PORT);
            final ByteBuffer out = ByteBuffer.allocate(1472);
            final ByteBuffer in = ByteBuffer.allocate(1500);
            final Random random = new Random(3);
            final int[] result = new int[2];
            final long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end)
            {
                out.clear();
                final int length = 1 + random.nextInt(out.capacity());
                for (int i = 0; i < length; i++)
                {
                    out.put((byte)random.nextInt());
                }
                out.flip();
                client.send(out, target);
                final long giveUp = Math.min(end, System.nanoTime() + 200_000_000L);
                boolean back = false;
                while (!back && System.nanoTime() < giveUp)
                {
                    in.clear();
                    final var from = server.receive(in);
                    if (from != null)
                    {
                        in.flip();
                        server.send(in, from);
                    }
                    in.clear();
                    if (client.receive(in) != null)
                    {
                        in.flip();
                        out.rewind();
                        result[in.equals(out) ? 0 : 1]++;
                        back = true;
                    }
                    Thread.onSpinWait();
                }
            }
            return result;
        }
    }

    private static DatagramChannel open(final String address, final int port) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(address, port));
        channel.configureBlocking(false);
        return channel;
    }
}
