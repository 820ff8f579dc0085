package org.edm.bench.perftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether some socket listens on a TCP port, from the kernel's tables ({@code /proc/net/tcp} and {@code tcp6}), without
 * connecting (perftest's server takes the first connection as its client).
 * <pre>
 *   sl  local_address rem_address   st ...        local_address = hex IP ":" hex port;  st 0A = LISTEN
 *    0: 00000000:4853 00000000:0000 0A ...
 * </pre>
 */
final class ListeningPorts
{
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private ListeningPorts()
    {
    }

    static boolean isListening(final int port)
    {
        for (final Path table : TABLES)
        {
            try
            {
                if (listening(Files.readAllLines(table), port))
                {
                    return true;
                }
            }
            catch (final IOException e)
            {
                // no such table (no IPv6, not Linux): look at the next
            }
        }
        return false;
    }

    /** Whether the lines of a /proc/net/tcp table list a listener on {@code port}. */
    static boolean listening(final List<String> lines, final int port)
    {
        final String suffix = String.format(":%04X", port);
        for (final String line : lines)
        {
            final String[] fields = line.strip().split("\\s+");
            if (fields.length > 3 && fields[1].endsWith(suffix) && fields[3].equals(LISTEN))
            {
                return true;
            }
        }
        return false;
    }
}
