package org.edm.agent.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration of one process: every key's text and where it came from, in increasing precedence
 * <pre>
 *   default  <  the command's own default (e.g. SHARED for 'edm rack run')  <  --config FILE  <  command-line flags
 * </pre>
 * Unknown keys in a file or a flag are errors (with the closest known key suggested), so that a typo never silently
 * falls back to a default. {@link #check} parses every key a command uses and reports all problems at once, each
 * naming its key and the allowed range; {@link #print} shows every effective value with its source, as a valid
 * properties file. Control plane only.
 */
public final class Configuration
{
    /** A value and where it came from. */
    private record Entry(String text, String source)
    {
    }

    private final Map<String, ConfigKey<?>> known = new LinkedHashMap<>();
    private final Map<String, Entry> values = new LinkedHashMap<>();

    /** @param known every key any command of this program understands (a file may set keys of other roles). */
    public Configuration(final Collection<ConfigKey<?>> known)
    {
        for (final ConfigKey<?> key : known)
        {
            this.known.put(key.name(), key);
        }
    }

    /** Sets a command's own default (weaker than a file or a flag). */
    public Configuration commandDefault(final ConfigKey<?> key, final String text, final String command)
    {
        values.put(key.name(), new Entry(text, "default of " + command));
        return this;
    }

    /** Applies every setting of a configuration file. */
    public Configuration file(final Path file)
    {
        for (final Map.Entry<String, String> setting : ConfigFile.read(file).entrySet())
        {
            put(setting.getKey(), setting.getValue(), "file " + file);
        }
        return this;
    }

    /** Applies a command-line setting; {@code flag} names it for the source column (e.g. {@code --line-rate}). */
    public Configuration flag(final String keyName, final String text, final String flag)
    {
        return put(keyName, text, "flag " + flag);
    }

    /** Applies a command-line setting of a key. */
    public Configuration flag(final ConfigKey<?> key, final String text, final String flag)
    {
        return put(key.name(), text, "flag " + flag);
    }

    /** The value of {@code key}; throws a {@link ConfigurationException} naming it when its text is not allowed. */
    public <T> T get(final ConfigKey<T> key)
    {
        return key.parse(text(key));
    }

    /** The effective text of {@code key}. */
    public String text(final ConfigKey<?> key)
    {
        final Entry entry = values.get(key.name());
        return entry == null ? key.defaultValue() : entry.text();
    }

    /** Where the value of {@code key} came from: "default", "default of edm rack run", "file F" or "flag --x". */
    public String source(final ConfigKey<?> key)
    {
        final Entry entry = values.get(key.name());
        return entry == null ? "default" : entry.source();
    }

    /** True when a file or flag set {@code key} (not a default). */
    public boolean isSet(final ConfigKey<?> key)
    {
        final Entry entry = values.get(key.name());
        return entry != null && !entry.source().startsWith("default");
    }

    /**
     * Parses every key in {@code keys}; throws one {@link ConfigurationException} listing every problem, each naming
     * its key, its value and the allowed range.
     */
    public void check(final Collection<ConfigKey<?>> keys)
    {
        final List<String> problems = new ArrayList<>();
        for (final ConfigKey<?> key : keys)
        {
            try
            {
                get(key);
            }
            catch (final ConfigurationException e)
            {
                problems.add(e.getMessage() + sourceNote(key));
            }
        }
        if (problems.size() == 1)
        {
            throw new ConfigurationException(problems.getFirst());
        }
        if (!problems.isEmpty())
        {
            throw new ConfigurationException("invalid configuration:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Prints {@code keys} as a properties file: each effective value with its source as a trailing comment. */
    public void print(final Collection<ConfigKey<?>> keys, final PrintWriter out)
    {
        int width = 0;
        for (final ConfigKey<?> key : keys)
        {
            width = Math.max(width, key.name().length() + 1 + text(key).length());
        }
        for (final ConfigKey<?> key : keys)
        {
            final String setting = key.name() + "=" + text(key);
            out.println(setting + " ".repeat(width - setting.length() + 2) + "# " + source(key));
        }
        out.flush();
    }

    private String sourceNote(final ConfigKey<?> key)
    {
        final String source = source(key);
        return source.equals("default") ? "" : " (from " + source + ")";
    }

    private Configuration put(final String keyName, final String text, final String source)
    {
        final String name = keyName.strip();
        if (!known.containsKey(name))
        {
            throw new ConfigurationException("unknown configuration key '" + name + "' (" + source + ")" +
                suggestion(name) + "; 'edm <command> --print-config' lists the keys a command uses");
        }
        values.put(name, new Entry(text.strip(), source));
        return this;
    }

    private String suggestion(final String name)
    {
        final String plain = name.replace(".", "").replace("-", "").replace("_", "");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : known.keySet())
        {
            final String candidatePlain = candidate.replace(".", "");
            final int distance = candidatePlain.startsWith(plain) || plain.startsWith(candidatePlain) ? 0 :
                distance(plain, candidatePlain);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(3, name.length() / 4) ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance. */
    private static int distance(final String a, final String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
