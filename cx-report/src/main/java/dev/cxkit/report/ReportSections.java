package dev.cxkit.report;

import dev.cxkit.core.journey.EventRef;
import dev.cxkit.core.journey.Promise;
import dev.cxkit.core.journey.analytics.DurationSummary;
import dev.cxkit.core.journey.analytics.FailureEffectAccumulator;
import dev.cxkit.core.journey.analytics.FailureKind;
import dev.cxkit.core.journey.analytics.FunnelStage;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyScoreReport;
import dev.cxkit.core.journey.analytics.JourneySummary;
import dev.cxkit.core.journey.analytics.PromiseSummary;
import dev.cxkit.core.journey.analytics.RecoveryEffect;
import dev.cxkit.core.journey.loop.ClosedLoopAccumulator;
import dev.cxkit.core.journey.loop.ClosedLoopReport;
import dev.cxkit.core.journey.loop.ConsistencyReport;
import dev.cxkit.core.journey.loop.ControlChart;
import dev.cxkit.core.journey.loop.DetractorFollowUp;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Distributions;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import dev.cxkit.core.survey.Grouping;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseScorer;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop.Recognition;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency.Alternation;
import dev.cxkit.report.section.Consistency.Finding;
import dev.cxkit.report.section.Consistency.PeriodShare;
import dev.cxkit.report.section.Consistency.Swing;
import dev.cxkit.report.section.Consistency;
import dev.cxkit.report.section.FailureImpactRanking.ImpactRow;
import dev.cxkit.report.section.FailureImpactRanking;
import dev.cxkit.report.section.Headline.Change;
import dev.cxkit.report.section.Headline.HeadlineScore;
import dev.cxkit.report.section.Headline;
import dev.cxkit.report.section.Journeys.FunnelStep;
import dev.cxkit.report.section.Journeys.LimitKind;
import dev.cxkit.report.section.Journeys.Percentiles;
import dev.cxkit.report.section.Journeys.PromiseResult;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.RecoveryEffectiveness;
import dev.cxkit.report.section.RecoveryPlans.IncidentPlan;
import dev.cxkit.report.section.RecoveryPlans;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.GroupScores;
import dev.cxkit.report.section.Scores.Trend;
import dev.cxkit.report.section.Scores;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns what {@code cx report} computed into the sections of a
 * {@link HealthReport}: the scores of {@code cx score} per period, touchpoint
 * and stage; the journey analytics of {@code cx journeys} ({@link JourneyAnalysis}); the plans of
 * {@code cx recover}. Nothing here reads input or a clock. Stateless, except
 * {@link Responses}.
 */
final class ReportSections {

    /** The unit name of a consistency finding for responses without a value in the unit's field. */
    static final String NO_UNIT = "(none)";

    private ReportSections() {
    }

    /**
     * What the report keeps of the responses as they are read: ratings per period, touchpoint and
     * stage (as {@code cx score --by touchpoint}, {@code --by stage} and {@code --period} would
     * group them), the dates of the periods, and the comments of NPS detractors for the call-back
     * list. Memory grows with periods, touchpoints, stages and detractors' comments, not with all
     * responses. Not thread-safe.
     */
    static final class Responses implements Consumer<Response> {

        private final Period period;
        private final ZoneId zone;
        private static final int SEEN_DAYS = 1024;
        private final ResponseScorer byPeriod;
        /** Per grouping column (the --by columns, then stage): the ratings by value and period. */
        private final Map<String, ResponseScorer> byColumn = new LinkedHashMap<>();
        /** The first day of each period seen, by label. */
        private final Map<String, LocalDate> periodStarts = new HashMap<>();
        /** The days whose period start is noted, plus one (0: none), direct-mapped by day. */
        private final long[] seenDays = new long[SEEN_DAYS];
        private final Map<String, String> detractorComments = new HashMap<>();
        private long count;

