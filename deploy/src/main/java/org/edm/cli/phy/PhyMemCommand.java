package org.edm.cli.phy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code edm phy mem}: the EDM memory messages as 66-bit blocks. {@code build} writes the blocks of one message,
 * {@code parse} reads block lines back into messages; both in the {@code SH PAYLOAD} format of {@code edm phy}.
 */
@Command(
    name = "mem",
    mixinStandardHelpOptions = true,
    description = {
        "EDM memory messages as 66-bit blocks, in the SH PAYLOAD format of edm phy encode/decode.",
        "build writes the blocks of one RREQ, WREQ, RRESP, NOTIF, GRANT or ACK; parse reads blocks back into "
            + "messages (interleaved messages too) and reports malformed sequences with their line numbers." },
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy mem build rreq --src 1 --dst 2 --tag 7 --length 64 > read.txt",
        "  edm phy mem build wreq --src 1 --dst 2 --tag 8 --data 48656c6c6f > write.txt",
        "  cat read.txt write.txt | edm phy mem parse" },
    subcommands = { PhyMemBuildCommand.class, PhyMemParseCommand.class })
public final class PhyMemCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
