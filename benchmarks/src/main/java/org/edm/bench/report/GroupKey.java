package org.edm.bench.report;

import org.edm.bench.harness.RunResult;

/**
 * What the baselines are compared on: one test at one message size under one load. Each baseline has at most one
 * run per key in the side-by-side table.
 */
record GroupKey(String test, int size, String load)
{
    static GroupKey of(final RunResult run)
    {
        return new GroupKey(run.test(), run.size(), run.load());
    }

    /** "read_lat, 64 bytes, unloaded". */
    String title()
    {
        return test + ", " + size + " bytes, " + load;
    }
}
