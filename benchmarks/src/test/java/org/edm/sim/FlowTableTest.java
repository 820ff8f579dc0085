package org.edm.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowTableTest
{
    @Test
    void shouldGrowBeyondTheExpectedSizeAndSortStably()
    {
        final FlowTable.Builder builder = FlowTable.builder(1);
        for (int i = 0; i < 1000; i++)
        {
            builder.add(i, i % 3 == 0 ? FlowType.RREQ : FlowType.NET, i % 7, 7 + i % 5, 16, i % 3 == 0 ? 64 : -1,
                (999 - i) / 10);
        }
        final FlowTable table = builder.build();

        assertThat(table.size()).isEqualTo(1000);
        assertThat(table.readCount()).isEqualTo(334);
        assertThat(table.maxHost()).isEqualTo(11);
        assertThat(table.maxId()).isEqualTo(999);
        // Start slots 99 (ids 0..9) down to 0 (ids 990..999): the table starts with ids 990..999 in file order.
        assertThat(table.id(0)).isEqualTo(990);
        assertThat(table.id(9)).isEqualTo(999);
        assertThat(table.id(10)).isEqualTo(980);
        for (int i = 1; i < table.size(); i++)
        {
            assertThat(table.startSlot(i)).isGreaterThanOrEqualTo(table.startSlot(i - 1));
        }
        assertThat(table).hasToString("FlowTable{flows=1000, reads=334, maxHost=11}");
    }

    @Test
    void shouldNameTheFirstInvalidRow()
    {
        final FlowTable.Builder builder = FlowTable.builder(2);
        builder.add(5, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(6, FlowType.RREQ, 0, 1, 16, -1, 0);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("flow row 1 (flow_id 6): an RREQ needs rreq_bytes > 0 (the size read back), got -1");
        assertThatThrownBy(() -> builder.add(7, FlowType.WREQ, 0, 1, 64, -1, 0))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCompareRowsInOrder()
    {
        final FlowTable a = table(0, 1);
        final FlowTable b = table(0, 1);
        final FlowTable c = table(0, 2);

        assertThat(a.sameRowsAs(b)).isTrue();
        assertThat(a.sameRowsAs(c)).isFalse();
        assertThat(FlowTable.builder(0).build().maxHost()).isEqualTo(-1);
    }

    private static FlowTable table(final int src, final int dst)
    {
        final FlowTable.Builder builder = FlowTable.builder(1);
        builder.add(0, FlowType.WREQ, src, dst, 64, -1, 0);
        return builder.build();
    }
}
