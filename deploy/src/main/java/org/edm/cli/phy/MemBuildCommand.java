package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every {@code edm phy mem build} subcommand shares: the framing and the optional annotation
 * ({@link MemBuildOptions}), range checks against the framing's limits, and printing. A subclass checks its own options and hands its blocks to {@link #emit}; the
 * blocks always come from the framing's {@link Segmenter}, so the tool writes exactly what a sending engine sends.
 */
abstract class MemBuildCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The framing in use, from {@link #common()}. */
    protected Framing framing;
    private boolean annotate;
    private PrintWriter out;
    private MessageAssembler assembler;

    /** The framing and the other shared options (a {@link CommandLine.Mixin} of the subcommand). */
    protected abstract MemBuildOptions common();

    public final Integer call()
    {
        framing = common().framing;
        annotate = common().annotate;
        out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut()), false);
        assembler = new MessageAssembler(framing, position -> "block " + position);
        build(framing.newSegmenter());
        out.flush();
        return 0;
    }

    /** Checks the options and emits the message's blocks. */
    protected abstract void build(Segmenter segmenter);

    /** Writes every block of an RREQ, WREQ or RRESP. */
    protected final void emitMessage(final Segmenter segmenter, final MessageDescriptor message)
    {
        final int blocks = framing.blocks(message.messageClass(), message.length());
        for (int index = 0; index < blocks; index++)
        {
            final long payload = segmenter.encode(message, index);
            emit(segmenter.sync(), payload);
        }
    }

    /** Writes one block line. */
    protected final void emit(final int sync, final long payload)
    {
        if (annotate)
        {
            final MessageAssembler.BlockReport report = assembler.accept(sync, payload, 0);
            out.println(PhyText.blockText(sync, payload) + "  # " + report.description());
        }
        else
        {
            PhyText.printBlock(out, sync, payload);
        }
    }

    /** A node id within the framing's limit. */
    protected final int node(final String option, final Long value)
    {
        return (int)checked(option, value, framing.maxNode());
    }

    /** A tag within the framing's limit. */
    protected final int tag(final Long value)
    {
        return (int)checked("--tag", value, framing.maxTag());
    }

    /** A message length (or quota) within the framing's limit. */
    protected final int length(final String option, final Long value)
    {
        return (int)checked(option, value, framing.maxLength());
    }

    /** A value of at most {@code max}, or a usage error naming the option and the framing. */
    protected final long checked(final String option, final Long value, final long max)
    {
        if (value > max)
        {
            throw usage(option + " " + value + " is larger than " + max + ", the most the " + framing.name() +
                " framing can carry");
        }
        return value;
    }

    /** A usage error (exit status 2) for this command. */
    protected final CommandLine.ParameterException usage(final String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A usage error when the framing does not carry the field an option sets. */
    protected final void requireCarried(final String option, final Object value)
    {
        if (value != null && !framing.carriesData())
        {
            throw usage(option + ": the " + framing.name() + " framing carries no key, address or data");
        }
    }

    /** Sets the length and data of a WREQ or RRESP from exactly one of {@code --data} and {@code --length}. */
    protected final MessageDescriptor withPayload(final MessageDescriptor message, final String data, final Long length)
    {
        if ((data == null) == (length == null))
        {
            throw usage("give either --data or --length");
        }
        final byte[] bytes = data == null ? null : data(data);
        final int size = bytes == null ? length("--length", length) :
            (int)checked("--data (bytes)", (long)bytes.length, framing.maxLength());
        final MessageDescriptor sized = message.set(message.messageClass(), size, message.source(),
            message.destination(), message.tag(), message.key(), message.address());
        return bytes == null ? sized : sized.data(new UnsafeBuffer(bytes), 0);
    }

    /** The bytes of a {@code --data} option. */
    protected final byte[] data(final String hex)
    {
        final boolean digits = hex.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        if (!digits || hex.length() % 2 != 0)
        {
            throw usage("--data must be hex digit pairs (" + (digits ? "odd number of digits: " + hex.length() :
                "not hexadecimal") + ")");
        }
        return java.util.HexFormat.of().parseHex(hex);
    }
}
