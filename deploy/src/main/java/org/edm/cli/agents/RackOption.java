package org.edm.cli.agents;

import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --rack FILE} option: the rack description file, by default the file of the local rack 'r0'. */
public final class RackOption
{
    @Option(names = "--rack", paramLabel = "FILE",
        description = "Rack description file (default: /run/edm/racks/r0.yaml, written by 'edm rack up').")
    Path file;

    /** The file named, or the default one. */
    public Path file()
    {
        return file != null ? file : LocalRackLayout.defaultFile(LocalRackLayout.DEFAULT_NAME);
    }

    /** True when a file was named or the default one exists. */
    public boolean present()
    {
        return file != null || Files.exists(file());
    }

    /** Reads and validates the rack file. */
    public RackDescription read()
    {
        return RackFile.read(file());
    }

    /**
     * The rack file's description; with in-memory cables and no rack file, a generated rack of {@code hosts} hosts
     * (all compute and memory), so that a whole rack runs in one process without root and without 'edm rack up'.
     */
    public RackDescription readOrInMemory(final boolean inMemory, final int hosts, final Reporter reporter)
    {
        if (present() || !inMemory)
        {
            return read();
        }
        reporter.info("no rack file at " + file() + ": using an in-memory rack of " + hosts + " hosts");
        return LocalRackLayout.describe("mem", hosts, RackDescription.State.UP);
    }

    /** Throws unless the local rack is up, saying how to bring it up. */
    public static void requireUp(final RackDescription rack, final Path file)
    {
        if (rack.kind() != RackDescription.Kind.LOCAL)
        {
            return;
        }
        if (rack.state() != RackDescription.State.UP)
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "' (" + file + ") is not up (state " +
                rack.state().yamlName() + "); bring it up with 'edm rack up --name " + rack.name() + "'");
        }
        for (final RackDescription.Host host : rack.hosts())
        {
            requireNamespace(rack, host.namespace());
        }
        requireNamespace(rack, rack.fabric().namespace());
    }

    private static void requireNamespace(final RackDescription rack, final String namespace)
    {
        if (namespace != null && !Files.exists(Path.of("/run/netns", namespace)))
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "': namespace " + namespace + " is gone; " +
                "rebuild the rack with 'edm rack up --name " + rack.name() + "' (or 'edm rack down' and up)");
        }
    }
}
