package org.edm.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IndexSortTest
{
    @Property
    void ordersIndicesAsAStableSortByKey(
        @ForAll @Size(max = 200) final List<@LongRange(min = -5, max = 5) Long> keys)
    {
        final long[] array = keys.stream().mapToLong(Long::longValue).toArray();
        final int[] expected = IntStream.range(0, array.length).boxed()
            .sorted(Comparator.comparingLong(i -> array[i])) // List.sort is a stable merge sort
            .mapToInt(Integer::intValue).toArray();

        assertThat(IndexSort.stableOrder(array, array.length)).containsExactly(expected);
    }
}
