package org.edm.bench.jmh;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The lock-free rings between an application thread and the host agent: one operation writes a 40-byte request
 * record (the size RemoteMemory uses) into an Agrona one-to-one ring and reads it back on the agent's side, then the
 * same for a 16-byte completion. Single-threaded, so it measures the rings' own cost, not cache-line transfer between
 * cores; 0 bytes allocated per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dagrona.disable.bounds.checks=true")
@State(Scope.Thread)
public class SessionRingBenchmark
{
    /**
     * More than one: a read that meets the padding record at the ring's end consumes it and returns 0 messages, so a
     * limit of 1 per write left one record behind at every wrap until the ring was full (tryClaim failed after about
     * two million operations). The agent reads up to a batch per duty cycle, as here.
     */
    private static final int READ_LIMIT = 16;

    private OneToOneRingBuffer requests;
    private OneToOneRingBuffer completions;
    private long checksum;
    private final MessageHandler reader = this::onRecord;

    @Setup
    public void setUp()
    {
        requests = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect((1 << 16) + RingBufferDescriptor.TRAILER_LENGTH)));
        completions = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect((1 << 16) + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    @Benchmark
    public long requestAndCompletion()
    {
        int at = requests.tryClaim(1, 40);
        requests.buffer().putLong(at, checksum);
        requests.buffer().putLong(at + 8, 0x1000);
        requests.buffer().putInt(at + 24, 1);
        requests.commit(at);
        requests.read(reader, READ_LIMIT);
        at = completions.tryClaim(3, 16);
        completions.buffer().putLong(at, checksum);
        completions.commit(at);
        completions.read(reader, READ_LIMIT);
        return checksum;
    }

    private void onRecord(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        checksum += buffer.getLong(index) + length;
    }
}
