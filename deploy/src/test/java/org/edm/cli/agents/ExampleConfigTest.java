package org.edm.cli.agents;

import org.edm.agent.config.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example configuration files shipped under deploy/config load and pass validation. */
class ExampleConfigTest
{
    @ParameterizedTest
    @ValueSource(strings = { "host.yaml", "switch.yaml", "low-latency.properties" })
    void shouldLoadAndValidate(final String name)
    {
        final Path file = Path.of("config", name);
        final Configuration config = new Configuration(ConfigKeys.ALL).file(file);
        config.check(ConfigKeys.ALL);
        assertThat(ConfigKeys.ALL.stream().filter(config::isSet)).as("keys set by " + name).isNotEmpty();
    }
}
