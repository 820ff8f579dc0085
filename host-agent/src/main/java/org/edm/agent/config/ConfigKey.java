package org.edm.agent.config;

import org.edm.agent.IdleStrategies;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One configuration setting, Aeron style: its property name ({@code edm.fabric.line.rate.gbps}), its default as text,
 * what it means, and how its text becomes a value, range check included. A parse failure throws a
 * {@link ConfigurationException} naming the key, the value and the allowed range, so start-up errors read
 * {@code edm.fabric.line.rate.gbps=0 outside (0, 400]}. Keys are declared as constants in one class per role
 * ({@code HostConfiguration}, {@code SwitchConfiguration}, {@code FabricConfiguration}, ...).
 *
 * @param <T> the value type.
 */
public final class ConfigKey<T>
{
    private final String name;
    private final String defaultValue;
    private final String description;
    private final Function<String, T> parser;

    private ConfigKey(final String name, final String defaultValue, final String description,
        final Function<String, T> parser)
    {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
        this.parser = parser;
    }

    /** The property name, e.g. {@code edm.host.idle}. */
    public String name()
    {
        return name;
    }

    /** The default, as text. */
    public String defaultValue()
    {
        return defaultValue;
    }

    /** What the key means and its allowed values. */
    public String description()
    {
        return description;
    }

    /** The value of {@code text}; throws a {@link ConfigurationException} naming this key when it is not allowed. */
    public T parse(final String text)
    {
        try
        {
            return parser.apply(text.strip());
        }
        catch (final ConfigurationException e)
        {
            throw e;
        }
        catch (final IllegalArgumentException e)
        {
            throw new ConfigurationException(name + "=" + text.strip() + " " + e.getMessage());
        }
    }

    public String toString()
    {
        return name;
    }

    // ---- factories -------------------------------------------------------------------------------------------------

    /** A whole number in [min, max]. */
    public static ConfigKey<Integer> integer(
        final String name, final int defaultValue, final int min, final int max, final String description)
    {
        return new ConfigKey<>(name, Integer.toString(defaultValue), description + " [" + min + ", " + max + "]",
            text -> (int)inRange(parseLong(text, false), min, max));
    }

    /** A byte count in [min, max]; accepts the suffixes k, m and g (powers of 1024). */
    public static ConfigKey<Long> size(
        final String name, final String defaultValue, final long min, final long max, final String description)
    {
        return new ConfigKey<>(name, defaultValue, description + " [" + min + ", " + max + "]; k, m, g suffixes",
            text -> inRange(parseLong(text, true), min, max));
    }

    /** A decimal number in (minExclusive, max]. */
    public static ConfigKey<Double> decimal(
        final String name, final String defaultValue, final double minExclusive, final double max,
        final String description)
    {
        final String range = "(" + format(minExclusive) + ", " + format(max) + "]";
        return new ConfigKey<>(name, defaultValue, description + " " + range, text ->
        {
            final double value;
            try
            {
                value = Double.parseDouble(text);
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("is not a number; allowed " + range);
            }
            if (!(value > minExclusive && value <= max))
            {
                throw new IllegalArgumentException("outside " + range);
            }
            return value;
        });
    }

    /** true or false. */
    public static ConfigKey<Boolean> bool(final String name, final boolean defaultValue, final String description)
    {
        return new ConfigKey<>(name, Boolean.toString(defaultValue), description + " (true or false)",
            text -> switch (text.toLowerCase(Locale.ROOT))
            {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("is not true or false");
            });
    }

    /** One of a fixed set of names (case-insensitive), listed in the error. */
    public static <E> ConfigKey<E> choice(
        final String name, final String defaultValue, final Map<String, E> choices, final String description)
    {
        final String allowed = String.join(", ", choices.keySet());
        return new ConfigKey<>(name, defaultValue, description + " (" + allowed + ")", text ->
        {
            for (final Map.Entry<String, E> choice : choices.entrySet())
            {
                if (choice.getKey().equalsIgnoreCase(text))
                {
                    return choice.getValue();
                }
            }
            throw new IllegalArgumentException("is not one of " + allowed);
        });
    }

    /** An idle strategy alias ({@link IdleStrategies}); the value is the alias. */
    public static ConfigKey<String> idle(final String name, final String defaultValue, final String description)
    {
        return new ConfigKey<>(name, defaultValue, description + " (" + IdleStrategies.ALIASES + ")", text ->
        {
            IdleStrategies.parse(text);
            return text;
        });
    }

    /** A CPU number to pin a thread to, or -1 for none. */
    public static ConfigKey<Integer> cpu(final String name, final String description)
    {
        return new ConfigKey<>(name, "-1", description + " (-1 = not pinned) [-1, 1023]",
            text -> (int)inRange(parseLong(text, false), -1, 1023));
    }

    /** Free text; an empty value means "not set". */
    public static ConfigKey<String> text(final String name, final String defaultValue, final String description)
    {
        return new ConfigKey<>(name, defaultValue, description, text -> text);
    }

    /** A value of any type, parsed by {@code parser}, which throws IllegalArgumentException("is not ...") on errors. */
    public static <V> ConfigKey<V> of(
        final String name, final String defaultValue, final String description, final Function<String, V> parser)
    {
        return new ConfigKey<>(name, defaultValue, description, parser);
    }

    // ---- parsing helpers -------------------------------------------------------------------------------------------

    private static long parseLong(final String text, final boolean suffixes)
    {
        long multiplier = 1;
        String digits = text;
        if (suffixes && !text.isEmpty())
        {
            switch (Character.toLowerCase(text.charAt(text.length() - 1)))
            {
                case 'k' -> multiplier = 1L << 10;
                case 'm' -> multiplier = 1L << 20;
                case 'g' -> multiplier = 1L << 30;
                default -> multiplier = 1;
            }
            if (multiplier > 1)
            {
                digits = text.substring(0, text.length() - 1);
            }
        }
        try
        {
            return Math.multiplyExact(Long.parseLong(digits), multiplier);
        }
        catch (final NumberFormatException | ArithmeticException e)
        {
            throw new IllegalArgumentException("is not a whole number" + (suffixes ? " (k, m, g suffixes allowed)" : ""));
        }
    }

    private static long inRange(final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException("outside [" + min + ", " + max + "]");
        }
        return value;
    }

    private static String format(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }
}
