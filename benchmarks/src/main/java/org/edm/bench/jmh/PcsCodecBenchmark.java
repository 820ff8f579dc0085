package org.edm.bench.jmh;

import org.edm.phy.pcs.BlockBuffer;
import org.edm.phy.pcs.BlockDecoder;
import org.edm.phy.pcs.BlockEncoder;
import org.edm.phy.pcs.Descrambler;
import org.edm.phy.pcs.Scrambler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the clause 49 PCS on one core, in blocks per second: every operation is one XGMII transfer encoded
 * into a block and that block decoded back to a transfer (the transmit and the receive side of one link direction).
 * Targets: at least 390 million data blocks/s (one 25G line: 25.78125 GBd / 66 bits), at least 100 million blocks/s of
 * mixed frame traffic, and no allocation (run with {@code -prof gc}).
 * <ul>
 *   <li>{@code dataBlocks}: data transfers inside one long frame, the fast path of both state machines.</li>
 *   <li>{@code dataBlocksOneByOne}: the same through the per-transfer and per-block calls.</li>
 *   <li>{@code mixedFrames}: frames of 64 to 1518 bytes with starts in lane 0 and 4, terminates in every lane,
 *       idles and ordered sets ({@link XgmiiTraffic}).</li>
 *   <li>{@code mixedFramesScrambled}: the same through the scrambler and descrambler.</li>
 *   <li>{@code smallFrames}: 64-byte frames back to back, the most control blocks realistic traffic has.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = "-Dagrona.disable.bounds.checks=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PcsCodecBenchmark
{
    /** Transfers per operation batch: 32 KiB of XGMII data, L1/L2 resident like a NIC ring. */
    private static final int TRANSFERS = 4096;

    private long[] dataTxd;
    private byte[] dataTxc;
    private long[] mixedTxd;
    private byte[] mixedTxc;
    private long[] smallTxd;
    private byte[] smallTxc;
    private BlockBuffer blocks;
    private long[] rxd;
    private byte[] rxc;
    private BlockEncoder dataEncoder;
    private BlockDecoder dataDecoder;
    private BlockEncoder mixedEncoder;
    private BlockDecoder mixedDecoder;
    private Scrambler scrambler;
    private Descrambler descrambler;

    @Setup
    public void setup()
    {
        final XgmiiTraffic data = XgmiiTraffic.dataBlocks(TRANSFERS, 1);
        dataTxd = data.txd();
        dataTxc = data.txc();
        final XgmiiTraffic mixed = XgmiiTraffic.mixedFrames(TRANSFERS, 2);
        mixedTxd = mixed.txd();
        mixedTxc = mixed.txc();
        final XgmiiTraffic small = XgmiiTraffic.smallFrames(TRANSFERS, 3);
        smallTxd = small.txd();
        smallTxc = small.txc();
        blocks = new BlockBuffer(TRANSFERS);
        rxd = new long[TRANSFERS];
        rxc = new byte[TRANSFERS];

        // put both data state machines inside a frame: every data transfer then stays in TX_D / RX_D
        dataEncoder = new BlockEncoder();
        dataDecoder = new BlockDecoder();
        final long startTxd = 0xD5555555555555FBL;
        dataDecoder.decode(dataEncoder.sync(), dataEncoder.encode(startTxd, 0x01));
        mixedEncoder = new BlockEncoder();
        mixedDecoder = new BlockDecoder();
        scrambler = new Scrambler();
        descrambler = new Descrambler();

        check(dataEncoder, dataDecoder, dataTxd, dataTxc, "dataBlocks");
        check(mixedEncoder, mixedDecoder, mixedTxd, mixedTxc, "mixedFrames");
        check(new BlockEncoder(), new BlockDecoder(), smallTxd, smallTxc, "smallFrames");
    }

    /** Refuses to measure a stream that is not clean, or that does not come back unchanged. */
    private void check(
        final BlockEncoder encoder, final BlockDecoder decoder, final long[] txd, final byte[] txc, final String name)
    {
        for (int round = 0; round < 2; round++)
        {
            blocks.clear();
            encoder.encode(txd, txc, 0, TRANSFERS, blocks);
            // a held block comes out first, so the transfers of this batch start one place later
            final int lag = decoder.isHolding() ? 1 : 0;
            final int count = decoder.decode(blocks, rxd, rxc, 0);
            for (int i = lag; i < count; i++)
            {
                if (rxd[i] != txd[i - lag] || rxc[i] != txc[i - lag])
                {
                    throw new IllegalStateException(name + ": transfer " + (i - lag) + " did not round-trip");
                }
            }
        }
        if (encoder.errorBlocks() != 0 || decoder.errorTransfers() != 0)
        {
            throw new IllegalStateException(name + ": the generated stream is not valid clause 49 input");
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRANSFERS)
    public int dataBlocks()
    {
        blocks.clear();
        dataEncoder.encode(dataTxd, dataTxc, 0, TRANSFERS, blocks);
        return dataDecoder.decode(blocks, rxd, rxc, 0);
    }

    /** The per-transfer and per-block calls instead of the bulk ones, for callers that cannot batch. */
    @Benchmark
    @OperationsPerInvocation(TRANSFERS)
    public long dataBlocksOneByOne()
    {
        final BlockEncoder encoder = dataEncoder;
        final BlockDecoder decoder = dataDecoder;
        long sum = 0;
        for (int i = 0; i < TRANSFERS; i++)
        {
            final long payload = encoder.encode(dataTxd[i], dataTxc[i]);
            decoder.decode(encoder.sync(), payload);
            sum += decoder.rxd();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(TRANSFERS)
    public int mixedFrames()
    {
        blocks.clear();
        mixedEncoder.encode(mixedTxd, mixedTxc, 0, TRANSFERS, blocks);
        return mixedDecoder.decode(blocks, rxd, rxc, 0);
    }

    @Benchmark
    @OperationsPerInvocation(TRANSFERS)
    public int smallFrames()
    {
        blocks.clear();
        mixedEncoder.encode(smallTxd, smallTxc, 0, TRANSFERS, blocks);
        return mixedDecoder.decode(blocks, rxd, rxc, 0);
    }

    @Benchmark
    @OperationsPerInvocation(TRANSFERS)
    public int mixedFramesScrambled()
    {
        blocks.clear();
        mixedEncoder.encode(mixedTxd, mixedTxc, 0, TRANSFERS, blocks);
        scrambler.scramble(blocks);
        descrambler.descramble(blocks);
        return mixedDecoder.decode(blocks, rxd, rxc, 0);
    }
}
