package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.GroupedRegression;
import dev.cxkit.core.survey.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effect of each kind of failure on the score of the journeys it hit, <em>adjusted for the
 * other failures</em>: a linear model of each response's score contribution (NPS: +100 for a
 * promoter, −100 for a detractor, 0 otherwise; CSAT: 100 for a top-2-box rating; CES: the rating)
 * on one indicator per failure kind and one intercept per journey definition, with HC3 robust
 * standard errors ({@link GroupedRegression}). A failure's coefficient is the difference in points
 * between journeys with it and journeys without it <em>with the other failures held equal</em>: a
 * failure that merely co-occurs with a harmful one no longer takes its cost. It is an association,
 * not a cause.
 *
 * <p><b>Small samples.</b> A failure's standard error rests mostly on the few responses of the
 * journeys it hit, so its t interval and p-value use n − 1 degrees of freedom (n: those
 * responses) instead of the model's residual ones: a simple, conservative stand-in for the
 * Bell–McCaffrey degrees of freedom that Imbens and Kolesár (2016, "Robust standard errors in
 * small samples: some practical advice", Review of Economics and Statistics 98(4)) recommend for
 * robust errors when a regressor is concentrated on few observations. On pure noise (1,500
 * journeys, 12 failure kinds of about 40 journeys each; {@code NullFailureImpactTest}, seeds
 * 7000–7149) the residual degrees of freedom gave 12.0 % of reports a Holm-adjusted false alarm,
 * n − 1 gives 8.0 % (5.3 % over 3,000 reports, seeds 7000–9999: within sampling error of 5 %).
 *
 * <p>Journeys with the same definition and the same set of failure kinds share their regressors,
 * so memory holds one count per (definition, failure set, metric), not the responses: the groups
 * are mergeable counts. Responses are counted unweighted.
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class FailureEffectAccumulator {

    /** A failure kind within one definition: the model's regressor. */
    private record Regressor(int definition, FailureKind kind) {
    }

    /** Journeys of one definition with one set of failure kinds. */
    private record Pattern(int definition, Set<String> kinds) {
    }

    private final List<String> definitions;
    private final Map<Metric, Map<Pattern, double[]>> groups = new LinkedHashMap<>();

    /**
     * Creates an empty accumulator.
     *
     * @param definitions the names of the journey definitions, in the order their indexes refer to
     */
    public FailureEffectAccumulator(List<String> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    /**
     * Records the responses about one journey.
     *
     * @param definition the index of the journey's definition
     * @param outcome the journey's outcome, for its failures
     * @param responses the responses joined to it
     */
    public void record(int definition, JourneyOutcome outcome, Collection<Response> responses) {
        if (responses.isEmpty()) {
            return;
        }
        Set<String> kinds = new TreeSet<>();
        for (ServiceFailure f : outcome.failures()) {
            kinds.add(f.type() + "\u0000" + f.touchpoint());
        }
        Pattern pattern = new Pattern(definition, kinds);
        for (Response r : responses) {
            double y = r.metric().contribution(r.score());
            double[] sums = groups.computeIfAbsent(r.metric(), m -> new HashMap<>())
                    .computeIfAbsent(pattern, p -> new double[3]);
            sums[0] += 1;
            sums[1] += y;
            sums[2] += y * y;
        }
    }

    /**
     * Adds another accumulator's sums to this one; {@code other} is not changed.
     *
     * @param other an accumulator of the same definitions
     * @throws IllegalArgumentException if the definitions differ
     * @since 0.1.0
     */
    public void merge(FailureEffectAccumulator other) {
        if (!other.definitions.equals(definitions)) {
            throw new IllegalArgumentException("cannot merge failure effects of " + other.definitions + " into "
                    + definitions);
        }
        other.groups.forEach((metric, patterns) -> patterns.forEach((pattern, sums) -> {
            double[] into = groups.computeIfAbsent(metric, m -> new HashMap<>()).computeIfAbsent(pattern,
                    p -> new double[3]);
            for (int i = 0; i < 3; i++) {
                into[i] += sums[i];
            }
        }));
    }

    /**
     * Returns the byte form ({@code docs/format.md}, kind 8): the definitions' names, then per
     * metric each pattern of failures (definition, failure kinds) with its response count, sum and
     * sum of squares.
     *
     * @return the bytes, which {@link #fromBytes(byte[])} reads back
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.FAILURE_EFFECTS, 256);
        out.strings(definitions);
        out.varLong(groups.size());
        groups.forEach((metric, patterns) -> {
            out.metric(metric);
            out.varLong(patterns.size());
            patterns.forEach((pattern, sums) -> {
                out.varLong(pattern.definition()).strings(new ArrayList<>(pattern.kinds()));
                out.f64(sums[0]).f64(sums[1]).f64(sums[2]);
            });
        });
        return out.finish();
    }

    /**
     * Reads an accumulator from its byte form.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @return an accumulator that merges and fits as the one written
     * @throws ByteFormatException if the bytes are not valid failure effects
     * @since 0.1.0
     */
    public static FailureEffectAccumulator fromBytes(byte[] bytes) {
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.FAILURE_EFFECTS);
        List<String> names = in.strings("definitions");
        FailureEffectAccumulator acc = new FailureEffectAccumulator(names);
        int metrics = in.count("metrics", 6);
        for (int m = 0; m < metrics; m++) {
            Metric metric = in.metric();
            Map<Pattern, double[]> patterns = new HashMap<>();
            if (acc.groups.put(metric, patterns) != null) {
                throw in.error("the metric " + metric + " appears twice");
            }
            int n = in.count("failure patterns", 26);
            for (int p = 0; p < n; p++) {
                long definition = in.varLong();
                if (definition >= names.size()) {
                    throw in.error("definition " + definition + " of " + names.size());
                }
                Set<String> set = new TreeSet<>(in.strings("failure kinds"));
                double[] sums = {in.f64(), in.f64(), in.f64()};
                if (!(sums[0] >= 0) || !Double.isFinite(sums[1]) || !(sums[2] >= 0)) {
                    throw in.error("sums " + java.util.Arrays.toString(sums) + " no responses could give");
                }
                if (patterns.put(new Pattern((int) definition, set), sums) != null) {
                    throw in.error("a failure pattern appears twice");
                }
            }
        }
        in.end();
        return acc;
    }

    /**
     * Fits the model of one metric.
     *
     * @param metric the metric
     * @param confidence the confidence level of the coefficients' intervals
     * @param minResponses a failure kind with fewer responses is left out of the model (its
     *     effect cannot be estimated) and gets no adjusted effect
     * @return each failure kind's adjusted effect, by definition name and kind; empty when the
     *     metric has no responses or the model cannot be fitted
     */
    public Map<String, Map<FailureKind, Comparison>> effects(Metric metric, double confidence, double minResponses) {
        Map<Pattern, double[]> data = groups.getOrDefault(metric, Map.of());
        Map<Regressor, Double> counts = new HashMap<>();
        for (Map.Entry<Pattern, double[]> e : data.entrySet()) {
            for (String kind : e.getKey().kinds()) {
                counts.merge(regressor(e.getKey().definition(), kind), e.getValue()[0], Double::sum);
            }
        }
        List<Regressor> candidates = new ArrayList<>();
        counts.forEach((r, n) -> {
            if (n >= minResponses) {
                candidates.add(r);
            }
        });
        candidates.sort(Comparator.comparing((Regressor r) -> -counts.get(r))
                .thenComparing(r -> r.definition()).thenComparing(r -> r.kind().type())
                .thenComparing(r -> r.kind().touchpoint()));
        // a kind in every journey of its definition is its intercept; two kinds always together are one
        Map<Integer, Set<Pattern>> byDefinition = new HashMap<>();
        data.keySet().forEach(pt -> byDefinition.computeIfAbsent(pt.definition(), d -> new HashSet<>()).add(pt));
        Set<Set<Pattern>> seen = new HashSet<>();
        candidates.removeIf(r -> {
            Set<Pattern> incidence = new HashSet<>();
            for (Pattern pt : byDefinition.getOrDefault(r.definition(), Set.of())) {
                if (pt.kinds().contains(r.kind().type() + "\u0000" + r.kind().touchpoint())) {
                    incidence.add(pt);
                }
            }
            return incidence.equals(byDefinition.get(r.definition())) || !seen.add(incidence);
        });
        // collinear kinds (always together, or in every journey of a definition): drop the rarest until it fits
        while (true) {
            try {
                return fit(metric, data, candidates, counts, confidence);
            } catch (IllegalArgumentException e) {
                if (candidates.isEmpty()) {
                    return Map.of();
                }
                candidates.remove(candidates.size() - 1);
            }
        }
    }

    private Map<String, Map<FailureKind, Comparison>> fit(Metric metric, Map<Pattern, double[]> data,
            List<Regressor> regressors, Map<Regressor, Double> counts, double confidence) {
        List<Integer> usedDefinitions = data.keySet().stream().map(Pattern::definition).distinct().sorted().toList();
        int k = usedDefinitions.size() + regressors.size();
        List<GroupedRegression.Group> rows = new ArrayList<>();
        for (Map.Entry<Pattern, double[]> e : data.entrySet()) {
            double[] x = new double[k];
            x[usedDefinitions.indexOf(e.getKey().definition())] = 1;
            for (int i = 0; i < regressors.size(); i++) {
                Regressor r = regressors.get(i);
                if (r.definition() == e.getKey().definition()
                        && e.getKey().kinds().contains(r.kind().type() + "\u0000" + r.kind().touchpoint())) {
                    x[usedDefinitions.size() + i] = 1;
                }
            }
            double[] sums = e.getValue();
            rows.add(new GroupedRegression.Group(x, (long) sums[0], sums[1], sums[2]));
        }
        if (rows.isEmpty()) {
            return Map.of();
        }
        GroupedRegression.Fit fit = GroupedRegression.fit(rows);
        Map<String, Map<FailureKind, Comparison>> out = new LinkedHashMap<>();
        for (int i = 0; i < regressors.size(); i++) {
            Regressor r = regressors.get(i);
            out.computeIfAbsent(definitions.get(r.definition()), d -> new LinkedHashMap<>())
                    .put(r.kind(), fit.coefficient(usedDefinitions.size() + i, confidence, counts.get(r) - 1));
        }
        return out;
    }

    private static Regressor regressor(int definition, String kind) {
        int cut = kind.indexOf('\u0000');
        return new Regressor(definition, new FailureKind(kind.substring(0, cut), kind.substring(cut + 1)));
    }

    /**
     * Returns one failure kind's adjusted effect.
     *
     * @param effects what {@link #effects} returned
     * @param definition the definition's name
     * @param kind the failure kind
     * @return the effect, or empty when it was not estimated
     */
    public static Optional<Comparison> effect(Map<String, Map<FailureKind, Comparison>> effects, String definition,
            FailureKind kind) {
        return Optional.ofNullable(effects.getOrDefault(definition, Map.of()).get(kind));
    }
}
