package org.edm.bench.jmh;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The host engine per request, as a requester: submit a read, emit its RREQ blocks, accept the memory node's RRESP
 * (built once by a segmenter, replayed with the request's tag), and complete. One operation is one whole 64-byte
 * read (3 blocks out, 12 in with 7-byte blocks); 0 bytes allocated per operation (run with {@code -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dagrona.disable.bounds.checks=true")
@State(Scope.Thread)
public class HostEngineRequestBenchmark
{
    @Param({ "64" })
    public int bytes;

    private HostEngine engine;
    private Segmenter segmenter;
    private final MessageDescriptor response = new MessageDescriptor();
    private UnsafeBuffer destination;
    private UnsafeBuffer memory;
    private long slot;
    private long completed;
    private int responseBlocks;

    @Setup
    public void setUp()
    {
        final Framing framing = Framing.wire(7);
        engine = new HostEngine(HostConfig.defaults(0, framing), null, (id, status, submitted, done) -> completed++);
        segmenter = framing.newSegmenter();
        responseBlocks = framing.blocks(MemoryBlockTypes.CLASS_RRESP, bytes);
        destination = new UnsafeBuffer(new byte[bytes]);
        memory = new UnsafeBuffer(new byte[bytes]);
    }

    @Benchmark
    public long read()
    {
        final int tag = engine.submitRead(slot, 1, 7, 0, bytes, destination, 0, slot);
        while (engine.emit(slot))
        {
            slot++;
        }
        response.set(MemoryBlockTypes.CLASS_RRESP, bytes, 1, 0, tag, 0, 0).data(memory, 0);
        for (int i = 0; i < responseBlocks; i++)
        {
            final long payload = segmenter.encode(response, i);
            engine.accept(slot++, segmenter.sync(), payload);
        }
        return completed;
    }
}
