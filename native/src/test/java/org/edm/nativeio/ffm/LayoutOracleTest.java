package org.edm.nativeio.ffm;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle for the hand-written bindings: compiles a C program against the system headers that prints every value
 * marked {@link CName} in the binding classes (constants, struct sizes and member offsets) and compares it with the
 * Java value. Skipped, saying so, where gcc is absent.
 */
class LayoutOracleTest
{
    private static final List<Class<?>> BINDINGS = List.of(
        LinuxFile.class, LinuxSocket.class, LinuxPacket.class, LinuxMemory.class, LinuxSched.class,
        LinuxNamespace.class, LinuxTun.class);

    private static final String HEADERS = """
        #define _GNU_SOURCE
        #include <stdio.h>
        #include <stddef.h>
        #include <fcntl.h>
        #include <poll.h>
        #include <sched.h>
        #include <sys/socket.h>
        #include <sys/ioctl.h>
        #include <sys/mman.h>
        #include <netinet/in.h>
        #include <net/if.h>
        #include <linux/if_packet.h>
        #include <linux/if_ether.h>
        #include <linux/if_tun.h>
        #include <linux/sock_diag.h>
        int main(void)
        {
        """;

    @Test
    void shouldMatchEveryMarkedConstantAndLayoutWithTheSystemHeaders(@TempDir final Path dir) throws Exception
    {
        final Map<String, Long> expected = javaValues();
        final StringBuilder source = new StringBuilder(HEADERS);
        int i = 0;
        final List<String> keys = new ArrayList<>(expected.keySet());
        for (final String expression : keys)
        {
            source.append("    printf(\"%d=%lld\\n\", ").append(i++).append(", (long long)(").append(expression)
                .append("));\n");
        }
        source.append("    return 0;\n}\n");

        final Path c = dir.resolve("layouts.c");
        Files.writeString(c, source.toString());
        final Path exe = dir.resolve("layouts");
        Assumptions.assumeTrue(gccAvailable(), "gcc not found on PATH: cannot check the FFM layouts against the C headers");
        final String compile = run(List.of("gcc", "-o", exe.toString(), c.toString()), dir);
        final String output = run(List.of(exe.toString()), dir);

        final Map<String, Long> actual = new LinkedHashMap<>();
        for (final String line : output.split("\n"))
        {
            final int eq = line.indexOf('=');
            actual.put(keys.get(Integer.parseInt(line.substring(0, eq))), Long.parseLong(line.substring(eq + 1)));
        }
        assertThat(actual).as("C values (gcc said: %s)", compile).containsExactlyEntriesOf(expected);
        assertThat(expected).hasSizeGreaterThan(60);
    }

    @Test
    void shouldMarkEveryPublicConstantOfTheBindings()
    {
        for (final Class<?> binding : BINDINGS)
        {
            for (final Field field : binding.getDeclaredFields())
            {
                final int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) &&
                    (field.getType().isPrimitive() || MemoryLayout.class.isAssignableFrom(field.getType())))
                {
                    assertThat(field.getAnnotation(CName.class))
                        .as("%s.%s needs @CName so the layout test checks it", binding.getSimpleName(), field.getName())
                        .isNotNull();
                }
            }
        }
    }

    private static Map<String, Long> javaValues() throws IllegalAccessException
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        for (final Class<?> binding : BINDINGS)
        {
            for (final Field field : binding.getDeclaredFields())
            {
                final CName name = field.getAnnotation(CName.class);
                if (name == null)
                {
                    continue;
                }
                final Object value = field.get(null);
                final String expression = name.value().isEmpty() ? field.getName() : name.value();
                if (value instanceof GroupLayout layout)
                {
                    values.put("sizeof(" + expression + ")", layout.byteSize());
                    long offset = 0;
                    for (final MemoryLayout member : layout.memberLayouts())
                    {
                        if (!(member instanceof PaddingLayout) && member.name().isPresent())
                        {
                            values.put("offsetof(" + expression + ", " + member.name().get() + ")", offset);
                        }
                        offset += member.byteSize();
                    }
                }
                else
                {
                    values.put(expression, ((Number)value).longValue());
                }
            }
        }
        return values;
    }

    private static boolean gccAvailable()
    {
        try
        {
            final Process process = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (final IOException | InterruptedException e)
        {
            return false;
        }
    }

    private static String run(final List<String> command, final Path dir) throws Exception
    {
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished in time", command).isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", command, output).isZero();
        return output;
    }
}
