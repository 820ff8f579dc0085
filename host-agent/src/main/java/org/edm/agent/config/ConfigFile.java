package org.edm.agent.config;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a configuration file into key/value text: a Java {@code .properties} file, or a {@code .yaml}/{@code .yml}
 * file whose nested maps are joined with dots, so that these are the same setting:
 * <pre>
 *   edm.fabric.line.rate.gbps=25          # .properties
 *
 *   edm:                                  # .yaml, nested
 *     fabric:
 *       line.rate.gbps: 25
 *
 *   edm.fabric.line.rate.gbps: 25         # .yaml, flat
 * </pre>
 * Values must be scalars; which keys exist and what they allow is checked by {@link Configuration}.
 */
public final class ConfigFile
{
    private ConfigFile()
    {
    }

    /** The settings of {@code file}, in file order; throws naming the file and the problem. */
    public static Map<String, String> read(final Path file)
    {
        final String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            if (name.endsWith(".properties"))
            {
                final Properties properties = new Properties();
                properties.load(reader);
                final Map<String, String> values = new LinkedHashMap<>();
                properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key,
                    properties.getProperty(key)));
                return values;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml"))
            {
                final Object document = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromReader(reader);
                final Map<String, String> values = new LinkedHashMap<>();
                if (document != null)
                {
                    if (!(document instanceof Map<?, ?> map))
                    {
                        throw new ConfigurationException("config file " + file + ": expected a map of keys to values");
                    }
                    flatten(file, "", map, values);
                }
                return values;
            }
            throw new ConfigurationException("config file " + file + ": unknown type; name it .properties, .yaml " +
                "or .yml");
        }
        catch (final NoSuchFileException e)
        {
            throw new ConfigurationException("config file " + file + " does not exist");
        }
        catch (final IOException | IllegalArgumentException e)
        {
            if (e instanceof ConfigurationException configurationException)
            {
                throw configurationException;
            }
            throw new ConfigurationException("cannot read config file " + file + ": " + e.getMessage());
        }
        catch (final YamlEngineException e)
        {
            throw new ConfigurationException("config file " + file + " is not valid YAML: " +
                e.getMessage().replace('\n', ' '));
        }
    }

    private static void flatten(final Path file, final String prefix, final Map<?, ?> map,
        final Map<String, String> values)
    {
        for (final Map.Entry<?, ?> entry : map.entrySet())
        {
            final String key = prefix + entry.getKey();
            final Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested)
            {
                flatten(file, key + ".", nested, values);
            }
            else if (value == null || value instanceof List<?>)
            {
                throw new ConfigurationException("config file " + file + ": '" + key + "' needs a single value");
            }
            else
            {
                values.put(key, value.toString());
            }
        }
    }
}
