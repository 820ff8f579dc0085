package org.edm.sim;

/**
 * How the summary turns recorded rows into latency and slowdown samples. Both modes use the same {@link IdealFct}
 * formulas and clamp every slowdown to at least 1, as the reference does ({@code max(1, fct / expected_runtime)});
 * both score completed flows only and count the others as incomplete.
 */
public enum ScoringMode
{
    /**
     * The default: one sample per operation. A read is one sample from its RREQ's creation (issue at the requester)
     * to the delivery of the last response byte at the requester: {@code finish(response) - create(RREQ)}, scored
     * against the response's ideal ({@link IdealFct#ofResponse}), i.e. exactly the reference's per-flow
     * {@code .out} row of the response ({@code system_stats.c:48-50}). A read whose response has not finished is
     * incomplete. Writes and network flows: {@code finish - create} against their own ideal.
     */
    END_TO_END("end-to-end"),

    /**
     * As the reference's log scores (edm-protocol §4.9): every row is its own sample, {@code finish - create}. A read
     * therefore counts twice, as its RREQ (issue until the GRANT reaches the memory node) and as its RRESP (creation
     * at the memory node until delivery), each against its own ideal; both are in the read class. Rows that were
     * created but did not finish are incomplete; responses never created are not counted at all, as in the
     * reference, which only knows flows it has created. The mean latency of the "all" class is then the reference's
     * "Avg flow completion time" and the mean slowdown its "Avg slowdown". (Its "Median slowdown" and "99th %ile
     * SLD" are taken from an unsorted array and printed as integers, a bug in {@code edm.c}'s summary; the
     * percentiles here are computed from sorted samples.)
     */
    NETSIM("netsim");

    private final String label;

    ScoringMode(final String label)
    {
        this.label = label;
    }

    /** The name used in reports: "end-to-end" or "netsim". */
    public String label()
    {
        return label;
    }
}
