package org.edm.agent.config;

import org.edm.agent.AgentRuntime;
import org.edm.agent.PortConfiguration;
import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.ThreadingMode;
import org.edm.host.HostConfiguration;
import org.edm.nativeio.PortOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest
{
    private static final List<ConfigKey<?>> KEYS = keys();

    @TempDir
    Path dir;

    private static List<ConfigKey<?>> keys()
    {
        final List<ConfigKey<?>> keys = new ArrayList<>(RuntimeConfiguration.KEYS);
        keys.addAll(PortConfiguration.KEYS);
        keys.addAll(HostConfiguration.KEYS);
        return keys;
    }

    @Test
    void shouldUseTheDefaultsWhenNothingIsSet()
    {
        final Configuration config = new Configuration(KEYS);
        config.check(KEYS);
        assertThat(config.get(RuntimeConfiguration.THREADING_MODE)).isEqualTo(ThreadingMode.DEDICATED);
        assertThat(config.get(HostConfiguration.IDLE)).isEqualTo("backoff");
        assertThat(config.get(HostConfiguration.CPU)).isEqualTo(-1);
        assertThat(config.get(HostConfiguration.MAX_REQUEST_BYTES)).isEqualTo(1L << 20);
        assertThat(config.source(HostConfiguration.IDLE)).isEqualTo("default");
        final PortOptions options = PortConfiguration.options(config);
        assertThat(options.mtu()).isEqualTo(1514);
        assertThat(options.txMode()).isEqualTo(PortOptions.TxMode.SENDMMSG);
    }

    @Test
    void shouldLetTheFileBeatTheCommandDefaultAndAFlagBeatTheFile() throws IOException
    {
        final Path file = dir.resolve("host.properties");
        Files.writeString(file, "edm.threading.mode=INVOKER\nedm.host.idle=yield\nedm.host.cpu=1\n");
        final Configuration config = new Configuration(KEYS)
            .commandDefault(RuntimeConfiguration.THREADING_MODE, "SHARED", "edm rack run")
            .commandDefault(RuntimeConfiguration.SHARED_IDLE, "yield", "edm rack run")
            .file(file)
            .flag(HostConfiguration.CPU, "0", "--cpu");
        assertThat(config.get(RuntimeConfiguration.THREADING_MODE)).isEqualTo(ThreadingMode.INVOKER);
        assertThat(config.source(RuntimeConfiguration.THREADING_MODE)).isEqualTo("file " + file);
        assertThat(config.get(RuntimeConfiguration.SHARED_IDLE)).isEqualTo("yield");
        assertThat(config.source(RuntimeConfiguration.SHARED_IDLE)).isEqualTo("default of edm rack run");
        assertThat(config.get(HostConfiguration.CPU)).isZero();
        assertThat(config.source(HostConfiguration.CPU)).isEqualTo("flag --cpu");
        assertThat(config.isSet(HostConfiguration.CPU)).isTrue();
        assertThat(config.isSet(RuntimeConfiguration.SHARED_IDLE)).isFalse();
        final AgentRuntime.Threading threading = RuntimeConfiguration.threading(config);
        assertThat(threading.mode()).isEqualTo(ThreadingMode.INVOKER);
    }

    @Test
    void shouldReadNestedAndFlatYaml() throws IOException
    {
        final Path file = dir.resolve("host.yaml");
        Files.writeString(file, """
            edm:
              host:
                idle: spin
                max.slots.per.cycle: 128
              port.mtu: 9000
            edm.shared.cpu: 1
            """);
        final Configuration config = new Configuration(KEYS).file(file);
        assertThat(config.get(HostConfiguration.IDLE)).isEqualTo("spin");
        assertThat(config.get(HostConfiguration.MAX_SLOTS_PER_CYCLE)).isEqualTo(128);
        assertThat(config.get(PortConfiguration.MTU)).isEqualTo(9000);
        assertThat(config.get(RuntimeConfiguration.SHARED_CPU)).isEqualTo(1);
    }

    @Test
    void shouldAcceptSizeSuffixes()
    {
        final Configuration config = new Configuration(KEYS).flag(HostConfiguration.MAX_REQUEST_BYTES, "64k", "--set");
        assertThat(config.get(HostConfiguration.MAX_REQUEST_BYTES)).isEqualTo(65536L);
    }

    @Test
    void shouldRejectAnUnknownKeyAndSuggestTheClosestOne() throws IOException
    {
        final Path file = dir.resolve("typo.properties");
        Files.writeString(file, "edm.host.idel=spin\n");
        assertThatThrownBy(() -> new Configuration(KEYS).file(file)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("unknown configuration key 'edm.host.idel'")
            .hasMessageContaining("did you mean 'edm.host.idle'?");
    }

    @Test
    void shouldSayWhatIsWrongWithAFile() throws IOException
    {
        assertThatThrownBy(() -> new Configuration(KEYS).file(dir.resolve("missing.yaml")))
            .hasMessageContaining("does not exist");
        final Path text = dir.resolve("host.txt");
        Files.writeString(text, "x");
        assertThatThrownBy(() -> new Configuration(KEYS).file(text)).hasMessageContaining(".properties, .yaml or .yml");
        final Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "edm: [1, 2\n");
        assertThatThrownBy(() -> new Configuration(KEYS).file(bad)).hasMessageContaining("not valid YAML");
        final Path list = dir.resolve("list.yaml");
        Files.writeString(list, "edm.host.idle: [spin, yield]\n");
        assertThatThrownBy(() -> new Configuration(KEYS).file(list))
            .hasMessageContaining("'edm.host.idle' needs a single value");
    }

    @Test
    void shouldReportEveryProblemAtOnceEachWithItsKeyAndSource() throws IOException
    {
        final Path file = dir.resolve("bad.properties");
        Files.writeString(file, "edm.host.cpu=4096\nedm.port.mtu=10\n");
        final Configuration config = new Configuration(KEYS).file(file).flag(HostConfiguration.IDLE, "busy", "--idle");
        assertThatThrownBy(() -> config.check(KEYS)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("edm.host.cpu=4096 outside [-1, 1023] (from file " + file + ")")
            .hasMessageContaining("edm.port.mtu=10 outside [60, 9216]")
            .hasMessageContaining("edm.host.idle=busy is not an idle strategy: one of spin, noop, yield, backoff")
            .hasMessageContaining("(from flag --idle)");
    }

    @Test
    void shouldPrintEveryValueWithItsSourceAsAPropertiesFile() throws IOException
    {
        final Configuration config = new Configuration(KEYS).flag(HostConfiguration.IDLE, "yield", "--idle");
        final StringWriter text = new StringWriter();
        config.print(KEYS, new PrintWriter(text));
        final String printed = text.toString();
        assertThat(printed.lines()).hasSize(KEYS.size());
        assertThat(printed).containsPattern("edm.host.idle=yield +# flag --idle")
            .containsPattern("edm.threading.mode=DEDICATED +# default");
        final Path file = dir.resolve("printed.properties");
        Files.writeString(file, printed.replaceAll("\\s+#.*", ""));
        final Configuration reread = new Configuration(KEYS).file(file);
        assertThat(reread.get(HostConfiguration.IDLE)).isEqualTo("yield");
    }
}
