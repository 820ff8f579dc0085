package org.edm.agent.config;

/**
 * A configuration value that cannot be used, with a message that names the key, the value and what is allowed, e.g.
 * {@code edm.fabric.line.rate.gbps=0 outside (0, 400]}. Thrown at start-up, never on a data path.
 */
public final class ConfigurationException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    public ConfigurationException(final String message)
    {
        super(message);
    }
}