        /**
         * Creates an empty record of responses.
         *
         * @param period the period of the headline and the trend
         * @param zone the time zone that decides a timestamp's day
         */
        Responses(Period period, ZoneId zone, List<String> columns) {
            this.period = period;
            this.zone = zone;
            this.byPeriod = ResponseScorer.create(Grouping.by(List.of(), period, zone));
            List<String> all = new ArrayList<>(columns);
            if (!all.contains("stage")) {
                all.add("stage");
            }
            for (String column : all) {
                byColumn.put(column, ResponseScorer.create(Grouping.by(List.of(column), period, zone)));
            }
        }

        @Override
        public void accept(Response r) {
            count++;
            byPeriod.record(r);
            for (ResponseScorer scorer : byColumn.values()) {
                scorer.record(r);
            }
            LocalDate date = r.localDate(zone);
            if (date != null) {
                // a period's start is noted once per distinct day, not formatted per response
                long day = date.toEpochDay();
                int slot = (int) (day & (SEEN_DAYS - 1));
                if (seenDays[slot] != day + 1) {
                    seenDays[slot] = day + 1;
                    periodStarts.putIfAbsent(period.label(date), period.start(date));
                }
            }
            String comment = r.field(ClosedLoopAccumulator.COMMENT);
            if (comment != null && r.responseId() != null && r.metric().kind() == Metric.Kind.NPS
                    && r.score() <= r.metric().negativeUpTo()) {
                detractorComments.put(r.responseId(), comment);
            }
        }

        /** Returns how many responses were recorded. */
        long count() {
            return count;
        }

        /** Writes everything recorded, for {@link #merge(DataInput)} in another JVM ({@link ReportPartial}). */
        void write(DataOutput out) throws IOException {
            out.writeLong(count);
            ReportPartial.writeBytes(out, byPeriod.toBytes());
            out.writeInt(byColumn.size());
            for (Map.Entry<String, ResponseScorer> e : byColumn.entrySet()) {
                ReportPartial.writeText(out, e.getKey());
                ReportPartial.writeBytes(out, e.getValue().toBytes());
            }
            out.writeInt(periodStarts.size());
            for (Map.Entry<String, LocalDate> e : periodStarts.entrySet()) {
                ReportPartial.writeText(out, e.getKey());
                out.writeLong(e.getValue().toEpochDay());
            }
            out.writeInt(detractorComments.size());
            for (Map.Entry<String, String> e : detractorComments.entrySet()) {
                ReportPartial.writeText(out, e.getKey());
                ReportPartial.writeText(out, e.getValue());
            }
        }

        /** Adds what {@link #write} wrote, from responses of the same period, zone and columns. */
        void merge(DataInput in) throws IOException {
            count += in.readLong();
            byPeriod.merge(ReportPartial.readBytes(in));
            int columns = in.readInt();
            for (int i = 0; i < columns; i++) {
                String column = ReportPartial.readText(in);
                ResponseScorer scorer = byColumn.get(column);
                if (scorer == null) {
                    throw new IllegalArgumentException("the partial scores by " + column + ", this report by "
                            + byColumn.keySet());
                }
                scorer.merge(ReportPartial.readBytes(in));
            }
            int starts = ReportPartial.count(in);
            for (int i = 0; i < starts; i++) {
                periodStarts.putIfAbsent(ReportPartial.readText(in), LocalDate.ofEpochDay(in.readLong()));
            }
            int comments = ReportPartial.count(in);
            for (int i = 0; i < comments; i++) {
                detractorComments.put(ReportPartial.readText(in), ReportPartial.readText(in));
            }
        }
    }

    // ---- 1. headline ------------------------------------------------------------------------------

