package org.edm.agent.config;

import org.edm.agent.PortConfiguration;
import org.edm.agent.RuntimeConfiguration;
import org.edm.host.HostConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every validation of the runtime, port and host keys names the key, the value and what is allowed. */
class ConfigValidationTest
{
    private static List<ConfigKey<?>> keys()
    {
        final List<ConfigKey<?>> keys = new ArrayList<>(RuntimeConfiguration.KEYS);
        keys.addAll(PortConfiguration.KEYS);
        keys.addAll(HostConfiguration.KEYS);
        return keys;
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "edm.threading.mode          | POOLED   | is not one of DEDICATED, SHARED, INVOKER",
        "edm.shared.idle             | busy     | is not an idle strategy: one of spin, noop, yield, backoff",
        "edm.shared.idle             | sleep-ns:0 | period outside [1, 1000000000]",
        "edm.shared.cpu              | -2       | outside [-1, 1023]",
        "edm.shared.cpu              | one      | is not a whole number",
        "edm.port.mtu                | 59       | outside [60, 9216]",
        "edm.port.mtu                | 9217     | outside [60, 9216]",
        "edm.port.tx.frames          | 0        | outside [1, 65536]",
        "edm.port.rx.frames          | 65537    | outside [1, 65536]",
        "edm.port.tx.mode            | mmap     | is not one of sendmmsg, tx-ring",
        "edm.port.qdisc.bypass       | yes      | is not true or false",
        "edm.port.lock.memory        | 1        | is not true or false",
        "edm.host.idle               | spinning | is not an idle strategy",
        "edm.host.cpu                | 1024     | outside [-1, 1023]",
        "edm.host.max.outstanding    | 0        | outside [1, 65536]",
        "edm.host.max.outstanding    | 1000     | is not a power of two in [1, 65536]",
        "edm.host.max.request.bytes  | 0        | outside [1, 2147483647]",
        "edm.host.max.request.bytes  | 2g       | outside [1, 2147483647]",
        "edm.host.max.request.bytes  | lots     | is not a whole number",
        "edm.host.max.slots.per.cycle | 0       | outside [1, 1048576]",
        "edm.host.tap                | a/b      | is not an interface name",
        "edm.host.tap                | sixteen-letters1 | is not an interface name",
        "edm.host.tap.subnet         | 10.1.2.3/24 | has host bits set",
    })
    void shouldNameTheKeyTheValueAndTheAllowedRange(final String key, final String value, final String problem)
    {
        final Configuration config = new Configuration(keys()).flag(key, value, "--set");
        assertThatThrownBy(() -> config.check(keys())).isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith(key + "=" + value + " ").hasMessageContaining(problem);
    }
}
