package org.edm.nativeio;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link FramePort} backend keeps, run against each of them by a subclass that knows how to open a
 * connected pair of ports: order kept, batches of full-MTU frames, every length from 60 bytes to the MTU, foreign
 * EtherTypes filtered, back-pressure reported when the peer does not drain, and close releasing every resource.
 * Every wait is bounded in time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class FramePortConformanceTest
{
    /** Longest wait for frames that are on their way. */
    protected static final long RECEIVE_DEADLINE_NS = TimeUnit.SECONDS.toNanos(5);

    private final List<Link> opened = new ArrayList<>();

    /** A connected pair: what {@code a} sends, {@code b} receives, and the other way round. */
    public record Link(FramePort a, FramePort b, AutoCloseable extra)
    {
    }

    /** Opens a connected pair with these options (called once or more per test; the suite closes them). */
    protected abstract Link openLink(PortOptions options);

    /** True when the backend never drops: a sender whose peer does not drain is back-pressured instead. */
    protected abstract boolean lossless();

    /** Asserts that a closed link left nothing behind; the default compares the process's sockets and mappings. */
    protected void assertReleased(final Link link, final ResourceSnapshot before)
    {
        assertThat(ResourceSnapshot.take()).as("sockets and mappings after close").isEqualTo(before);
    }

    @AfterEach
    void closeLinks() throws Exception
    {
        for (final Link link : opened)
        {
            link.a().close();
            link.b().close();
            if (link.extra() != null)
            {
                link.extra().close();
            }
        }
        opened.clear();
    }

    protected Link open(final PortOptions options)
    {
        final Link link = openLink(options);
        opened.add(link);
        return link;
    }

    @Test
    void shouldDeliverFramesInOrder()
    {
        final Link link = open(new PortOptions().txFrames(32).rxFrames(256));
        final int total = 3000;
        final Receiver receiver = new Receiver();
        int sent = 0;
        final long deadline = System.nanoTime() + RECEIVE_DEADLINE_NS * 2;
        while ((sent < total || receiver.count < total) && System.nanoTime() < deadline)
        {
            final int batch = Math.min(1 + sent % 32, total - sent);
            for (int i = 0; i < batch; i++)
            {
                assertThat(stage(link.a(), 60 + (sent % 200), sent)).isZero();
                sent++;
            }
            assertThat(flushAll(link.a())).isEqualTo(batch);
            pollSome(link.b(), receiver, 8);
            while (sent - receiver.count > 128 && System.nanoTime() < deadline)
            {
                pollSome(link.b(), receiver, 64);
            }
        }
        drain(link.b(), receiver, total);
        assertThat(receiver.sequences).hasSize(total);
        assertThat(link.b().updateCounters()).isZero();
        assertThat(link.b().counters().get(PortCounter.DROPS)).isZero();
        for (int i = 0; i < total; i++)
        {
            assertThat(receiver.sequences.get(i)).as("frame %d", i).isEqualTo(i);
        }
        assertThat(link.a().counters().get(PortCounter.FRAMES_OUT)).isEqualTo(total);
        assertThat(link.b().counters().get(PortCounter.FRAMES_IN)).isEqualTo(total);
        assertThat(link.b().counters().get(PortCounter.BYTES_IN)).isEqualTo(receiver.bytes);
        assertThat(link.a().counters().get(PortCounter.BYTES_OUT)).isEqualTo(receiver.bytes);
    }

    @Test
    void shouldCarryEveryFrameLengthFromSixtyBytesToTheMtuBothWays()
    {
        final Link link = open(new PortOptions());
        for (final FramePort[] direction : new FramePort[][] { { link.a(), link.b() }, { link.b(), link.a() } })
        {
            final Receiver receiver = new Receiver();
            int expected = 0;
            for (int length = 60; length <= FramePort.DEFAULT_MTU; length++)
            {
                assertThat(stage(direction[0], length, length)).isZero();
                assertThat(flushAll(direction[0])).isEqualTo(1);
                expected++;
                if (expected % 64 == 0)
                {
                    drain(direction[1], receiver, expected);
                }
            }
            drain(direction[1], receiver, expected);
            assertThat(receiver.sequences).hasSize(expected);
            assertThat(receiver.lengths.getFirst()).isEqualTo(60);
            assertThat(receiver.lengths.getLast()).isEqualTo(FramePort.DEFAULT_MTU);
            assertThat(receiver.corrupt).as("frames whose bytes differ from what was sent").isZero();
        }
    }

    @Test
    void shouldSendABatchOfFullMtuFramesWithOneFlush()
    {
        final int batch = 64;
        final Link link = open(new PortOptions().txFrames(batch).rxFrames(256));
        for (int i = 0; i < batch; i++)
        {
            assertThat(stage(link.a(), link.a().mtu(), i)).isZero();
        }
        assertThat(link.a().pendingFrames()).isEqualTo(batch);
        assertThat(link.a().flush()).isEqualTo(batch);
        assertThat(link.a().pendingFrames()).isZero();
        final Receiver receiver = new Receiver();
        drain(link.b(), receiver, batch);
        assertThat(receiver.sequences).hasSize(batch);
        assertThat(receiver.lengths).containsOnly(FramePort.DEFAULT_MTU);
        assertThat(receiver.corrupt).isZero();
    }

    @Test
    void shouldReturnCodesForMisuseInsteadOfThrowing()
    {
        final Link link = open(new PortOptions());
        final FramePort port = link.a();
        assertThat(port.tryClaim(port.mtu() + 1)).isEqualTo(PortStatus.TOO_LONG);
        assertThat(port.tryClaim(FramePort.ETHERNET_HEADER_LENGTH - 1)).isEqualTo(PortStatus.TOO_SHORT);
        assertThat(port.commit(60)).isEqualTo(PortStatus.NOT_CLAIMED);
        assertThat(port.abort()).isEqualTo(PortStatus.NOT_CLAIMED);
        final int at = port.tryClaim(100);
        assertThat(at).isNotNegative();
        assertThat(port.tryClaim(100)).isEqualTo(PortStatus.NOT_CLAIMED);
        assertThat(port.commit(101)).isEqualTo(PortStatus.NOT_CLAIMED);
        assertThat(port.commit(13)).isEqualTo(PortStatus.TOO_SHORT);
        assertThat(port.abort()).isZero();
        assertThat(port.flush()).isZero();
        assertThat(port.poll((b, o, l) -> { }, 10)).isZero();
    }

    @Test
    void shouldFilterForeignEtherTypes()
    {
        final Link link = open(new PortOptions());
        assertThat(stage(link.a(), 100, 1, 0x0800)).isZero();
        assertThat(stage(link.a(), 100, 2, 0x86DD)).isZero();
        assertThat(stage(link.a(), 100, 3, FramePort.EDM_ETHER_TYPE)).isZero();
        assertThat(stage(link.a(), 100, 4, 0x88B6)).isZero();
        assertThat(stage(link.a(), 100, 5, FramePort.EDM_ETHER_TYPE)).isZero();
        assertThat(flushAll(link.a())).isEqualTo(5);
        final Receiver receiver = new Receiver();
        drain(link.b(), receiver, 2);
        pollFor(link.b(), receiver, TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(receiver.sequences).containsExactly(3, 5);
        assertThat(receiver.etherTypes).containsOnly(FramePort.EDM_ETHER_TYPE);
    }

    @Test
    void shouldDeliverEveryEtherTypeWhenAskedTo()
    {
        final Link link = open(new PortOptions().etherType(PortOptions.ANY_ETHER_TYPE));
        assertThat(stage(link.a(), 100, 1, 0x88B6)).isZero();
        assertThat(stage(link.a(), 100, 2, FramePort.EDM_ETHER_TYPE)).isZero();
        assertThat(flushAll(link.a())).isEqualTo(2);
        final Receiver receiver = new Receiver();
        drain(link.b(), receiver, 2);
        assertThat(receiver.sequences).containsExactly(1, 2);
    }

    @Test
    void shouldReportBackPressureWhenFramesAreStagedFasterThanTheyLeave()
    {
        final int slots = 16;
        final Link link = open(new PortOptions().txFrames(slots).rxFrames(slots));
        int staged = 0;
        int result = 0;
        while (staged < 64 * slots)
        {
            result = stage(link.a(), 200, staged);
            if (result < 0)
            {
                break;
            }
            staged++;
        }
        assertThat(result).isEqualTo(PortStatus.BACK_PRESSURED);
        assertThat(staged).isGreaterThanOrEqualTo(slots);
        assertThat(link.a().counters().get(PortCounter.RING_FULL)).isPositive();
    }

    @Test
    void shouldReportBackPressureOrDropsWhenThePeerDoesNotDrain()
    {
        final int slots = 16;
        final Link link = open(new PortOptions().txFrames(slots).rxFrames(slots));
        int accepted = 0;
        boolean backPressured = false;
        for (int attempt = 0; attempt < 100 * slots && !backPressured; attempt++)
        {
            final int staged = stage(link.a(), 1000, accepted);
            if (staged == PortStatus.BACK_PRESSURED)
            {
                backPressured = flushAll(link.a()) < 0 || lossless();
                continue;
            }
            assertThat(staged).isZero();
            accepted++;
            if (accepted % 4 == 0)
            {
                final int flushed = flushAll(link.a());
                backPressured = flushed == PortStatus.BACK_PRESSURED;
            }
        }
        flushAll(link.a());
        final Receiver receiver = new Receiver();
        pollFor(link.b(), receiver, TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(link.b().updateCounters()).isZero();
        final long drops = link.b().counters().get(PortCounter.DROPS);
        assertThat(backPressured || drops > 0)
            .as("the sender saw BACK_PRESSURED or the receiver counted drops (sent %d, received %d, drops %d)",
                accepted, receiver.count, drops)
            .isTrue();
        for (int i = 1; i < receiver.sequences.size(); i++)
        {
            assertThat(receiver.sequences.get(i)).isGreaterThan(receiver.sequences.get(i - 1));
        }
        if (lossless())
        {
            assertThat(receiver.count).isEqualTo(accepted - link.a().pendingFrames());
        }
        else
        {
            assertThat(receiver.count + drops).as("received + dropped = sent").isEqualTo(
                link.a().counters().get(PortCounter.FRAMES_OUT));
        }
    }

    @Test
    void shouldReleaseEveryResourceOnClose()
    {
        final ResourceSnapshot before = ResourceSnapshot.take();
        final Link link = openLink(new PortOptions());
        assertThat(stage(link.a(), 60, 1)).isZero();
        assertThat(flushAll(link.a())).isEqualTo(1);
        drain(link.b(), new Receiver(), 1);
        link.a().close();
        link.b().close();
        link.a().close();
        try
        {
            if (link.extra() != null)
            {
                link.extra().close();
            }
        }
        catch (final Exception e)
        {
            throw new AssertionError(e);
        }
        assertThat(link.a().isClosed()).isTrue();
        assertThat(link.a().tryClaim(60)).isEqualTo(PortStatus.CLOSED);
        assertThat(link.a().flush()).isEqualTo(PortStatus.CLOSED);
        assertThat(link.b().poll((b, o, l) -> { }, 1)).isEqualTo(PortStatus.CLOSED);
        assertReleased(link, before);
    }

    // ---- helpers ----

    /** Writes a test frame of {@code length} bytes carrying {@code sequence}; returns 0 or a status code. */
    protected static int stage(final FramePort port, final int length, final int sequence)
    {
        return stage(port, length, sequence, FramePort.EDM_ETHER_TYPE);
    }

    protected static int stage(final FramePort port, final int length, final int sequence, final int etherType)
    {
        final int at = port.tryClaim(length);
        if (at < 0)
        {
            return at;
        }
        final MutableDirectBuffer buffer = port.txBuffer();
        for (int i = 0; i < 6; i++)
        {
            buffer.putByte(at + i, (byte)0xFF);
            buffer.putByte(at + 6 + i, (byte)(i == 0 ? 0x02 : 0xED));
        }
        buffer.putShort(at + FramePort.ETHER_TYPE_OFFSET, (short)etherType, ByteOrder.BIG_ENDIAN);
        buffer.putInt(at + 14, sequence, ByteOrder.BIG_ENDIAN);
        buffer.putShort(at + 18, (short)length, ByteOrder.BIG_ENDIAN);
        for (int i = 20; i < length; i++)
        {
            buffer.putByte(at + i, pattern(sequence, i));
        }
        return port.commit(length);
    }

    private static byte pattern(final int sequence, final int index)
    {
        return (byte)(sequence * 31 + index);
    }

    /** Flushes until nothing is pending or back-pressure/errors persist; returns frames sent or the last code. */
    protected static int flushAll(final FramePort port)
    {
        int total = 0;
        final long deadline = System.nanoTime() + RECEIVE_DEADLINE_NS;
        while (port.pendingFrames() > 0 && System.nanoTime() < deadline)
        {
            final int result = port.flush();
            if (result < 0)
            {
                if (result != PortStatus.BACK_PRESSURED || total > 0)
                {
                    return total > 0 ? total : result;
                }
                return result;
            }
            total += result;
        }
        if (port.pendingFrames() == 0 && total == 0)
        {
            return port.flush();
        }
        return total;
    }

    protected static void pollSome(final FramePort port, final Receiver receiver, final int limit)
    {
        assertThat(port.poll(receiver, limit)).isNotNegative();
    }

    /** Polls until {@code expected} frames arrived in total, or the deadline passes. */
    protected static void drain(final FramePort port, final Receiver receiver, final int expected)
    {
        final long deadline = System.nanoTime() + RECEIVE_DEADLINE_NS;
        while (receiver.count < expected && System.nanoTime() < deadline)
        {
            if (port.poll(receiver, 64) == 0)
            {
                Thread.onSpinWait();
            }
        }
        assertThat(receiver.count).as("frames received within %d s", TimeUnit.NANOSECONDS.toSeconds(RECEIVE_DEADLINE_NS))
            .isEqualTo(expected);
    }

    /** Polls for a fixed time, collecting whatever arrives. */
    protected static void pollFor(final FramePort port, final Receiver receiver, final long nanos)
    {
        final long deadline = System.nanoTime() + nanos;
        while (System.nanoTime() < deadline)
        {
            if (port.poll(receiver, 64) == 0)
            {
                Thread.yield();
            }
        }
    }

    /** Collects what a port delivers and checks each frame's bytes against the pattern {@link #stage} wrote. */
    protected static final class Receiver implements FrameHandler
    {
        final List<Integer> sequences = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();
        final List<Integer> etherTypes = new ArrayList<>();
        int count;
        long bytes;
        int corrupt;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            final int sequence = buffer.getInt(offset + 14, ByteOrder.BIG_ENDIAN);
            sequences.add(sequence);
            lengths.add(length);
            etherTypes.add(buffer.getShort(offset + FramePort.ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF);
            count++;
            bytes += length;
            boolean ok = (buffer.getShort(offset + 18, ByteOrder.BIG_ENDIAN) & 0xFFFF) == length;
            for (int i = 20; i < length && ok; i++)
            {
                ok = buffer.getByte(offset + i) == pattern(sequence, i);
            }
            if (!ok)
            {
                corrupt++;
            }
        }
    }

    /** The sockets this process has open and the socket mappings it holds. */
    public record ResourceSnapshot(long sockets, long socketMappings)
    {
        static ResourceSnapshot take()
        {
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd")))
            {
                final long sockets = fds.filter(fd ->
                {
                    try
                    {
                        return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                    }
                    catch (final IOException e)
                    {
                        return false;
                    }
                }).count();
                final long mappings = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.contains("socket:") || line.contains("packet")).count();
                return new ResourceSnapshot(sockets, mappings);
            }
            catch (final IOException e)
            {
                throw new AssertionError("cannot read /proc/self", e);
            }
        }
    }

    /** A frame buffer for tests that send copies. */
    protected static UnsafeBuffer frame(final int length, final int etherType)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length]);
        buffer.putShort(FramePort.ETHER_TYPE_OFFSET, (short)etherType, ByteOrder.BIG_ENDIAN);
        return buffer;
    }
}
