package org.edm.cli.agents;

import org.edm.cli.EdmCli;
import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentCommandsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheEffectiveConfigurationWithSources() throws IOException
    {
        final Path config = dir.resolve("switch.yaml");
        Files.writeString(config, "edm:\n  switch:\n    idle: yield\n  fabric:\n    matcher: islip\n");
        final EdmCli.Result result = EdmCli.run("switch", "--config", config.toString(), "--line-rate", "25",
            "--set", "edm.fabric.chunk.bytes=512", "--print-config");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
            .containsPattern("edm.switch.idle=yield +# file " + config)
            .containsPattern("edm.fabric.matcher=islip +# file")
            .containsPattern("edm.fabric.line.rate.gbps=25 +# flag --line-rate")
            .containsPattern("edm.fabric.chunk.bytes=512 +# flag --set")
            .containsPattern("edm.threading.mode=DEDICATED +# default")
            .doesNotContain("edm.host.idle");
    }

    @Test
    void shouldShowTheCommandsOwnDefaultsAsSuch()
    {
        final EdmCli.Result result = EdmCli.run("rack", "run", "--print-config");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("edm.threading.mode=SHARED +# default of edm rack run");
    }

    @Test
    void shouldRejectAnInvalidValueNamingTheKeyAndTheRange()
    {
        final EdmCli.Result result = EdmCli.run("switch", "--line-rate", "0", "--print-config");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("edm.fabric.line.rate.gbps=0 outside (0, 400] (from flag --line-rate)")
            .doesNotContain("at org.");
    }

    @Test
    void shouldRejectAnUnknownKeySuggestingTheRightOne()
    {
        final EdmCli.Result result = EdmCli.run("host", "--name", "h0", "--set", "edm.fabric.linerate=5");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("unknown configuration key 'edm.fabric.linerate'")
            .contains("did you mean 'edm.fabric.line.rate.gbps'?");
    }

    @Test
    void shouldAskForTheHostName()
    {
        final EdmCli.Result result = EdmCli.run("host", "--rack", dir.resolve("r.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("name the host to run with --name HOST");
    }

    @Test
    void shouldRefuseToServeMemoryFromAComputeHost() throws IOException
    {
        final Path rack = labRack();
        final EdmCli.Result result = EdmCli.run("host", "--rack", rack.toString(), "--name", "node01");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("host 'node01' is a compute host").contains("edm verify --host node01");
    }

    @Test
    void shouldNotRunALabRackInOneProcess() throws IOException
    {
        final EdmCli.Result result = EdmCli.run("rack", "run", "--rack", labRack().toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is a lab rack").contains("'edm switch'").contains("'edm host'");
    }

    @Test
    void shouldRunAWholeRackInMemoryForAWhile()
    {
        final EdmCli.Result result = EdmCli.run("rack", "run", "--in-memory", "--rack", dir.resolve("none.yaml")
            .toString(), "--seconds", "0.5", "--set", "edm.memory.region.bytes=64k", "--set",
            "edm.memory.huge.pages=false");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("does not exist");

        final Path file = dir.resolve("t.yaml");
        RackFile.write(LocalRackLayout.describe("t", 3, RackDescription.State.UP), file);
        final EdmCli.Result run = EdmCli.run("rack", "run", "--in-memory", "--rack", file.toString(), "--seconds",
            "0.5", "--status-every", "0.2", "--set", "edm.memory.region.bytes=64k", "--set",
            "edm.memory.huge.pages=false");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("edm rack run: rack t (local), 3 hosts and the switch over in-memory cables")
            .contains("line rate 10 Gb/s per port").contains("threads SHARED: one thread 'edm-shared'")
            .contains("stopping after 0.5 s").contains("totals: ");
    }

    private Path labRack() throws IOException
    {
        final Path file = dir.resolve("lab.yaml");
        Files.writeString(file, """
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
                mac: "0c:42:a1:00:00:02"
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
            """);
        return file;
    }
}
