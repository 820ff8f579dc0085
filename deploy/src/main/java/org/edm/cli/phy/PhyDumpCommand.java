package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.cli.phy.pcap.EtherTypes;
import org.edm.cli.phy.pcap.EthernetFrame;
import org.edm.cli.phy.pcap.LinkLayer;
import org.edm.cli.phy.pcap.PcapReader;
import org.edm.cli.phy.pcap.PcapRecord;
import org.edm.phy.carrier.CarrierFrame;
import org.edm.phy.carrier.CarrierStatus;
import org.edm.phy.link.RxDropReason;
import org.edm.phy.mem.Framing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code edm phy dump}: the carrier frames of a packet capture, tcpdump-like. Every carrier frame (EtherType 0x88B5)
 * is printed with its header fields and its blocks, each described; the blocks of each link direction (source MAC
 * address) then go through that direction's receive path ({@link DumpDirection}), so memory messages and carried MAC
 * frames are printed the moment they complete. Everything else is skipped and counted, and the summary at the end
 * says what and why. The capture is read with this tool's own {@link PcapReader}.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the carrier frames of a pcap capture, their blocks and the messages they carry.",
        "Tcpdump-like: for each carrier frame (EtherType 0x88B5), the packet number, time (UTC), source > destination "
            + "MAC, link sequence number and block count, then every block as SH PAYLOAD with what it is (memory "
            + "block fields, or the clause 49 type of idle and MAC frame blocks).",
        "The blocks of each link direction (each source MAC) are read as an EDM receiver reads them: memory messages "
            + "and the MAC frames carried with them are printed (=>) when their last block arrives.",
        "Other packets, malformed carrier frames, duplicate or late ones (by link sequence number) and a record cut "
            + "off by the end of the file are skipped; the summary at the end counts them by kind.",
        "Reads classic pcap files (microsecond or nanosecond, either byte order) of Ethernet or Linux cooked captures "
            + "(tcpdump -i any); not pcapng." },
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy dump capture.pcap",
        "  edm phy dump --no-blocks -c 100 capture.pcap",
        "  tcpdump -i eth1 -w - ether proto 0x88b5 | edm phy dump -" },
    sortOptions = false)
