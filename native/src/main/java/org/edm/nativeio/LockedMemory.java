package org.edm.nativeio;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.Ffm;
import org.edm.nativeio.ffm.LinuxMemory;

/**
 * An anonymous private mapping for buffers that must not page-fault on the data path: backed by explicit huge pages
 * when some are reserved ({@code MAP_HUGETLB}, 2 MiB), else by normal pages with transparent huge pages advised
 * ({@code MADV_HUGEPAGE}), and locked in RAM ({@code mlock}) when asked and allowed. Each fallback is reported with
 * what to change to avoid it; none is fatal. {@link #close()} unmaps.
 */
public final class LockedMemory implements AutoCloseable
{
    /** Size of the huge pages asked for. */
    public static final long HUGE_PAGE_SIZE = 2L * 1024 * 1024;

    private final long address;
    private final long length;
    private final boolean hugePages;
    private final boolean locked;
    private final UnsafeBuffer buffer;
    private boolean closed;

    private LockedMemory(final long address, final long length, final boolean hugePages, final boolean locked)
    {
        this.address = address;
        this.length = length;
        this.hugePages = hugePages;
        this.locked = locked;
        this.buffer = new UnsafeBuffer(address, (int)Math.min(length, Integer.MAX_VALUE));
    }

    /**
     * Maps at least {@code bytes} bytes, zeroed.
     *
     * @param hugePages try explicit huge pages first.
     * @param lock      lock the pages in RAM.
     * @param report    receives one line per fallback taken.
     */
    public static LockedMemory allocate(
        final long bytes, final boolean hugePages, final boolean lock, final Consumer<String> report)
    {
        if (bytes <= 0)
        {
            throw new IllegalArgumentException("bytes=" + bytes + " must be positive");
        }
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment state = Ffm.newCallState(arena);
            final int prot = LinuxMemory.PROT_READ | LinuxMemory.PROT_WRITE;
            final int flags = LinuxMemory.MAP_PRIVATE | LinuxMemory.MAP_ANONYMOUS | LinuxMemory.MAP_POPULATE;
            long length = bytes;
            long address = -1;
            boolean huge = false;
            if (hugePages)
            {
                final long hugeLength = (bytes + HUGE_PAGE_SIZE - 1) / HUGE_PAGE_SIZE * HUGE_PAGE_SIZE;
                address = LinuxMemory.mmap(state, hugeLength, prot, flags | LinuxMemory.MAP_HUGETLB, -1);
                if (address >= 0)
                {
                    length = hugeLength;
                    huge = true;
                }
                else
                {
                    report.accept("no explicit huge pages for " + hugeLength + " bytes (" +
                        Errno.describe((int)address) + "): using normal pages with transparent huge pages advised; " +
                        "reserve huge pages with 'sysctl vm.nr_hugepages=N' (2 MiB each) to get them");
                }
            }
            if (!huge)
            {
                length = (bytes + 4095) / 4096 * 4096;
                address = LinuxMemory.mmap(state, length, prot, flags, -1);
                if (address < 0)
                {
                    throw new PortSetupException("cannot map " + length + " bytes: " + Errno.describe((int)address));
                }
                LinuxMemory.madvise(state, address, length, LinuxMemory.MADV_HUGEPAGE);
            }
            boolean locked = false;
            if (lock)
            {
                final int result = LinuxMemory.mlock(state, address, length);
                locked = result == 0;
                if (!locked)
                {
                    report.accept("cannot lock " + length + " bytes in memory (" + Errno.describe(result) +
                        "): continuing unlocked, so page faults may add latency; raise 'ulimit -l' " +
                        "(LimitMEMLOCK=infinity in a systemd unit) or grant CAP_IPC_LOCK");
                }
            }
            return new LockedMemory(address, length, huge, locked);
        }
    }

    public long address()
    {
        return address;
    }

    public long length()
    {
        return length;
    }

    public boolean hugePages()
    {
        return hugePages;
    }

    public boolean locked()
    {
        return locked;
    }

    /** The memory as an Agrona buffer (the first 2 GiB if larger). */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            try (Arena arena = Arena.ofConfined())
            {
                LinuxMemory.munmap(Ffm.newCallState(arena), address, length);
            }
        }
    }
}
