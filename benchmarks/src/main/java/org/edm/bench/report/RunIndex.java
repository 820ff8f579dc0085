package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runs arranged for comparison: the baselines in column order (EDM first, then the others in the order they
 * were run), the groups in row order (tests in run order, sizes ascending, loads in run order), and each baseline's
 * run of each group. When a baseline ran the same group twice, the first run is the one compared; the JSON keeps
 * both.
 */
final class RunIndex
{
    static final String EDM = "edm";

    private final List<RunResult> runs;
    private final List<String> baselines;
    private final List<GroupKey> groups;
    private final Map<GroupKey, Map<String, RunResult>> byGroup = new LinkedHashMap<>();

    RunIndex(final List<RunResult> runs)
    {
        this.runs = List.copyOf(runs);
        final Set<String> baselineSet = new LinkedHashSet<>();
        final List<String> tests = new ArrayList<>();
        final List<String> loads = new ArrayList<>();
        for (final RunResult run : this.runs)
        {
            baselineSet.add(run.baseline());
            addOnce(tests, run.test());
            addOnce(loads, run.load());
            byGroup.computeIfAbsent(GroupKey.of(run), key -> new LinkedHashMap<>()).putIfAbsent(run.baseline(), run);
        }
        final List<String> ordered = new ArrayList<>(baselineSet);
        if (ordered.remove(EDM))
        {
            ordered.addFirst(EDM);
        }
        this.baselines = List.copyOf(ordered);
        this.groups = byGroup.keySet().stream()
            .sorted(Comparator.comparingInt((GroupKey key) -> tests.indexOf(key.test()))
                .thenComparingInt(GroupKey::size)
                .thenComparingInt(key -> loads.indexOf(key.load())))
            .toList();
    }

    List<RunResult> runs()
    {
        return runs;
    }

    /** Column order: EDM first when present, then the other baselines in the order they were run. */
    List<String> baselines()
    {
        return baselines;
    }

    /** Row order: tests in run order, then sizes ascending, then loads in run order. */
    List<GroupKey> groups()
    {
        return groups;
    }

    Optional<RunResult> run(final GroupKey key, final String baseline)
    {
        return Optional.ofNullable(byGroup.getOrDefault(key, Map.of()).get(baseline));
    }

    /** The baseline's result for one class of the group, if it measured that class. */
    Optional<ClassResult> classResult(final GroupKey key, final String baseline, final String trafficClass)
    {
        return run(key, baseline).flatMap(run -> run.classes().stream()
            .filter(result -> result.trafficClass().equals(trafficClass)).findFirst());
    }

    /** The group's classes over all baselines: each run's measured class first, then the background classes. */
    List<String> classes(final GroupKey key)
    {
        final Set<String> measured = new LinkedHashSet<>();
        final Set<String> background = new LinkedHashSet<>();
        for (final String baseline : baselines)
        {
            run(key, baseline).ifPresent(run ->
            {
                measured.add(run.measured().trafficClass());
                run.classes().stream().skip(1).forEach(result -> background.add(result.trafficClass()));
            });
        }
        background.removeAll(measured);
        final List<String> classes = new ArrayList<>(measured);
        classes.addAll(background);
        return classes;
    }

    /** The offered rate of the group's first run with one, else 0 (closed loop). */
    double offeredRate(final GroupKey key)
    {
        return byGroup.getOrDefault(key, Map.of()).values().stream()
            .mapToDouble(RunResult::offeredRate).filter(rate -> rate > 0).findFirst().orElse(0);
    }

    private static void addOnce(final List<String> list, final String value)
    {
        if (!list.contains(value))
        {
            list.add(value);
        }
    }
}
