package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.journey.ContactCheck;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.PromiseCheck;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.journey.StageResult;
import dev.cxkit.core.journey.Touchpoint;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of one group of journeys: plain sums and duration histograms, so {@link #merge}
 * is exact. Read by {@link #snapshot()}.
 *
 * <p>Not thread-safe.
 */
final class GroupStats {

    private final JourneyDefinition definition;
    private final Map<String, Integer> promiseIndex;
    private final Map<String, Integer> ruleIndex;
    private final List<Touchpoint> expected;

    private long journeys;
    private long completed;
    private long events;
    private long duplicates;
    private long reachedNoStage;
    private final long[] reached;
    private final long[] inOrder;
    private final long[] eventual;
    private final long[] stageCompleted;
    private final long[] stopped;
    private final DurationAccumulator[] steps;
    private final PromiseStats[] promises;
    private final RuleStats[] rules;
    private final long[] recovery = new long[JourneyOutcome.RecoveryClass.values().length];
    private final Map<String, Long> unknown = new HashMap<>();
    private long failures;
    private long journeysWithFailure;
    /** Failures and recovered failures per factor and touchpoint. */
    private final Map<SatisfactionFactor, Map<String, long[]>> cells = new EnumMap<>(SatisfactionFactor.class);
    private final Map<String, Long> byType = new HashMap<>();
    private final long[] bySource = new long[ServiceFailure.Source.values().length];
    private final long[] byRecovery = new long[ServiceFailure.Recovery.values().length];

    /** Checks and breaches per name. */
    private static final class Tally {
        final Map<String, long[]> counts = new HashMap<>();

        void add(String name, long checks, long breaches) {
            long[] c = counts.computeIfAbsent(name, k -> new long[2]);
            c[0] += checks;
            c[1] += breaches;
        }

        void merge(Tally other) {
            other.counts.forEach((name, c) -> add(name, c[0], c[1]));
        }

        void write(ByteForm.Writer out) {
            out.varLong(counts.size());
            counts.forEach((name, c) -> out.string(name).varLong(c[0]).varLong(c[1]));
        }

        void read(ByteForm.Reader in) {
            int n = in.count("names", 3);
            for (int i = 0; i < n; i++) {
                String name = in.string();
                if (counts.containsKey(name)) {
                    throw in.error("the name " + name + " appears twice");
                }
                add(name, in.varLong(), in.varLong());
            }
        }

        List<Offender> worstFirst() {
            List<Offender> out = new ArrayList<>();
            counts.forEach((name, c) -> out.add(new Offender(name, c[0], c[1])));
            out.sort(Offender.WORST_FIRST);
            return out;
        }
    }

    private static final class PromiseStats {
        long kept;
        long broken;
        long missing;
        final DurationAccumulator durations = new DurationAccumulator();
        final Tally byTouchpoint = new Tally();
        final Tally byLocation = new Tally();
    }

    private static final class RuleStats {
        long kept;
        long broken;
        long unchecked;
        final Tally byTouchpoint = new Tally();
        final long[] brokenByChannel = new long[Channel.values().length];
    }

    /** Returns whether an outcome was measured against this group's definition. */
    boolean fits(JourneyOutcome o) {
        List<StageResult> stages = o.stages();
        if (stages.size() != reached.length) {
            return false;
        }
        for (int i = 0; i < stages.size(); i++) {
            if (!stages.get(i).stage().equals(definition.stages().get(i))) {
                return false;
            }
        }
        for (PromiseCheck c : o.promises()) {
            if (!promiseIndex.containsKey(c.promiseId())) {
                return false;
            }
        }
        for (ContactCheck c : o.contacts()) {
            if (!ruleIndex.containsKey(c.ruleId())) {
                return false;
            }
        }
        return true;
    }

    GroupStats(JourneyDefinition definition) {
        this.definition = definition;
        int stages = definition.stages().size();
        reached = new long[stages];
        inOrder = new long[stages];
        eventual = new long[stages];
        stageCompleted = new long[stages];
        stopped = new long[stages];
        expected = definition.expectedTouchpoints();
        steps = new DurationAccumulator[Math.max(0, expected.size() - 1)];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new DurationAccumulator();
        }
        promiseIndex = new HashMap<>();
        promises = new PromiseStats[definition.promises().size()];
        for (int i = 0; i < promises.length; i++) {
            promises[i] = new PromiseStats();
            promiseIndex.put(definition.promises().get(i).id(), i);
        }
        ruleIndex = new HashMap<>();
        rules = new RuleStats[definition.contactRules().size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = new RuleStats();
            ruleIndex.put(definition.contactRules().get(i).id(), i);
        }
    }

    /** Returns the number of journeys recorded. */
    long journeys() {
        return journeys;
    }

    /**
     * Records an outcome of this definition: its stages, promises and contact rules must be the
     * definition's ({@link JourneyAccumulator} checks).
     */
    void record(JourneyOutcome o) {
        journeys++;
        events += o.events();
        duplicates += o.duplicates();
        if (o.completed()) {
            completed++;
        }
        List<StageResult> stages = o.stages();
        boolean ordered = true;
        boolean all = true;
        Instant previous = null;
        int furthest = -1;
        for (int i = 0; i < stages.size(); i++) {
            StageResult s = stages.get(i);
            if (s.reached()) {
                reached[i]++;
                furthest = i;
            }
            ordered &= s.reached() && (previous == null || !s.reachedAt().isBefore(previous));
            all &= s.reached();
            if (s.reached()) {
                previous = s.reachedAt();
            }
            if (ordered) {
                inOrder[i]++;
            }
            if (all) {
                eventual[i]++;
            }
            if (s.completed()) {
                stageCompleted[i]++;
            }
        }
        if (furthest < 0) {
            reachedNoStage++;
        } else if (!o.completed()) {
            stopped[furthest]++;
        }
        for (int i = 0; i < steps.length; i++) {
            Instant from = o.touchpointTimes().get(expected.get(i).id());
            Instant to = o.touchpointTimes().get(expected.get(i + 1).id());
            if (from != null && to != null) {
                steps[i].record(Duration.between(from, to));
            }
        }
        for (PromiseCheck c : o.promises()) {
            PromiseStats p = promises[promiseIndex.get(c.promiseId())];
            switch (c.status()) {
                case KEPT -> p.kept++;
                case BROKEN -> p.broken++;
                default -> p.missing++;
            }
            if (c.measured() != null) {
                p.durations.record(c.measured());
            }
            long breach = c.breached() ? 1 : 0;
            p.byTouchpoint.add(c.touchpoint(), 1, breach);
            p.byLocation.add(c.location(), 1, breach);
        }
        for (ContactCheck c : o.contacts()) {
            RuleStats r = rules[ruleIndex.get(c.ruleId())];
            switch (c.status()) {
                case KEPT -> {
                    r.kept++;
                    r.byTouchpoint.add(c.touchpoint(), 1, 0);
                }
                case BROKEN -> {
                    r.broken++;
                    r.byTouchpoint.add(c.touchpoint(), 1, 1);
                    r.brokenByChannel[c.channel().ordinal()]++;
                }
                default -> r.unchecked++;
            }
        }
        recovery[o.recovery().ordinal()]++;
        if (!o.failures().isEmpty()) {
            journeysWithFailure++;
        }
        for (ServiceFailure f : o.failures()) {
            failures++;
            long[] cell = cells.computeIfAbsent(f.factor(), k -> new HashMap<>())
                    .computeIfAbsent(f.touchpoint(), k -> new long[2]);
            cell[0]++;
            if (f.recovered()) {
                cell[1]++;
            }
            byType.merge(f.type(), 1L, Long::sum);
            bySource[f.source().ordinal()]++;
            byRecovery[f.recovery().ordinal()]++;
        }
        o.unknownTouchpoints().forEach((id, n) -> unknown.merge(id, (long) n, Long::sum));
    }

    void merge(GroupStats o) {
        journeys += o.journeys;
        completed += o.completed;
        events += o.events;
        duplicates += o.duplicates;
        reachedNoStage += o.reachedNoStage;
        add(reached, o.reached);
        add(inOrder, o.inOrder);
        add(eventual, o.eventual);
        add(stageCompleted, o.stageCompleted);
        add(stopped, o.stopped);
        for (int i = 0; i < steps.length; i++) {
            steps[i].merge(o.steps[i]);
        }
        for (int i = 0; i < promises.length; i++) {
            PromiseStats p = promises[i];
            PromiseStats q = o.promises[i];
            p.kept += q.kept;
            p.broken += q.broken;
            p.missing += q.missing;
            p.durations.merge(q.durations);
            p.byTouchpoint.merge(q.byTouchpoint);
            p.byLocation.merge(q.byLocation);
        }
        for (int i = 0; i < rules.length; i++) {
            RuleStats r = rules[i];
            RuleStats q = o.rules[i];
            r.kept += q.kept;
            r.broken += q.broken;
            r.unchecked += q.unchecked;
            r.byTouchpoint.merge(q.byTouchpoint);
            add(r.brokenByChannel, q.brokenByChannel);
        }
        add(recovery, o.recovery);
        o.unknown.forEach((id, n) -> unknown.merge(id, n, Long::sum));
        failures += o.failures;
        journeysWithFailure += o.journeysWithFailure;
        o.cells.forEach((factor, byTouchpoint) -> byTouchpoint.forEach((touchpoint, c) -> {
            long[] cell = cells.computeIfAbsent(factor, k -> new HashMap<>()).computeIfAbsent(touchpoint, k -> new long[2]);
            cell[0] += c[0];
            cell[1] += c[1];
        }));
        o.byType.forEach((type, n) -> byType.merge(type, n, Long::sum));
        add(bySource, o.bySource);
        add(byRecovery, o.byRecovery);
    }

    /**
     * Writes every counter, in the order of the definition's stages, steps, promises and rules
     * ({@code docs/format.md}, journey accumulator).
     */
    void write(ByteForm.Writer out) {
        out.varLong(journeys).varLong(completed).varLong(events).varLong(duplicates).varLong(reachedNoStage);
        for (long[] column : new long[][] {reached, inOrder, eventual, stageCompleted, stopped}) {
            for (long v : column) {
                out.varLong(v);
            }
        }
        for (DurationAccumulator step : steps) {
            step.write(out);
        }
        for (PromiseStats p : promises) {
            out.varLong(p.kept).varLong(p.broken).varLong(p.missing);
            p.durations.write(out);
            p.byTouchpoint.write(out);
            p.byLocation.write(out);
        }
        for (RuleStats r : rules) {
            out.varLong(r.kept).varLong(r.broken).varLong(r.unchecked);
            r.byTouchpoint.write(out);
            writeEnumCounts(out, r.brokenByChannel);
        }
        writeEnumCounts(out, recovery);
        writeStringCounts(out, unknown);
        out.varLong(failures).varLong(journeysWithFailure);
        out.varLong(cells.values().stream().mapToInt(Map::size).sum());
        cells.forEach((factor, byTouchpoint) -> byTouchpoint.forEach((touchpoint, c) ->
                out.u8(factor.ordinal()).string(touchpoint).varLong(c[0]).varLong(c[1])));
        writeStringCounts(out, byType);
        writeEnumCounts(out, bySource);
        writeEnumCounts(out, byRecovery);
    }

    /** Reads what {@link #write} wrote into an empty group of the same definition. */
    void read(ByteForm.Reader in) {
        journeys = in.varLong();
        completed = in.varLong();
        events = in.varLong();
        duplicates = in.varLong();
        reachedNoStage = in.varLong();
        for (long[] column : new long[][] {reached, inOrder, eventual, stageCompleted, stopped}) {
            for (int i = 0; i < column.length; i++) {
                column[i] = in.varLong();
            }
        }
        for (DurationAccumulator step : steps) {
            step.read(in);
        }
        for (PromiseStats p : promises) {
            p.kept = in.varLong();
            p.broken = in.varLong();
            p.missing = in.varLong();
            p.durations.read(in);
            p.byTouchpoint.read(in);
            p.byLocation.read(in);
        }
        for (RuleStats r : rules) {
            r.kept = in.varLong();
            r.broken = in.varLong();
            r.unchecked = in.varLong();
            r.byTouchpoint.read(in);
            readEnumCounts(in, r.brokenByChannel, "channels");
        }
        readEnumCounts(in, recovery, "recovery classes");
        readStringCounts(in, unknown);
        failures = in.varLong();
        journeysWithFailure = in.varLong();
        int cellCount = in.count("failure cells", 4);
        SatisfactionFactor[] factors = SatisfactionFactor.values();
        for (int i = 0; i < cellCount; i++) {
            int factor = in.u8();
            if (factor >= factors.length) {
                throw in.error("satisfaction factor " + factor + " is not one of the " + factors.length);
            }
            String touchpoint = in.string();
            long[] cell = cells.computeIfAbsent(factors[factor], k -> new HashMap<>()).computeIfAbsent(touchpoint,
                    k -> new long[2]);
            cell[0] += in.varLong();
            cell[1] += in.varLong();
        }
        readStringCounts(in, byType);
        readEnumCounts(in, bySource, "failure sources");
        readEnumCounts(in, byRecovery, "failure recoveries");
    }

    /** The length (so that a new enum constant is caught, not misread), then the counts. */
    private static void writeEnumCounts(ByteForm.Writer out, long[] counts) {
        out.varLong(counts.length);
        for (long c : counts) {
            out.varLong(c);
        }
    }

    private static void readEnumCounts(ByteForm.Reader in, long[] counts, String what) {
        long n = in.varLong();
        if (n != counts.length) {
            throw in.error(n + " " + what + ", this library has " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.varLong();
        }
    }

    private static void writeStringCounts(ByteForm.Writer out, Map<String, Long> counts) {
        out.varLong(counts.size());
        counts.forEach((name, n) -> out.string(name).varLong(n));
    }

    private static void readStringCounts(ByteForm.Reader in, Map<String, Long> counts) {
        int n = in.count("names", 2);
        for (int i = 0; i < n; i++) {
            counts.merge(in.string(), in.varLong(), Long::sum);
        }
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    JourneySummary snapshot() {
        List<FunnelStage> funnel = new ArrayList<>();
        long previousInOrder = journeys;
        long previousEventual = journeys;
        for (int i = 0; i < reached.length; i++) {
            funnel.add(new FunnelStage(definition.stages().get(i), reached[i], inOrder[i], eventual[i],
                    stageCompleted[i], stopped[i], previousInOrder - inOrder[i], previousEventual - eventual[i]));
            previousInOrder = inOrder[i];
            previousEventual = eventual[i];
        }
        List<StepSummary> stepSummaries = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            stepSummaries.add(new StepSummary(expected.get(i).id(), expected.get(i + 1).id(), steps[i].snapshot()));
        }
        List<PromiseSummary> promiseSummaries = new ArrayList<>();
        for (int i = 0; i < promises.length; i++) {
            PromiseStats p = promises[i];
            promiseSummaries.add(new PromiseSummary(definition.promises().get(i), p.kept, p.broken, p.missing,
                    p.durations.snapshot(), p.byTouchpoint.worstFirst(), p.byLocation.worstFirst()));
        }
        List<ContactRuleSummary> ruleSummaries = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            RuleStats r = rules[i];
            Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
            for (Channel c : Channel.values()) {
                if (r.brokenByChannel[c.ordinal()] > 0) {
                    byChannel.put(c, r.brokenByChannel[c.ordinal()]);
                }
            }
            ruleSummaries.add(new ContactRuleSummary(definition.contactRules().get(i), r.kept, r.broken, r.unchecked,
                    r.byTouchpoint.worstFirst(), byChannel));
        }
        List<FailureCell> cellList = new ArrayList<>();
        cells.forEach((factor, byTouchpoint) -> new TreeMap<>(byTouchpoint).forEach((touchpoint, c) ->
                cellList.add(new FailureCell(factor, touchpoint, c[0], c[1]))));
        FailureSummary failureSummary = new FailureSummary(failures, journeysWithFailure, cellList, byType,
                counts(ServiceFailure.Source.class, bySource), counts(ServiceFailure.Recovery.class, byRecovery));
        Map<JourneyOutcome.RecoveryClass, Long> recoveryClasses = new EnumMap<>(JourneyOutcome.RecoveryClass.class);
        for (JourneyOutcome.RecoveryClass c : JourneyOutcome.RecoveryClass.values()) {
            recoveryClasses.put(c, recovery[c.ordinal()]);
        }
        return new JourneySummary(journeys, completed, events, duplicates, funnel, reachedNoStage, stepSummaries,
                promiseSummaries, ruleSummaries, failureSummary, recoveryClasses, unknown);
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, long[] counts) {
        Map<E, Long> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            if (counts[e.ordinal()] > 0) {
                out.put(e, counts[e.ordinal()]);
            }
        }
        return out;
    }
}
