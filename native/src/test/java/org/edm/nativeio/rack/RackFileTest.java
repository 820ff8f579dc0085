package org.edm.nativeio.rack;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RackFileTest
{
    static final String LAB_RACK = """
        version: 1
        rack: lab1
        kind: lab
        hosts:
          - name: node01
            node-id: 1
            role: compute
            host: node01.lab.example
            interface: enp65s0f0
            mac: "0c:42:a1:00:00:01"
          - name: node02
            node-id: 2
            role: memory
            host: node02.lab.example
            interface: enp65s0f0
            mac: "0C:42:A1:00:00:02"
        switch:
          name: sw1
          host: switch01.lab.example
          ports:
            - interface: enp1s0f0
              mac: "0c:42:a1:00:01:01"
              peer: node01
            - interface: enp1s0f1
              mac: "0c:42:a1:00:01:02"
              peer: node02
        """;

    @Test
    void shouldWriteAndReadBackALocalRack(@TempDir final Path dir)
    {
        final RackDescription rack = LocalRackLayout.describe("r7", 3, RackDescription.State.UP);
        final Path file = dir.resolve("racks/r7.yaml");
        RackFile.write(rack, file);
        assertThat(RackFile.read(file)).isEqualTo(rack);
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void shouldReadALabRack()
    {
        final RackDescription rack = RackFile.parse(LAB_RACK).validate();
        assertThat(rack.kind()).isEqualTo(RackDescription.Kind.LAB);
        assertThat(rack.state()).isEqualTo(RackDescription.State.NONE);
        assertThat(rack.host("node02").role()).isEqualTo(RackDescription.Role.MEMORY);
        assertThat(rack.host("node02").mac()).isEqualTo("0c:42:a1:00:00:02");
        assertThat(rack.host("node01").hostName()).isEqualTo("node01.lab.example");
        assertThat(rack.switchPortOf("node02").interfaceName()).isEqualTo("enp1s0f1");
        assertThat(RackFile.parse(RackFile.format(rack))).isEqualTo(rack);
    }

    @Test
    void shouldNameEveryProblemOfAnInvalidFile(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, LAB_RACK
            .replace("node-id: 2", "node-id: 1")
            .replace("interface: enp1s0f1", "interface: a-very-long-interface-name")
            .replace("\"0c:42:a1:00:00:01\"", "\"0c:42:a1\"")
            .replace("peer: node02", "peer: node09"));
        assertThatThrownBy(() -> RackFile.read(file))
            .hasMessageContaining(file.toString())
            .hasMessageContaining("hosts[1] (node02): 'node-id' 1")
            .hasMessageContaining("switch.ports[1]: 'interface' 'a-very-long-interface-name'")
            .hasMessageContaining("hosts[0] (node01): 'mac' '0c:42:a1'")
            .hasMessageContaining("'peer' node09");
    }

    @Test
    void shouldSayWhatToDoWhenTheFileIsMissing(@TempDir final Path dir)
    {
        assertThatThrownBy(() -> RackFile.read(dir.resolve("none.yaml")))
            .hasMessageContaining("does not exist")
            .hasMessageContaining("edm rack up");
    }

    @Test
    void shouldRejectAnUnknownRole()
    {
        assertThatThrownBy(() -> RackFile.parse(LAB_RACK.replace("role: memory", "role: storage")))
            .hasMessageContaining("'role' is 'storage'");
    }
}