final class PhyDumpCommand implements Callable<Integer>
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--framing", paramLabel = "FRAMING", converter = FramingOption.class, defaultValue = "wire-7",
        description = FramingOption.DESCRIPTION)
    Framing framing;

    @Option(names = "--no-blocks",
        description = "Print only the decoded messages and carried frames, one line each, not the blocks.")
    boolean noBlocks;

    @Option(names = { "-c", "--count" }, paramLabel = "N",
        description = "Stop after the first N packets of the capture.")
    Long count;

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture (pcap); - for standard input.")
    Path file;

    private PrintWriter out;
    private final DumpSummary summary = new DumpSummary();
    private final Map<Long, DumpDirection> directions = new HashMap<>();
    private boolean nanosecond;

    public Integer call()
    {
        if (count != null && count <= 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "-c " + count + " must be at least 1");
        }
        out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut()), false);
        final boolean useStdin = file.toString().equals("-");
        final String name = useStdin ? "<stdin>" : file.toString();
        try (InputStream in = useStdin ? System.in : new BufferedInputStream(Files.newInputStream(file), 1 << 16))
        {
            final PcapReader reader = PcapReader.open(in);
            if (!LinkLayer.isSupported(reader.linkType()))
            {
                return fail(name + ": " + LinkLayer.name(reader.linkType()) + " captures are not supported; " +
                    "edm phy dump reads Ethernet (link type 1) and Linux cooked captures (113, 276)");
            }
            nanosecond = reader.nanosecond();
            return read(reader, name);
        }
        catch (final NoSuchFileException ex)
        {
            return fail(name + ": no such file");
        }
        catch (final IOException ex)
        {
            return fail(name + ": " + ex.getMessage());
        }
    }

    /** Reads every record, then prints the summary; a corrupt record ends the dump with an error after it. */
    private int read(final PcapReader reader, final String name)
    {
        try
        {
            PcapRecord record;
            while ((record = reader.next()) != null)
            {
                if (count != null && summary.packets == count)
                {
                    summary.stoppedAfter = count + " packets (-c)";
                    break;
                }
                summary.packets++;
                packet(reader.linkType(), record);
            }
        }
        catch (final IOException ex)
        {
            finish();
            return fail(name + ": " + ex.getMessage());
        }
        finish();
        return 0;
    }

    private void packet(final int linkType, final PcapRecord record)
    {
        if (record.truncated())
        {
            summary.truncatedRecords++;
            out.println("#" + record.number() + " truncated record: the file ends " +
                (record.capturedLength() < 0 ? "inside its header" :
                    "after " + record.data().length + " of its " + record.capturedLength() + " bytes") + "; skipped");
            return;
        }
        final EthernetFrame ethernet = LinkLayer.ethernet(linkType, record.data());
        if (ethernet == null)
        {
            summary.nonCarrier("runt");
            return;
        }
        if (ethernet.etherType() != CarrierFrame.ETHER_TYPE)
        {
            summary.nonCarrier(EtherTypes.name(ethernet.etherType()));
            return;
        }
        final String head = "#" + record.number() + " " + time(record) + " " + addresses(ethernet);
        final UnsafeBuffer buffer = new UnsafeBuffer(ethernet.frame());
        final int length = ethernet.frame().length;
        final int status = CarrierFrame.validate(buffer, 0, length, CarrierFrame.MAX_MAX_FRAME_LENGTH);
        if (status < 0)
        {
            final String reason = record.snapped() && status == CarrierStatus.LENGTH_MISMATCH ? "cut by snap length" :
                malformedReason(status);
            summary.malformedCarrier(reason);
            out.println(head + " malformed carrier: " + reason + " (" + malformedDetail(status, buffer, length,
                record) + "); skipped");
            return;
        }
        final int flags = CarrierFrame.flags(buffer, 0);
        final boolean restart = (flags & CarrierFrame.RESTART_FLAG) != 0;
        final int sequence = CarrierFrame.linkSequence(buffer, 0);
        final int blocks = CarrierFrame.blockCount(buffer, 0);
        final DumpDirection direction = directions.computeIfAbsent(ethernet.source(), mac -> new DumpDirection(framing));
        final long lostBefore = direction.lostFrames();
        final int track = direction.track(sequence, restart);
        final String carrier = "carrier seq=" + Integer.toUnsignedString(sequence) + (restart ? " restart" : "") +
            " blocks=" + blocks + " span=" + CarrierFrame.slotSpan(buffer, 0) + " first-slot=" +
            CarrierFrame.firstSlot(buffer, 0);
        if (track < 0)
        {
            final String kind = CarrierStatus.name(track).toLowerCase(java.util.Locale.ROOT);
            summary.sequenceSkip(kind);
            out.println(head + " " + carrier + " " + kind + " (by its sequence number); skipped");
            return;
        }
        final long lost = direction.lostFrames() - lostBefore;
        summary.lostFrames += lost;
        summary.carrierFrames++;
        summary.blocks += blocks;
        if (!noBlocks)
        {
            out.println(head + " " + carrier + (lost > 0 ? " (" + lost + " lost before it)" : ""));
        }
        if (direction.abortedFrame())
        {
            final String problem = "carried frame dropped: " + RxDropText.describe(RxDropReason.ABORTED, 0, 0);
            summary.problem("carried frame dropped in #" + record.number());
            out.println(noBlocks ? head + " problem: " + problem : "   !! " + problem);
        }
        for (int index = 0; index < blocks; index++)
        {
            final int sync = CarrierFrame.sync(buffer, 0, index);
            final long payload = CarrierFrame.payload(buffer, 0, index);
            final DumpDirection.BlockOutcome outcome = direction.block(sync, payload, record.number());
            if (!noBlocks)
            {
                out.printf("%5d  %s  %s%n", index, PhyText.blockText(sync, payload), outcome.description());
            }
            for (final String decoded : outcome.decoded())
            {
                out.println(noBlocks ? head + " " + decoded : "   => " + decoded);
            }
            for (final String problem : outcome.problems())
            {
                summary.problem(problem.substring(0, Math.max(problem.indexOf(':'), 0)) + " in #" + record.number());
                out.println(noBlocks ? head + " problem: " + problem : "   !! " + problem);
            }
        }
    }

    private void finish()
    {
        for (final Map.Entry<Long, DumpDirection> entry : directions.entrySet())
        {
            final DumpDirection direction = entry.getValue();
            summary.messages += direction.messages();
            summary.carriedFrames += direction.carriedFrames();
            final String mac = EthernetFrame.macText(entry.getKey());
            for (final MemoryMessage message : direction.assembler().incomplete())
            {
                summary.incomplete(mac + " " + message.identity() + " from #" + message.firstPosition + " (" +
                    message.blocks + " of " + direction.assembler().blocksOf(message) + " blocks)");
            }
            for (final long packet : direction.assembler().headersWithoutTag())
            {
                summary.incomplete(mac + " a header in #" + packet + " without its tag block");
            }
            if (direction.inFrame())
            {
                summary.incomplete(mac + " a carried MAC frame");
            }
        }
        summary.print(out);
        out.flush();
    }

    private int fail(final String message)
    {
        out.flush();
        spec.commandLine().getErr().println("edm phy dump: " + message);
        return PhyText.EXIT_BAD_INPUT;
    }

    private String time(final PcapRecord record)
    {
        final String seconds = LocalDateTime.ofEpochSecond(record.seconds(), 0, ZoneOffset.UTC).format(TIME);
        return nanosecond ? String.format("%s.%09d", seconds, record.nanos()) :
            String.format("%s.%06d", seconds, record.nanos() / 1000);
    }

    private static String addresses(final EthernetFrame ethernet)
    {
        return EthernetFrame.macText(ethernet.source()) + " > " +
            (ethernet.destinationKnown() ? EthernetFrame.macText(ethernet.destination()) : "?");
    }

    private static String malformedReason(final int status)
    {
        return switch (status)
        {
            case CarrierStatus.TOO_SHORT -> "too short";
            case CarrierStatus.BAD_VERSION -> "bad version";
            case CarrierStatus.BAD_HEADER -> "reserved bits set";
            case CarrierStatus.LENGTH_MISMATCH -> "bad length";
            case CarrierStatus.TOO_LONG -> "too long";
            default -> CarrierStatus.name(status).toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String malformedDetail(
        final int status, final UnsafeBuffer buffer, final int length, final PcapRecord record)
    {
        return switch (status)
        {
            case CarrierStatus.TOO_SHORT -> length + " bytes, the header alone is " + CarrierFrame.HEADER_LENGTH;
            case CarrierStatus.BAD_VERSION -> "version " + CarrierFrame.version(buffer, 0) + ", expected " +
                CarrierFrame.VERSION;
            case CarrierStatus.BAD_HEADER -> String.format("flags 0x%02X, reserved fields must be zero",
                CarrierFrame.flags(buffer, 0));
            case CarrierStatus.LENGTH_MISMATCH -> CarrierFrame.blockCount(buffer, 0) + " blocks need " +
                CarrierFrame.frameLength(CarrierFrame.blockCount(buffer, 0)) + " bytes, " + (record.snapped() ?
                    "the capture kept " + length + " of " + record.originalLength() : "the frame has " + length);
            default -> length + " bytes";
        };
    }
}
