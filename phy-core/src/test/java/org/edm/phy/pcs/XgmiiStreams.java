package org.edm.phy.pcs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/**
 * jqwik generators of XGMII transfer streams: valid streams that follow the clause 49 grammar (control transfers and
 * frames, with every block type among them) and arbitrary transfers that are mostly invalid.
 */
final class XgmiiStreams
{
    /** An XGMII transfer (test code only; the codec itself never makes one). */
    record Transfer(long txd, int txc)
    {
        @Override
        public String toString()
        {
            return String.format("%016X/%02X", txd, txc);
        }
    }

    /** A stream of transfers as the parallel arrays the bulk API takes. */
    record Stream(long[] txd, byte[] txc)
    {
        static Stream of(final List<Transfer> transfers)
        {
            final long[] txd = new long[transfers.size()];
            final byte[] txc = new byte[transfers.size()];
            for (int i = 0; i < txd.length; i++)
            {
                txd[i] = transfers.get(i).txd();
                txc[i] = (byte)transfers.get(i).txc();
            }
            return new Stream(txd, txc);
        }

        int size()
        {
            return txd.length;
        }

        @Override
        public String toString()
        {
            final StringBuilder text = new StringBuilder();
            for (int i = 0; i < txd.length; i++)
            {
                text.append(String.format("%016X/%02X ", txd[i], txc[i] & 0xFF));
            }
            return text.toString();
        }
    }

    private static final int[] CONTROL_NO_ERROR = { 0x07, 0x06, 0x1C, 0x3C, 0x7C, 0xBC, 0xDC, 0xF7 };
    private static final int[] CONTROL_WITH_ERROR = { 0x07, 0x06, 0x1C, 0x3C, 0x7C, 0xBC, 0xDC, 0xF7, 0xFE };
    private static final int[] ORDERED_SET = { 0x9C, 0x5C };

    private XgmiiStreams()
    {
    }

    /** Valid streams: control transfers and ordered sets between whole frames; no transfer is of class E. */
    static Arbitrary<Stream> validStreams()
    {
        return Arbitraries.oneOf(controlEvent(), orderedSetEvent(), frameEvent(), frameEvent())
            .list().ofMinSize(1).ofMaxSize(12)
            .map(events ->
            {
                final List<Transfer> all = new ArrayList<>();
                events.forEach(all::addAll);
                return Stream.of(all);
            });
    }

    /** Arbitrary transfers, biased towards control characters and the TXC patterns the block types use. */
    static Arbitrary<Transfer> anyTransfers()
    {
        final Arbitrary<Integer> laneByte = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.of(0x07, 0x06, 0xFB, 0xFD, 0xFE, 0x9C, 0x5C, 0x1C, 0xF7)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255)));
        final Arbitrary<Long> txd = laneByte.list().ofSize(8).map(XgmiiStreams::pack);
        final Arbitrary<Integer> txc = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.of(0x00, 0xFF, 0x01, 0x1F, 0x11, 0xF1, 0xFE, 0xFC, 0xF8, 0xF0, 0xE0,
                0xC0, 0x80)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255)));
        return Combinators.combine(txd, txc).as(Transfer::new);
    }

    static Arbitrary<Stream> anyStreams()
    {
        return anyTransfers().list().ofMinSize(1).ofMaxSize(60).map(Stream::of);
    }

    private static Arbitrary<List<Transfer>> controlEvent()
    {
        return controls(8, CONTROL_NO_ERROR).map(txd -> List.of(new Transfer(txd, 0xFF)));
    }

    private static Arbitrary<List<Transfer>> orderedSetEvent()
    {
        final Arbitrary<Long> os = orderedSet();
        final Arbitrary<Long> controls = controls(4, CONTROL_WITH_ERROR);
        return Arbitraries.oneOf(
            Combinators.combine(os, controls).as((o, c) -> List.of(new Transfer(o | c << 32, 0xF1))),
            Combinators.combine(controls, os).as((c, o) -> List.of(new Transfer(c | o << 32, 0x1F))),
            Combinators.combine(os, os).as((o0, o4) -> List.of(new Transfer(o0 | o4 << 32, 0x11))));
    }

    /** A frame: a start (lane 0, or lane 4 after controls or an ordered set), data transfers, a terminate. */
    private static Arbitrary<List<Transfer>> frameEvent()
    {
        final Arbitrary<Transfer> start = Arbitraries.oneOf(
            Arbitraries.longs().map(d -> new Transfer((d & ~0xFFL) | 0xFB, 0x01)),
            Combinators.combine(controls(4, CONTROL_WITH_ERROR), Arbitraries.longs())
                .as((c, d) -> new Transfer(c | 0xFBL << 32 | (d & 0xFFFFFF0000000000L), 0x1F)),
            Combinators.combine(orderedSet(), Arbitraries.longs())
                .as((o, d) -> new Transfer(o | 0xFBL << 32 | (d & 0xFFFFFF0000000000L), 0x11)));
        // short frames, and long ones whose runs of 32 and more data transfers take the word-at-a-time paths
        final Arbitrary<List<Long>> body = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.longs().list().ofMaxSize(12)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().list().ofMinSize(30).ofMaxSize(100)));
        final Arbitrary<Transfer> terminate = Combinators.combine(
            Arbitraries.integers().between(0, 7), Arbitraries.longs(), controls(7, CONTROL_WITH_ERROR))
            .as((k, data, controls) ->
            {
                final long dataMask = k == 0 ? 0 : (1L << (8 * k)) - 1;
                final long after = k == 7 ? 0 : controls << (8 * (k + 1));
                return new Transfer((data & dataMask) | 0xFDL << (8 * k) | after, (0xFF << k) & 0xFF);
            });
        return Combinators.combine(start, body, terminate).as((s, b, t) ->
        {
            final List<Transfer> transfers = new ArrayList<>();
            transfers.add(s);
            b.forEach(d -> transfers.add(new Transfer(d, 0)));
            transfers.add(t);
            return transfers;
        });
    }

    /** An ordered set in the low four lanes: /Q/ or /Fsig/ then three data bytes. */
    private static Arbitrary<Long> orderedSet()
    {
        return Combinators.combine(Arbitraries.of(0x9C, 0x5C), Arbitraries.integers().between(0, 0xFFFFFF))
            .as((o, d) -> (long)o | ((long)d << 8));
    }

    /** {@code lanes} control characters from {@code characters}, packed from lane 0. */
    private static Arbitrary<Long> controls(final int lanes, final int[] characters)
    {
        final Integer[] boxed = java.util.Arrays.stream(characters).boxed().toArray(Integer[]::new);
        return Arbitraries.of(boxed).list().ofSize(lanes).map(XgmiiStreams::pack);
    }

    private static long pack(final List<Integer> lanes)
    {
        long word = 0;
        for (int i = 0; i < lanes.size(); i++)
        {
            word |= (long)(lanes.get(i) & 0xFF) << (8 * i);
        }
        return word;
    }
}