    /**
     * Section 1: for each metric, the latest complete period (one that ended by {@code asOf}) with
     * responses against the period before it; the latest period if none is complete yet; all
     * responses together when none has a date.
     *
     * @param responses the responses
     * @param asOf the time the report is made as of
     * @param options intervals, confidence and the low-sample threshold
     * @return the headline, absent when there are no responses
     */
    static Section<Headline> headline(Responses responses, Instant asOf, ScoreOptions options) {
        List<HeadlineScore> scores = new ArrayList<>();
        for (Metric metric : responses.byPeriod.metrics()) {
            TreeMap<String, RatingDistribution> periods = new TreeMap<>();
            RatingDistribution all = RatingDistribution.empty(metric);
            for (Map.Entry<GroupKey, RatingDistribution> e : responses.byPeriod.snapshot(metric).entrySet()) {
                all = all.plus(e.getValue());
                String label = e.getKey().values().get(0);
                if (label != null) {
                    periods.put(label, e.getValue());
                }
            }
            if (periods.isEmpty()) {
                scores.add(new HeadlineScore("all responses", Score.of(all, options), Optional.empty()));
                continue;
            }
            String[] latest = latestPeriods(responses, periods.keySet(), asOf);
            String current = latest[0];
            String shown = latest[2];
            RatingDistribution now = periods.get(current);
            String previous = latest[1];
            Optional<Change> change = Optional.ofNullable(periods.get(previous)).map(before -> new Change(previous,
                    Score.of(before, options), ScoreComparison.of(now, before, options).verdict()));
            scores.add(new HeadlineScore(shown, Score.of(now, options), change));
        }
        return scores.isEmpty() ? Section.absent("No responses were read, so there are no scores.")
                : Section.of(new Headline(scores));
    }

    /**
     * The latest complete period (one that ended by {@code asOf}) among {@code labels}, or the
     * latest one when none is complete; the period before it; and how the first is shown
     * ({@code 2026-03}, or {@code 2026-04 so far}).
     */
    private static String[] latestPeriods(Responses responses, java.util.Set<String> labels, Instant asOf) {
        String current = null;
        for (String label : new java.util.TreeSet<>(labels)) {
            LocalDate end = responses.period.next(responses.periodStarts.get(label));
            if (!end.atStartOfDay(responses.zone).toInstant().isAfter(asOf)) {
                current = label;
            }
        }
        String shown = current;
        if (current == null) {
            current = new java.util.TreeSet<>(labels).last();
            shown = current + " so far";
        }
        String previous = responses.period.label(responses.periodStarts.get(current).minusDays(1));
        return new String[] {current, previous, shown};
    }

    // ---- 2. scores by group, trend ------------------------------------------------------------------

    /**
     * Section 2: every metric by the values of each grouping column over all responses (responses
     * without a value are left out of that column's table), each group against the rest and its
     * latest period against the previous one (see {@link GroupScores}), and every metric per period.
     *
     * @param responses the responses
     * @param asOf the time the report is made as of (decides the latest period)
     * @param options intervals, confidence, the low-sample threshold and alpha
     * @param adjustment the multiplicity adjustment of each table's two families
     * @return the scores, absent when there are no responses
     */
    static Section<Scores> scores(Responses responses, Instant asOf, ScoreOptions options, Adjustment adjustment) {
        if (responses.count() == 0) {
            return Section.absent("No responses were read, so there are no scores by group.");
        }
        List<Trend> trends = new ArrayList<>();
        for (Metric metric : responses.byPeriod.metrics()) {
            List<PeriodScore> points = new ArrayList<>();
            new TreeMap<>(named(responses.byPeriod, metric)).forEach((label, ratings) ->
                    points.add(new PeriodScore(label, Score.of(ratings, options))));
            if (!points.isEmpty()) {
                trends.add(new Trend(metric, points));
            }
        }
        List<GroupScores> groups = new ArrayList<>();
        responses.byColumn.forEach((column, scorer) -> {
            for (Metric metric : sortedMetrics(scorer.metrics())) {
                GroupScores table = groupScores(responses, column, scorer, metric, asOf, options, adjustment);
                if (table != null) {
                    groups.add(table);
                }
            }
        });
        return Section.of(new Scores(groups, trends));
    }

    private static List<Metric> sortedMetrics(java.util.Collection<Metric> metrics) {
        List<Metric> sorted = new ArrayList<>(metrics);
        sorted.sort(java.util.Comparator.comparing(Metric::kind));
        return sorted;
    }

