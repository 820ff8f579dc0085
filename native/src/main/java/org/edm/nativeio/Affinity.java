package org.edm.nativeio;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.Ffm;
import org.edm.nativeio.ffm.LinuxSched;

/**
 * CPU affinity of the calling thread ({@code sched_setaffinity}/{@code sched_getaffinity} act on the caller, which
 * is why {@link AffinityThreadFactory} pins from inside the new thread), and the CPUs the kernel was told to keep
 * free for such threads ({@code isolcpus=}, shown in {@code /sys/devices/system/cpu/isolated}). Control plane only.
 */
public final class Affinity
{
    /** Where the kernel lists the isolated CPUs. */
    public static final Path ISOLATED = Path.of("/sys/devices/system/cpu/isolated");

    private Affinity()
    {
    }

    /** Restricts the calling thread to {@code cpu}; returns the effective affinity read back. */
    public static List<Integer> pinCurrentThread(final int cpu)
    {
        if (cpu < 0 || cpu >= LinuxSched.CPU_SET_SIZE * 8)
        {
            throw new PortSetupException("cpu " + cpu + " outside 0.." + (LinuxSched.CPU_SET_SIZE * 8 - 1));
        }
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment state = Ffm.newCallState(arena);
            final MemorySegment mask = arena.allocate(LinuxSched.CPU_SET_SIZE);
            mask.set(ValueLayout.JAVA_BYTE, cpu / 8, (byte)(1 << (cpu % 8)));
            final int result = LinuxSched.setAffinity(state, mask);
            if (result < 0)
            {
                throw new PortSetupException("cannot pin thread '" + Thread.currentThread().getName() + "' to CPU " +
                    cpu + ": " + Errno.describe(result) + (result == -Errno.EINVAL ?
                    "; that CPU is offline or outside this process's cpuset (allowed: " + allowedCpus() + ")" : ""));
            }
        }
        return allowedCpus();
    }

    /** The CPUs the calling thread may run on. */
    public static List<Integer> allowedCpus()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment state = Ffm.newCallState(arena);
            final MemorySegment mask = arena.allocate(LinuxSched.CPU_SET_SIZE);
            final int result = LinuxSched.getAffinity(state, mask);
            if (result < 0)
            {
                throw new PortSetupException("sched_getaffinity failed: " + Errno.describe(result));
            }
            final List<Integer> cpus = new ArrayList<>();
            for (int cpu = 0; cpu < LinuxSched.CPU_SET_SIZE * 8; cpu++)
            {
                if ((mask.get(ValueLayout.JAVA_BYTE, cpu / 8) & (1 << (cpu % 8))) != 0)
                {
                    cpus.add(cpu);
                }
            }
            return cpus;
        }
    }

    /** The CPU the calling thread runs on right now. */
    public static int currentCpu()
    {
        try (Arena arena = Arena.ofConfined())
        {
            return LinuxSched.currentCpu(Ffm.newCallState(arena));
        }
    }

    /** The isolated CPUs (empty when none, or when the file cannot be read). */
    public static TreeSet<Integer> isolatedCpus()
    {
        try
        {
            return parseCpuList(Files.exists(ISOLATED) ? Files.readString(ISOLATED) : "");
        }
        catch (final IOException e)
        {
            return new TreeSet<>();
        }
    }

    /** Parses a kernel CPU list such as {@code "2-3,5"}. */
    public static TreeSet<Integer> parseCpuList(final String list)
    {
        final TreeSet<Integer> cpus = new TreeSet<>();
        for (final String part : list.strip().split(","))
        {
            if (part.isBlank())
            {
                continue;
            }
            final int dash = part.indexOf('-');
            final int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).strip());
            final int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
            for (int cpu = from; cpu <= to; cpu++)
            {
                cpus.add(cpu);
            }
        }
        return cpus;
    }
}
