package org.edm.bench.floor;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edm floor txrate}: how many frames per second one core sends through a port (host 0 toward its switch port),
 * and, with {@code --receive}, how many a receiving thread on the switch port takes in meanwhile.
 */
@Command(name = "txrate", mixinStandardHelpOptions = true,
    description = "Frames per second one core sends from host 0 to its switch port (claim/commit batches, one " +
        "flush per batch), optionally with a receiver polling the switch port on the other core.")
public final class TxRateCommand implements Runnable
{
    @CommandLine.Mixin
    FloorOptions floor = new FloorOptions();

    @Option(names = "--seconds", defaultValue = "5", description = "Measured duration; default ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--warmup-seconds", defaultValue = "1", description = "Unmeasured warm-up; default ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(names = "--batch", defaultValue = "64", description = "Frames per flush; default ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--receive", description = "Run a receiver polling the switch port on another thread.")
    boolean receive;

    public void run()
    {
        measure(System.out::println).forEach(System.out::println);
    }

    java.util.List<String> measure(final Consumer<String> report)
    {
        final int size = floor.size;
        final org.edm.nativeio.PortOptions options = floor.portOptions().txFrames(Math.max(batch, 1)).rxFrames(4096);
        try (FloorPorts ports = receive ? FloorPorts.open(floor.transport(), false, floor.rackFile(), options) :
            FloorPorts.openSender(floor.transport(), floor.rackFile(), options))
        {
            floor.pinMeasuringThread(report);
            final FramePort sender = ports.pinger;
            final FramePort receiver = ports.echo;
            final UnsafeBuffer template = new UnsafeBuffer(new byte[size]);
            Macs.write(template, 0, ports.echoMac);
            Macs.write(template, 6, ports.pingerMac);
            template.putShort(FramePort.ETHER_TYPE_OFFSET, (short)FramePort.EDM_ETHER_TYPE, java.nio.ByteOrder.BIG_ENDIAN);

            final Sink sink = receiver == null ? null : new Sink(receiver, floor.idleStrategy());
            Thread other = null;
            if (receive)
            {
                other = floor.otherThreadFactory("edm-floor-receiver", report).newThread(sink);
                other.start();
            }
            try
            {
                send(sender, template, size, (long)(warmupSeconds * 1e9));
                final long framesBefore = sender.counters().get(PortCounter.FRAMES_OUT);
                final long fullBefore = sender.counters().get(PortCounter.RING_FULL);
                final long receivedBefore = sink == null ? 0 : sink.received;
                final long start = System.nanoTime();
                send(sender, template, size, (long)(seconds * 1e9));
                final long elapsed = System.nanoTime() - start;
                final long frames = sender.counters().get(PortCounter.FRAMES_OUT) - framesBefore;
                final long received = sink == null ? 0 : sink.received - receivedBefore;
                final double mpps = frames / (elapsed / 1e9) / 1e6;
                final java.util.List<String> lines = new java.util.ArrayList<>();
                lines.add("txrate " + floor.describe() + " batch=" + batch + " receive=" + receive);
                lines.add(String.format("sent     %,d frames in %.2f s: %.3f M frames/s, %.2f Gb/s of frames " +
                    "(%,d ring-full events)", frames, elapsed / 1e9, mpps, mpps * size * 8 / 1e3,
                    sender.counters().get(PortCounter.RING_FULL) - fullBefore));
                if (receive)
                {
                    lines.add(String.format("received %,d frames: %.3f M frames/s (%.1f%% of sent)", received,
                        received / (elapsed / 1e9) / 1e6, 100.0 * received / Math.max(1, frames)));
                }
                return lines;
            }
            finally
            {
                if (sink != null)
                {
                    sink.running = false;
                }
                if (other != null)
                {
                    try
                    {
                        other.join(TimeUnit.SECONDS.toMillis(10));
                    }
                    catch (final InterruptedException e)
                    {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private void send(final FramePort port, final DirectBuffer template, final int size, final long durationNs)
    {
        final long end = System.nanoTime() + durationNs;
        final MutableDirectBuffer buffer = port.txBuffer();
        long sequence = 0;
        while (System.nanoTime() < end)
        {
            for (int i = 0; i < batch; i++)
            {
                final int at = port.tryClaim(size);
                if (at < 0)
                {
                    break;
                }
                buffer.putBytes(at, template, 0, size);
                buffer.putLong(at + 16, sequence++);
                port.commit(size);
            }
            port.flush();
        }
        while (port.pendingFrames() > 0 && port.flush() >= 0)
        {
            Thread.onSpinWait();
        }
    }

    /** Counts what arrives on the receiving port. */
    private static final class Sink implements Runnable, FrameHandler
    {
        private final FramePort port;
        private final IdleStrategy idle;
        volatile boolean running = true;
        volatile long received;

        Sink(final FramePort port, final IdleStrategy idle)
        {
            this.port = port;
            this.idle = idle;
        }

        public void run()
        {
            long count = 0;
            while (running)
            {
                final int n = port.poll(this, 256);
                if (n > 0)
                {
                    count += n;
                    received = count;
                }
                idle.idle(Math.max(0, n));
            }
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
        }
    }
}
