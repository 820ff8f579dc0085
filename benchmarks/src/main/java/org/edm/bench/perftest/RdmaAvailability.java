package org.edm.bench.perftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether real RDMA can be measured here: an RDMA device under {@code /sys/class/infiniband} (a NIC's, or Soft-RoCE's
 * {@code rxe0}) and the perftest program on the PATH; when not, the reason in words a user can act on.
 *
 * @param available whether both are there.
 * @param reason    why not ("" when available).
 * @param devices   the RDMA devices found.
 * @param program   the program's path (null when not found).
 */
public record RdmaAvailability(boolean available, String reason, List<String> devices, Path program)
{
    /** Where Linux lists RDMA devices. */
    public static final Path SYS_CLASS_INFINIBAND = Path.of("/sys/class/infiniband");

    public RdmaAvailability
    {
        devices = List.copyOf(devices);
    }

    /** This machine: {@link #SYS_CLASS_INFINIBAND} and the PATH. */
    public static RdmaAvailability probe(final String program, final String device)
    {
        return probe(SYS_CLASS_INFINIBAND, pathDirectories(System.getenv("PATH")), program, device);
    }

    /**
     * @param devicesDirectory where RDMA devices are listed (one entry per device).
     * @param path             the directories to look for {@code program} in.
     * @param device           the device the run asks for, or null for any.
     */
    public static RdmaAvailability probe(
        final Path devicesDirectory, final List<Path> path, final String program, final String device)
    {
        final List<String> devices = devices(devicesDirectory);
        final Path found = find(path, program);
        final String reason;
        if (!Files.isDirectory(devicesDirectory))
        {
            reason = "no RDMA device: " + devicesDirectory + " does not exist (the kernel has no RDMA core loaded; " +
                "Soft-RoCE needs CONFIG_INFINIBAND and CONFIG_RDMA_RXE, then 'rdma link add rxe0 type rxe netdev " +
                "<interface>')";
        }
        else if (devices.isEmpty())
        {
            reason = "no RDMA device: " + devicesDirectory + " is empty (no RDMA NIC; Soft-RoCE needs " +
                "CONFIG_RDMA_RXE, then 'rdma link add rxe0 type rxe netdev <interface>')";
        }
        else if (device != null && !devices.contains(device))
        {
            reason = "RDMA device '" + device + "' not found in " + devicesDirectory + " (have: " +
                String.join(", ", devices) + ")";
        }
        else if (found == null)
        {
            reason = program + " is not on the PATH: install perftest (apt-get install perftest)";
        }
        else
        {
            reason = "";
        }
        return new RdmaAvailability(reason.isEmpty(), reason, devices, found);
    }

    private static List<String> devices(final Path directory)
    {
        final List<String> names = new ArrayList<>();
        if (Files.isDirectory(directory))
        {
            try (Stream<Path> entries = Files.list(directory))
            {
                entries.map(entry -> entry.getFileName().toString()).sorted().forEach(names::add);
            }
            catch (final IOException e)
            {
                // unreadable: as good as no device
            }
        }
        return names;
    }

    private static Path find(final List<Path> path, final String program)
    {
        for (final Path directory : path)
        {
            final Path candidate = directory.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    static List<Path> pathDirectories(final String path)
    {
        final List<Path> directories = new ArrayList<>();
        if (path != null)
        {
            for (final String entry : path.split(java.io.File.pathSeparator))
            {
                if (!entry.isBlank())
                {
                    directories.add(Path.of(entry));
                }
            }
        }
        return directories;
    }
}
