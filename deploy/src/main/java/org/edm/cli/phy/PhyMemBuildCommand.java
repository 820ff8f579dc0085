package org.edm.cli.phy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edm phy mem build}: the parent of one subcommand per message class; prints its usage. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
        "Writes the blocks of one memory message, one SH PAYLOAD line per block.",
        "Wire framing (wire-7, wire-8): RREQ = header, tag, address; WREQ = header, tag, address, data...; "
            + "RRESP = header, tag, data...; NOTIF, GRANT and ACK are one block each. Numbers are decimal, or hex "
            + "after 0x. Concatenate the outputs of several builds to make a stream for edm phy mem parse." },
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy mem build rreq --src 1 --dst 2 --tag 7 --key 0x2a --address 0x1000 \\",
        "      --length 64",
        "  edm phy mem build wreq --src 1 --dst 2 --tag 8 --data 48656c6c6f",
        "  edm phy mem build wreq --src 1 --dst 2 --tag 9 --length 4096 --framing wire-8",
        "  edm phy mem build rresp --src 2 --dst 1 --tag 7 --data 0102030405060708090a",
        "  edm phy mem build notif --dst 2 --tag 8 --length 5",
        "  edm phy mem build grant --peer 2 --tag 8 --quota 256",
        "  edm phy mem build ack --requester 1 --tag 7 --status bad-key",
        "  edm phy mem build rreq --src 1 --dst 2 --length 64 --annotate" },
    subcommands = {
        MemBuildRreqCommand.class, MemBuildWreqCommand.class, MemBuildRrespCommand.class,
        MemBuildNotifCommand.class, MemBuildGrantCommand.class, MemBuildAckCommand.class })
final class PhyMemBuildCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
