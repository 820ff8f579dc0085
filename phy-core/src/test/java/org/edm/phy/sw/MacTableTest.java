package org.edm.phy.sw;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacTableTest
{
    private static final long A = 0x02ED_0000_0001L;
    private static final long B = 0x02ED_0000_0002L;
    private static final long C = 0x02ED_0000_0003L;

    @Test
    void shouldLearnRefreshAndMoveAnAddress()
    {
        final MacTable table = new MacTable(16, 1_000);

        assertThat(table.lookup(A, 0)).isEqualTo(-1);
        assertThat(table.learn(A, 3, 0)).isEqualTo(MacTable.LEARNED);
        assertThat(table.lookup(A, 1)).isEqualTo(3);
        assertThat(table.learn(A, 3, 5)).isEqualTo(MacTable.REFRESHED);
        assertThat(table.learn(A, 4, 6)).isEqualTo(MacTable.MOVED);
        assertThat(table.lookup(A, 7)).isEqualTo(4);
        assertThat(table.learned()).isEqualTo(1);
        assertThat(table.moves()).isEqualTo(1);
    }

    @Test
    void shouldForgetAnAddressNotSeenForTheAgingTime()
    {
        final MacTable table = new MacTable(16, 100);
        table.learn(A, 1, 10);

        assertThat(table.lookup(A, 109)).isEqualTo(1);
        assertThat(table.lookup(A, 110)).isEqualTo(-1);
        assertThat(table.size(110)).isZero();
        assertThat(table.learn(A, 2, 110)).as("learned again, not moved").isEqualTo(MacTable.LEARNED);
        assertThat(table.lookup(A, 111)).isEqualTo(2);
        assertThat(table.moves()).isZero();
    }

    @Test
    void shouldKeepStaticEntriesForeverAndNotMoveThem()
    {
        final MacTable table = new MacTable(16, 10);
        assertThat(table.addStatic(A, 5)).isTrue();

        assertThat(table.learn(A, 6, 1_000)).isEqualTo(MacTable.STATIC);
        assertThat(table.lookup(A, Long.MAX_VALUE / 2)).isEqualTo(5);
    }

    @Test
    void shouldRefuseANewAddressWhenFullAndReuseAnAgedPlace()
    {
        final MacTable table = new MacTable(2, 100);
        table.learn(A, 0, 0);
        table.learn(B, 1, 50);

        assertThat(table.learn(C, 2, 60)).isEqualTo(MacTable.FULL);
        assertThat(table.learnFailures()).isEqualTo(1);
        assertThat(table.lookup(C, 60)).isEqualTo(-1);

        // A ages out at 100; a place on C's chain may be A's, or the table may still be full of live places: learning
        // must succeed once every other entry has aged.
        assertThat(table.learn(C, 2, 200)).isEqualTo(MacTable.LEARNED);
        assertThat(table.lookup(C, 201)).isEqualTo(2);
        assertThat(table.lookup(A, 201)).isEqualTo(-1);
    }

    @Test
    void shouldFindEveryAddressOfAFullTable()
    {
        final MacTable table = new MacTable(1_000, Long.MAX_VALUE);
        for (int i = 0; i < 1_000; i++)
        {
            assertThat(table.learn(0x02ED_0000_0000L + i * 7919L, i % 48, i)).isEqualTo(MacTable.LEARNED);
        }
        for (int i = 0; i < 1_000; i++)
        {
            assertThat(table.lookup(0x02ED_0000_0000L + i * 7919L, 10_000_000_000L)).isEqualTo(i % 48);
        }
        assertThat(table.size(0)).isEqualTo(1_000);
    }

    @Test
    void shouldRejectBadSettings()
    {
        assertThatThrownBy(() -> new MacTable(0, 1)).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> new MacTable(1, 0)).hasMessageContaining("agingSlots");
    }
}