    /** One column's table for one metric, or null when no response has a value in the column. */
    private static GroupScores groupScores(Responses responses, String column, ResponseScorer scorer, Metric metric,
            Instant asOf, ScoreOptions options, Adjustment adjustment) {
        Map<String, TreeMap<String, RatingDistribution>> byGroup = new TreeMap<>();
        Map<String, RatingDistribution> totals = new TreeMap<>();
        java.util.Set<String> labels = new java.util.TreeSet<>();
        for (Map.Entry<GroupKey, RatingDistribution> e : scorer.snapshot(metric).entrySet()) {
            String name = e.getKey().values().get(0);
            if (name == null || name.isBlank()) {
                continue;
            }
            String label = e.getKey().values().get(1);
            totals.merge(name, e.getValue(), RatingDistribution::plus);
            if (label != null) {
                byGroup.computeIfAbsent(name, k -> new TreeMap<>()).put(label, e.getValue());
                labels.add(label);
            }
        }
        if (totals.isEmpty()) {
            return null;
        }
        String current = null;
        String previous = null;
        if (!labels.isEmpty()) {
            String[] latest = latestPeriods(responses, labels, asOf);
            current = latest[0];
            previous = latest[1];
        }
        return GroupScores.compute(column, metric, totals, byGroup, current, previous, options, adjustment);
    }

    /** The ratings of a one-field grouping by the field's value, leaving out the group without one. */
    private static Map<String, RatingDistribution> named(ResponseScorer scorer, Metric metric) {
        Map<String, RatingDistribution> out = new LinkedHashMap<>();
        scorer.snapshot(metric).forEach((key, ratings) -> {
            String name = key.values().get(0);
            if (name != null && !name.isBlank()) {
                out.put(name, ratings);
            }
        });
        return out;
    }

    // ---- 3. journeys ------------------------------------------------------------------------------

    /**
     * Section 3: the funnel and promises of each definition.
     *
     * @param analysis the journey analytics
     * @param confidence the confidence level of the breach-rate intervals
     * @return one entry per definition
     */
    static Section<List<Journeys>> journeys(JourneyAnalysis analysis, double confidence) {
        List<Journeys> out = new ArrayList<>();
        for (int d = 0; d < analysis.definitions().size(); d++) {
            JourneySummary s = analysis.summaries().get(d);
            List<FunnelStep> funnel = new ArrayList<>();
            for (FunnelStage f : s.funnel()) {
                funnel.add(new FunnelStep(f.stage(), f.inOrder(), f.reached(), f.completed(), f.strictFallout()));
            }
            List<PromiseResult> promises = new ArrayList<>();
            for (PromiseSummary p : s.promises()) {
                Promise promise = p.promise();
                DurationSummary times = p.durations();
                Optional<Percentiles> percentiles = times.isEmpty() ? Optional.empty()
                        : Optional.of(new Percentiles(times.percentile(50).orElseThrow(),
                                times.percentile(90).orElseThrow(), times.percentile(99).orElseThrow()));
                promises.add(new PromiseResult(promise.id(), name(promise.from()), name(promise.to()),
                        promise.direction() == Promise.Direction.AT_MOST ? LimitKind.AT_MOST : LimitKind.AT_LEAST,
                        promise.limit(), promise.factor(), percentiles, p.checks(), p.breaches(),
                        p.breachInterval(confidence)));
            }
            out.add(new Journeys(analysis.definitions().get(d).name(), s.journeys(), funnel, promises));
        }
        return Section.of(out);
    }

    private static String name(EventRef ref) {
        return ref.kind() == EventRef.Kind.TOUCHPOINT ? ref.touchpoint()
                : ref.kind() == EventRef.Kind.FAILURE ? "failure" : "recovery";
    }

    // ---- 4 and 5: failure impact and recovery effectiveness ------------------------------------------

