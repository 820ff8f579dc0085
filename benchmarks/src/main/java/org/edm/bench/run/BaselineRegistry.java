package org.edm.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The baselines {@code --baseline} can name, each a factory of fresh {@link Baseline} instances (one per fabric).
 * A new baseline plugs in with one {@link #register} line (see {@code StandardBaselines}); registering a name again
 * replaces the earlier factory.
 */
public final class BaselineRegistry
{
    private final Map<String, Supplier<Baseline>> factories = new LinkedHashMap<>();

    /** Adds or replaces {@code name}. */
    public BaselineRegistry register(final String name, final Supplier<Baseline> factory)
    {
        factories.put(name, factory);
        return this;
    }

    /** The names registered, in registration order. */
    public List<String> names()
    {
        return List.copyOf(factories.keySet());
    }

    /** A new instance of {@code name}; throws listing the names there are. */
    public Baseline create(final String name)
    {
        final Supplier<Baseline> factory = factories.get(name);
        if (factory == null)
        {
            throw new IllegalArgumentException("--baseline: '" + name + "' is not a baseline; choose from " +
                String.join(", ", factories.keySet()));
        }
        return factory.get();
    }

    /** Parses a comma-separated list of names, checking each; no repeats. */
    public List<String> parse(final String list)
    {
        final List<String> names = new ArrayList<>();
        for (final String part : list.split(","))
        {
            final String name = part.trim();
            if (name.isEmpty())
            {
                continue;
            }
            if (!factories.containsKey(name))
            {
                throw new IllegalArgumentException("--baseline: '" + name + "' is not a baseline; choose from " +
                    String.join(", ", factories.keySet()));
            }
            if (!names.contains(name))
            {
                names.add(name);
            }
        }
        if (names.isEmpty())
        {
            throw new IllegalArgumentException("--baseline: empty; choose from " + String.join(", ",
                factories.keySet()));
        }
        return names;
    }
}
