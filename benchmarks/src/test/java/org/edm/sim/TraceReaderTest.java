package org.edm.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceReaderTest
{
    /** The first lines of a long-flow reference trace (proced_hadoop-100G-0.4.csv), as the generator wrote them. */
    private static final String REFERENCE_LINES = """
        0,3,75,93,5840,-1,40
        1,1,120,127,16,534360,387
        2,3,49,25,5840,-1,1519
        3,1,18,41,16,5840,1697
        4,3,10,113,5840,-1,1739
        """;

    @Test
    void shouldReadTheReferenceFormatColumnByColumn() throws IOException
    {
        final FlowTable table = TraceReader.read(new StringReader(REFERENCE_LINES), "hadoop.csv");

        assertThat(table.size()).isEqualTo(5);
        assertThat(table.readCount()).isEqualTo(2);
        assertThat(table.maxHost()).isEqualTo(127);
        assertThat(table.id(1)).isEqualTo(1);
        assertThat(table.type(1)).isEqualTo(FlowType.RREQ);
        assertThat(table.src(1)).isEqualTo(120);
        assertThat(table.dst(1)).isEqualTo(127);
        assertThat(table.sizeBytes(1)).isEqualTo(16);
        assertThat(table.rreqBytes(1)).isEqualTo(534_360);
        assertThat(table.startSlot(1)).isEqualTo(387);
        assertThat(table.type(4)).isEqualTo(FlowType.WREQ);
        assertThat(table.rreqBytes(4)).isEqualTo(-1);
        assertThat(table.startSlot(4)).isEqualTo(1739);
    }

    @Test
    void shouldSkipBlankLinesCommentsAndToleratePaddingAndCrlf() throws IOException
    {
        final String text = "# flow_id,type,src,dst,size_bytes,rreq_bytes,start_slot\r\n" +
            "\r\n" +
            "  0 , 100 , 1 , 2 , 1500 , -1 , 7 \r\n" +
            "   # indented comment\n" +
            "\t\n" +
            "1,3,2,1,64,-1,9"; // no final newline
        final FlowTable table = TraceReader.read(new StringReader(text), "t.csv");

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.type(0)).isEqualTo(FlowType.NET);
        assertThat(table.sizeBytes(0)).isEqualTo(1500);
        assertThat(table.startSlot(0)).isEqualTo(7);
        assertThat(table.startSlot(1)).isEqualTo(9);
    }

    @Test
    void shouldSortByStartSlotKeepingFileOrderWithinASlot() throws IOException
    {
        final String text = """
            10,3,0,1,64,-1,50
            11,3,0,2,64,-1,20
            12,3,0,3,64,-1,50
            13,3,0,4,64,-1,20
            14,3,0,5,64,-1,0
            """;
        final FlowTable table = TraceReader.read(new StringReader(text), "t.csv");

        assertThat(ids(table)).containsExactly(14, 11, 13, 10, 12);
        assertThat(table.startSlot(0)).isZero();
        assertThat(table.startSlot(4)).isEqualTo(50);
    }

    @Test
    void shouldAcceptStartSlotsBeyondTheIntRange() throws IOException
    {
        final FlowTable table = TraceReader.read(new StringReader("0,3,0,1,64,-1,9000000000\n"), "t.csv");

        assertThat(table.startSlot(0)).isEqualTo(9_000_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "six fields                 | 0,3,0,1,64,-1                 | expected 7 comma-separated integers",
        "eight fields               | 0,3,0,1,64,-1,0,0             | found 8 fields",
        "decimal size               | 0,3,0,1,64.5,-1,0             | field 5 (size_bytes) is not an integer: '64.5'",
        "empty field                | 0,3,,1,64,-1,0                | field 3 (src) is not an integer: ''",
        "word                       | 0,3,0,one,64,-1,0             | field 4 (dst) is not an integer: 'one'",
        "int overflow               | 0,3,0,1,2147483648,-1,0       | field 5 (size_bytes) is out of range",
        "long overflow              | 0,3,0,1,64,-1,9223372036854775808 | field 7 (start_slot) is out of range",
        "unknown type               | 0,7,0,1,64,-1,0               | unknown type 7",
        "rresp in trace             | 0,2,0,1,64,-1,0               | type 2 (RRESP) cannot appear in a trace",
        "negative size              | 0,3,0,1,-64,-1,0              | size_bytes must be > 0, got -64",
        "zero size                  | 0,3,0,1,0,-1,0                | size_bytes must be > 0, got 0",
        "same hosts                 | 0,3,4,4,64,-1,0               | src and dst are both 4",
        "negative host              | 0,3,-1,4,64,-1,0              | host ids must be >= 0",
        "rreq without rreq_bytes    | 0,1,0,1,16,-1,0               | an RREQ needs rreq_bytes > 0",
        "rreq with zero rreq_bytes  | 0,1,0,1,16,0,0                | an RREQ needs rreq_bytes > 0",
        "write with rreq_bytes      | 0,3,0,1,64,64,0               | rreq_bytes must be -1 for a WREQ",
        "negative start             | 0,3,0,1,64,-1,-5              | start_slot must be >= 0, got -5",
    })
    void shouldRejectABadLineNamingFileLineAndProblem(final String name, final String badLine, final String problem)
    {
        final String text = "# header comment\n5,3,0,1,64,-1,0\n" + badLine + "\n6,3,0,1,64,-1,0\n";

        assertThatThrownBy(() -> TraceReader.read(new StringReader(text), "bad.csv"))
            .isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("bad.csv:3: ")
            .hasMessageContaining(problem)
            .satisfies(ex -> assertThat(((InputFileException)ex).line()).isEqualTo(3));
    }

    @Test
    void shouldRejectADuplicateFlowIdNamingBothLines()
    {
        final String text = "1,3,0,1,64,-1,30\n2,3,0,1,64,-1,10\n# c\n1,3,0,2,64,-1,20\n2,3,0,1,64,-1,5\n";

        assertThatThrownBy(() -> TraceReader.read(new StringReader(text), "dup.csv"))
            .isInstanceOf(InputFileException.class)
            .hasMessage("dup.csv:4: flow_id 1 is already used on line 1");
    }

    @Test
    void shouldRejectAFileWithoutFlows()
    {
        assertThatThrownBy(() -> TraceReader.read(new StringReader("# nothing\n\n"), "empty.csv"))
            .isInstanceOf(InputFileException.class)
            .hasMessage("empty.csv: no flows (the file holds only blank lines and comments)");
    }

    @Test
    void shouldNameTheFileAsGivenWhenReadingFromDisk(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("trace.csv");
        Files.writeString(file, REFERENCE_LINES + "5,3,1,1,64,-1,2000\n");

        assertThatThrownBy(() -> TraceReader.read(file))
            .isInstanceOf(InputFileException.class)
            .hasMessage(file + ":6: src and dst are both 1: a flow needs two different hosts");
    }

    @Test
    void shouldRoundTripThroughTheTraceWriter(@TempDir final Path dir) throws IOException
    {
        final FlowTable table = TraceReader.read(new StringReader(REFERENCE_LINES), "hadoop.csv");
        final Path file = dir.resolve("copy.csv");
        TraceWriter.write(table, file);

        assertThat(Files.readString(file)).isEqualTo(REFERENCE_LINES);
        assertThat(TraceReader.read(file).sameRowsAs(table)).isTrue();
    }

    @Test
    void shouldReadAMillionFlowsIntoPrimitiveColumns() throws IOException
    {
        final int n = 1_000_000;
        final StringBuilder text = new StringBuilder(n * 24);
        for (int i = 0; i < n; i++)
        {
            text.append(i).append(",3,").append(i % 144).append(',').append((i + 1) % 144).append(",64,-1,")
                .append(i / 10).append('\n');
        }
        final FlowTable table = TraceReader.read(new StringReader(text.toString()), "big.csv");

        assertThat(table.size()).isEqualTo(n);
        assertThat(table.maxHost()).isEqualTo(143);
        assertThat(table.startSlot(n - 1)).isEqualTo((n - 1) / 10);
    }

    private static int[] ids(final FlowTable table)
    {
        final int[] ids = new int[table.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = table.id(i);
        }
        return ids;
    }
}