    /**
     * Section 4: the failure-impact rows of every definition in {@code metric}, in the order
     * {@link FailureImpactRanking} describes: by the held-equal difference, the most harmful first,
     * then the rows without one by excess detractors. "Without" is the journeys of the same
     * definition without the failure.
     *
     * @param analysis the journey analytics
     * @param metric the metric, from {@link JourneyAnalysis#journeyMetric}
     * @param adjustment how the p-values of each family (the marginal and the held-equal
     *     differences) are adjusted
     * @param alpha the error rate of each family
     * @return the ranking
     */
    static FailureImpactRanking failureImpact(JourneyAnalysis analysis, Metric metric, Adjustment adjustment,
            double alpha) {
        record Ranked(double excess, double share, ImpactRow row) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int d = 0; d < analysis.definitions().size(); d++) {
            Map<FailureKind, Long> journeys = analysis.failureJourneys().get(d);
            for (dev.cxkit.core.journey.analytics.FailureImpact f
                    : analysis.scores().get(d).failureImpact().getOrDefault(metric, List.of())) {
                FailureKind kind = new FailureKind(f.type(), f.touchpoint());
                ranked.add(new Ranked(f.excessNegative(), f.negativeShare(), new ImpactRow(f.type(), f.touchpoint(),
                        f.factor(), journeys.getOrDefault(kind, 0L), f.with(), f.without(), f.difference(),
                        f.negativeShare(), FailureEffectAccumulator.effect(analysis.failureEffects()
                                .getOrDefault(metric, Map.of()), analysis.definitions().get(d).name(), kind))));
            }
        }
        // the order among rows without a held-equal difference (the ranking keeps ties' order)
        ranked.sort(Comparator.comparingDouble(Ranked::excess).reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::share).reversed()));
        return FailureImpactRanking.of(metric, ranked.stream().map(Ranked::row).toList(), adjustment, alpha);
    }

    /**
     * Section 5: the scores of journeys without a failure, recovered and not recovered, over every
     * definition: each class's ratings added up, then scored and compared as {@code cx journeys}
     * does for one definition.
     *
     * @param analysis the journey analytics
     * @param metric the metric, from {@link JourneyAnalysis#journeyMetric}
     * @param options intervals, confidence and the low-sample threshold
     * @return the recovery effectiveness
     */
    static RecoveryEffectiveness recoveryEffectiveness(JourneyAnalysis analysis, Metric metric, ScoreOptions options) {
        RatingDistribution none = RatingDistribution.empty(metric);
        RatingDistribution recovered = none;
        RatingDistribution notRecovered = none;
        for (JourneyScoreReport report : analysis.scores()) {
            RecoveryEffect e = report.recovery().get(metric);
            if (e != null) {
                none = none.plus(e.noFailure().ratings());
                recovered = recovered.plus(e.recovered().ratings());
                notRecovered = notRecovered.plus(e.notRecovered().ratings());
            }
        }
        return new RecoveryEffectiveness(metric, Score.of(none, options), Score.of(recovered, options),
                Score.of(notRecovered, options), ScoreComparison.of(recovered, notRecovered, options).verdict(),
                ScoreComparison.of(recovered, none, options).verdict());
    }

    // ---- 5. recovery plans --------------------------------------------------------------------------

    /**
     * Section 5: the plans for the open incidents, each with its incident described in a line.
     *
     * @param policy the policy's name
     * @param plans the plans decided
     * @param incidents the incidents by id
     * @param sources where each incident came from, by id
     * @return the plans
     */
    static RecoveryPlans recoveryPlans(String policy, List<RecoveryPlan> plans, Map<String, Incident> incidents,
            Map<String, String> sources) {
        List<IncidentPlan> out = new ArrayList<>();
        for (RecoveryPlan plan : plans) {
            Incident incident = incidents.get(plan.incidentId());
            out.add(new IncidentPlan(incident == null ? "" : incident.summary(),
                    sources.getOrDefault(plan.incidentId(), ""), plan));
        }
        return new RecoveryPlans(policy, out);
    }

    // ---- 6. consistency and closed loop ---------------------------------------------------------------

    /**
     * Section 6: each flagged chart's periods outside the control limits, and its alternating runs.
     * A period inside an alternating run of the same chart is not listed again as a swing: the
     * pattern says more than its parts.
     *
     * @param reports one report per unit dimension
     * @return the findings, in the reports' order
     */
    static Consistency consistency(List<ConsistencyReport> reports) {
        List<Finding> findings = new ArrayList<>();
        for (ConsistencyReport report : reports) {
            double confidence = 2 * Distributions.normalCdf(report.rules().sigmas()) - 1;
            for (ControlChart chart : report.flagged()) {
                String where = (chart.unit() == null ? NO_UNIT : chart.unit()) + " (" + report.dimension() + ")";
                List<ControlChart.Point> points = chart.points();
                boolean[] inRun = new boolean[points.size()];
                for (ControlChart.AlternatingRun run : chart.runs()) {
                    List<PeriodShare> shares = new ArrayList<>();
                    boolean within = false;
                    for (int i = 0; i < points.size(); i++) {
                        ControlChart.Point p = points.get(i);
                        within |= p.period().equals(run.from());
                        if (within) {
                            inRun[i] = true;
                            shares.add(new PeriodShare(p.period(), p.proportion()));
                        }
                        within &= !p.period().equals(run.to());
                    }
                    findings.add(new Alternation(where, chart.metric(), chart.share(), shares));
                }
                for (int i = 0; i < points.size(); i++) {
                    ControlChart.Point p = points.get(i);
                    if (p.signal() != ControlChart.Signal.WITHIN && !inRun[i]) {
                        findings.add(new Swing(where, chart.metric(), chart.share(), p.period(), p.proportion(),
                                new Interval(p.lower(), p.upper(), confidence, IntervalMethod.WALD)));
                    }
                }
            }
        }
        int points = reports.stream().mapToInt(ConsistencyReport::pointsJudged).sum();
        long charts = reports.stream().mapToLong(r -> r.charts().size()).sum();
        double budget = reports.stream().mapToDouble(r -> r.rules().familyAlpha()).sum();
        double minN = reports.isEmpty() ? 0 : reports.get(0).rules().minPointN();
        long overdispersed = reports.stream().flatMap(r -> r.charts().stream()).filter(ControlChart::overdispersed)
                .count();
        String family = points + " periods judged in " + charts + " charts (units × metrics × periods; CSAT and CES "
                + "chart one share, the other is its complement)"
                + (budget > 0 ? ", false alarms held to " + java.math.BigDecimal.valueOf(budget).round(
                        new java.math.MathContext(2)).stripTrailingZeros().toPlainString() + " per report (exact "
                        + "binomial tails, Bonferroni over the periods)" : ", each period at the fixed limits")
                + (minN > 0 ? "; periods under " + java.math.BigDecimal.valueOf(minN).stripTrailingZeros()
                        .toPlainString() + " responses are not judged" : "")
                + (overdispersed > 0 ? "; on " + overdispersed + (overdispersed == 1 ? " chart" : " charts")
                        + " whose periods differ more than binomial sampling would (Laney's σz > 1) the limits are "
                        + "widened by that factor (Laney p′)" : "");
        return new Consistency(findings, family);
    }

    /**
     * Section 6: the detractors still to call back, those whose follow-up is due at {@code asOf}
     * or later or overdue by less than the follow-up time (older ones are history, not a to-do
     * list), with their comment; and the staff promoters named, with how often and one quote.
     *
     * @param loop the closed loop of the journey analytics
     * @param responses the responses, for the detractors' comments
     * @param asOf the time the report is made as of
     * @return the closed loop
     */
    static ClosedLoop closedLoop(ClosedLoopReport loop, Responses responses, Instant asOf) {
        Duration sla = loop.rules().followUpWithin();
        Instant oldest = asOf.minus(sla);
        List<CallBack> callBacks = new ArrayList<>();
        for (DetractorFollowUp f : loop.followUps()) {
            if (!f.due().isBefore(oldest)) {
                callBacks.add(new CallBack(f.customerId() == null ? "journey " + f.journeyId() : f.customerId(),
                        f.touchpoint() == null ? NO_UNIT : f.touchpoint(), Metric.NPS, f.score(), f.due(),
                        f.responseId() == null ? "" : responses.detractorComments.getOrDefault(f.responseId(), "")));
            }
        }
        Map<String, Long> mentions = new LinkedHashMap<>();
        Map<String, String> quotes = new HashMap<>();
        for (dev.cxkit.core.journey.loop.StaffMention r : loop.recognitions()) {
            for (String staff : r.staff()) {
                mentions.merge(staff, 1L, Long::sum);
                quotes.putIfAbsent(staff, r.comment());
            }
        }
        List<Recognition> recognitions = new ArrayList<>();
        mentions.forEach((staff, n) -> recognitions.add(new Recognition(staff, n, quotes.get(staff))));
        return new ClosedLoop(callBacks, recognitions);
    }
}
