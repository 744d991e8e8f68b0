package dev.cxkit.report.format;

import dev.cxkit.core.journey.loop.ControlChart.Share;
import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import dev.cxkit.core.stats.ProportionStatistics;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Provenance.Input;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.Provenance;
import dev.cxkit.report.Section;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop.Recognition;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency.Alternation;
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
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Report models for the tests: a realistic restaurant-chain report built from real scores and
 * comparisons (the core's statistics, not made-up intervals), and variations of it.
 */
public final class ReportFixtures {

    public static final Instant GENERATED_AT = Instant.parse("2026-04-01T08:00:00Z");

    private ReportFixtures() {
    }

    // ---- scores from counts ------------------------------------------------------------------------

    /** An NPS distribution: detractors at 3 and 6, passives at 7 and 8, promoters at 9 and 10. */
    public static RatingDistribution nps(long detractors, long passives, long promoters) {
        return RatingDistribution.ofCounts(Metric.NPS, 0, 0, 0, detractors / 2, 0, 0, detractors - detractors / 2,
                passives / 2, passives - passives / 2, promoters / 2, promoters - promoters / 2);
    }

    /** A CSAT distribution on 1–5: unhappy at 1 and 2, neutral at 3, satisfied at 4 and 5. */
    public static RatingDistribution csat(long unhappy, long neutral, long satisfied) {
        return RatingDistribution.ofCounts(Metric.CSAT, unhappy / 2, unhappy - unhappy / 2, neutral, satisfied / 2,
                satisfied - satisfied / 2);
    }

    /** A CES distribution on 1–7. */
    public static RatingDistribution ces(long... counts) {
        return RatingDistribution.ofCounts(Metric.CES, counts);
    }

    public static Score score(RatingDistribution ratings) {
        return Score.of(ratings);
    }

    /** a − b. */
    public static Optional<Comparison> compare(RatingDistribution a, RatingDistribution b) {
        return ScoreComparison.of(a, b, ScoreOptions.defaults()).difference();
    }

    /** What a − b lets one say, at the default options. */
    public static ComparisonVerdict verdict(RatingDistribution a, RatingDistribution b) {
        return ScoreComparison.of(a, b, ScoreOptions.defaults()).verdict();
    }

    /** A ranking with its rows' p-values Holm-adjusted, as the report builder makes them. */
    public static FailureImpactRanking ranking(Metric metric, List<ImpactRow> rows) {
        return FailureImpactRanking.of(metric, rows, Adjustment.HOLM, 0.05);
    }

    // ---- the realistic report ---------------------------------------------------------------------------

    /** A month of a restaurant chain with every section present. */
    public static HealthReport realistic() {
        return new HealthReport("CX health report: Fork & Fire, March 2026", provenance(),
                Section.of(headline()), Section.of(scores()), Section.of(List.of(journeys())),
                Section.of(failureImpact()),
                Section.of(recoveryPlans()), Section.of(recoveryEffectiveness()), Section.of(consistency()),
                Section.of(closedLoop()));
    }

    /** The realistic report with no journey events, incidents or comments given. */
    public static HealthReport responsesOnly() {
        HealthReport r = realistic();
        return new HealthReport(r.title(), r.provenance(), r.headline(), r.scores(),
                Section.absent("No journey events were given (--events), so there is no funnel and no promise check."),
                Section.absent("No journey events were given (--events), so failures cannot be tied to scores."),
                Section.absent("No incidents were given (--incidents), so there are no recovery plans."),
                Section.absent("No journey events were given (--events), so recovery cannot be measured."),
                r.consistency(),
                Section.absent("The responses have no comments or customer ids, so there is no closed loop."));
    }

    /** Every section absent: what the page says when nothing could be read. */
    public static HealthReport nothing() {
        return new HealthReport("CX health report", new Provenance(GENERATED_AT, List.of()),
                Section.absent("No responses were given (--responses), so there are no scores."),
                Section.absent("No responses were given (--responses), so there are no scores by touchpoint."),
                Section.absent("No journey events were given (--events), so there is no funnel."),
                Section.absent("No journey events were given (--events), so failures cannot be tied to scores."),
                Section.absent("No incidents were given (--incidents), so there are no recovery plans."),
                Section.absent("No journey events were given (--events), so recovery cannot be measured."),
                Section.absent("No responses were given (--responses), so consistency cannot be checked."),
                Section.absent("No responses were given (--responses), so there is no closed loop."));
    }

    /** Markup in every name that comes from user data. */
    public static final String SCRIPT = "<script>alert(\"x\")</script>";
    public static final String QUOTES = "Tom & Jerry's \"Bar\" <b>";
    public static final String BREAKOUT = "</svg><img src=x onerror=alert(1)>";

    /** The realistic report with hostile names wherever the user's data names something. */
    public static HealthReport hostile() {
        Instant t = Instant.parse("2026-03-31T19:42:00Z");
        Map<String, RatingDistribution> hostileGroups = new LinkedHashMap<>();
        hostileGroups.put(SCRIPT, nps(30, 10, 20));
        hostileGroups.put(QUOTES, nps(3, 1, 2));
        hostileGroups.put(BREAKOUT, nps(5, 20, 40));
        Scores scores = new Scores(
                List.of(groups(QUOTES, Metric.NPS, hostileGroups),
                        groups("stage", Metric.NPS, Map.of(BREAKOUT, nps(5, 20, 40)))),
                List.of(new Trend(Metric.NPS, List.of(new PeriodScore(QUOTES, score(nps(10, 10, 20))),
                        new PeriodScore(SCRIPT, score(nps(5, 10, 25)))))));
        Journeys journeys = new Journeys(QUOTES, 100, List.of(new FunnelStep(SCRIPT, 90, 95, 80, 10)),
                List.of(promise("p-" + QUOTES, BREAKOUT, "served", LimitKind.AT_MOST, Duration.ofMinutes(20),
                        SatisfactionFactor.TIMELINESS, null, 10, 2)));
        FailureImpactRanking impact = ranking(Metric.NPS, List.of(impact(SCRIPT, BREAKOUT,
                SatisfactionFactor.PRODUCT, 40, nps(20, 10, 10), nps(10, 10, 30), 0.25)));
        RecoveryPlan plan = new RecoveryPlan(QUOTES, List.of(new StepPlan(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, t,
                BREAKOUT, "r")), List.of(new Offer(OfferKind.VOUCHER, Money.of("5.00", "EUR"), QUOTES, false, false,
                List.of(), "r")), List.of(new Escalation(Owner.MANAGER, t, SCRIPT, "r")), List.of(), false, List.of());
        Interval limits = new Interval(0.351, 0.61, 0.9973, IntervalMethod.WALD);
        List<PeriodShare> run = List.of(new PeriodShare("1", 0.7), new PeriodShare("2", 0.3),
                new PeriodShare("3", 0.68), new PeriodShare("4", 0.3));
        Consistency consistency = new Consistency(List.of(
                new Swing(SCRIPT, Metric.NPS, Share.POSITIVE, QUOTES, 0.3, limits),
                new Alternation(BREAKOUT, Metric.NPS, Share.POSITIVE, run)), QUOTES);
        ClosedLoop loop = new ClosedLoop(List.of(new CallBack(QUOTES, SCRIPT, Metric.NPS, 1, t, BREAKOUT
                + "\nsecond line\u0007")), List.of(new Recognition(BREAKOUT, 2, QUOTES)));
        return new HealthReport("Report for " + QUOTES + "\u0007", new Provenance(GENERATED_AT,
                List.of(new Input("responses", SCRIPT + ".csv", Rows.of(10, 1)))),
                Section.of(headline()), Section.of(scores), Section.of(List.of(journeys)), Section.of(impact),
                Section.of(new RecoveryPlans(QUOTES, List.of(new IncidentPlan(SCRIPT, SCRIPT, plan)))),
                Section.of(recoveryEffectiveness()), Section.of(consistency), Section.of(loop));
    }

    public static Provenance provenance() {
        return new Provenance(GENERATED_AT, List.of(
                new Input("responses", "responses-2026-q1.csv", Rows.of(4180, 23)),
                new Input("events", "events-2026-q1.jsonl", new Rows(38_412, 38_104, 12, 296)),
                new Input("definition", "restaurant-visit.yaml", Rows.of(1, 0)),
                new Input("incidents", "open-incidents.jsonl", Rows.of(3, 1))));
    }

    public static Headline headline() {
        RatingDistribution npsNow = nps(82, 118, 212);
        RatingDistribution npsBefore = nps(101, 122, 180);
        RatingDistribution csatNow = csat(41, 36, 330);
        RatingDistribution csatBefore = csat(44, 35, 320);
        RatingDistribution cesNow = ces(6, 9, 20, 48, 88, 120, 61);
        RatingDistribution cesBefore = ces(9, 12, 25, 50, 80, 110, 55);
        return new Headline(List.of(
                new HeadlineScore("2026-03", score(npsNow),
                        Optional.of(new Change("2026-02", score(npsBefore), verdict(npsNow, npsBefore)))),
                new HeadlineScore("2026-03", score(csatNow),
                        Optional.of(new Change("2026-02", score(csatBefore), verdict(csatNow, csatBefore)))),
                new HeadlineScore("2026-03", score(cesNow),
                        Optional.of(new Change("2026-02", score(cesBefore), verdict(cesNow, cesBefore))))));
    }

    public static Scores scores() {
        Map<String, RatingDistribution> npsByTouchpoint = new LinkedHashMap<>();
        npsByTouchpoint.put("order counter", nps(12, 30, 61));
        npsByTouchpoint.put("kitchen", nps(35, 28, 40));
        npsByTouchpoint.put("delivery notice", nps(11, 6, 5));
        npsByTouchpoint.put("call centre", nps(6, 4, 5));
        npsByTouchpoint.put("bill & payment", nps(9, 25, 70));
        npsByTouchpoint.put("terrace bar", nps(0, 0, 0));
        Map<String, RatingDistribution> csatByTouchpoint = new LinkedHashMap<>();
        csatByTouchpoint.put("order counter", csat(5, 8, 90));
        csatByTouchpoint.put("kitchen", csat(20, 12, 71));
        csatByTouchpoint.put("delivery notice", csat(18, 10, 43));
        Map<String, RatingDistribution> npsByStage = new LinkedHashMap<>();
        npsByStage.put("order", nps(12, 30, 61));
        npsByStage.put("served", nps(35, 28, 40));
        npsByStage.put("bill", nps(9, 25, 70));
        npsByStage.put("follow-up", nps(6, 4, 5));
        return new Scores(List.of(groups("touchpoint", Metric.NPS, npsByTouchpoint),
                groups("touchpoint", Metric.CSAT, csatByTouchpoint), groups("stage", Metric.NPS, npsByStage)),
                List.of(trend(Metric.NPS), trend(Metric.CSAT), trend(Metric.CES)));
    }

    /** A column's groups over all responses, without periods, tested as the report tests them. */
    public static GroupScores groups(String column, Metric metric, Map<String, RatingDistribution> totals) {
        return GroupScores.compute(column, metric, totals, Map.of(), null, null, ScoreOptions.defaults(),
                Adjustment.HOLM);
    }

    private static Trend trend(Metric metric) {
        String[] periods = {"2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"};
        List<PeriodScore> points = new ArrayList<>();
        for (int i = 0; i < periods.length; i++) {
            // December has a low sample (n = 14): the restaurant closed for two weeks
            boolean december = i == 2;
            RatingDistribution ratings;
            switch (metric.kind()) {
                case NPS:
                    ratings = december ? nps(3, 4, 7) : nps(10 * (10 - i), 120, 10 * (18 + 2 * i));
                    break;
                case CSAT:
                    ratings = december ? csat(2, 2, 10) : csat(10 * (6 - i / 2), 40, 10 * (30 + i));
                    break;
                default:
                    ratings = december ? ces(1, 1, 1, 2, 4, 3, 2) : ces(10, 10, 20, 40, 10 * (8 + i), 100, 50);
                    break;
            }
            points.add(new PeriodScore(periods[i], score(ratings)));
        }
        return new Trend(metric, points);
    }

    public static Journeys journeys() {
        return new Journeys("restaurant-visit", 1200, List.of(
                new FunnelStep("order", 1180, 1190, 1150, 20),
                new FunnelStep("served", 1120, 1160, 1040, 60),
                new FunnelStep("bill", 1050, 1110, 1030, 70),
                new FunnelStep("follow-up", 610, 640, 600, 440)),
                List.of(promise("served-in-20", "ordered", "served", LimitKind.AT_MOST, Duration.ofMinutes(20),
                        SatisfactionFactor.TIMELINESS, new Percentiles(Duration.ofSeconds(14 * 60 + 30),
                                Duration.ofMinutes(23), Duration.ofSeconds(41 * 60 + 10)), 1160, 187),
                        promise("notice-30", "delivery-notice", "arrival", LimitKind.AT_LEAST, Duration.ofMinutes(30),
                                SatisfactionFactor.PEOPLE, new Percentiles(Duration.ofMinutes(34),
                                        Duration.ofMinutes(47), Duration.ofMinutes(58)), 412, 61),
                        promise("recovered-in-30", "failure", "recovery", LimitKind.AT_MOST, Duration.ofMinutes(30),
                                SatisfactionFactor.RESOLUTION, null, 0, 0)));
    }

    public static PromiseResult promise(String id, String from, String to, LimitKind kind, Duration limit,
            SatisfactionFactor factor, Percentiles durations, long checks, long breaches) {
        Optional<Interval> interval = checks == 0 ? Optional.empty()
                : Optional.of(ProportionStatistics.wilson(breaches, checks, 0.95));
        return new PromiseResult(id, from, to, kind, limit, factor, Optional.ofNullable(durations), checks, breaches,
                interval);
    }

    public static FailureImpactRanking failureImpact() {
        RatingDistribution clean = nps(120, 260, 520);
        return ranking(Metric.NPS, List.of(
                impact("late-meal", "kitchen", SatisfactionFactor.TIMELINESS, 187, nps(70, 50, 40), clean, 0.312),
                impact("wrong-channel", "delivery notice", SatisfactionFactor.PEOPLE, 61, nps(25, 18, 15), clean,
                        0.118),
                impact("wrong-item", "kitchen", SatisfactionFactor.PRODUCT, 44, nps(12, 14, 14), clean, 0.061),
                impact("rude-staff", "order counter", SatisfactionFactor.PEOPLE, 5, nps(2, 1, 1), clean, 0.009)));
    }

    private static ImpactRow impact(String type, String touchpoint, SatisfactionFactor factor, long journeys,
            RatingDistribution with, RatingDistribution without, double detractorShare) {
        // held equal: a tenth smaller, with the marginal's standard error (a fixture, not a model)
        Optional<Comparison> heldEqual = compare(with, without).map(c -> Comparison.of(c.difference() * 0.9,
                c.standardError(), new Interval(c.interval().lower() * 0.9, c.interval().upper() * 0.9,
                        c.interval().confidence(), IntervalMethod.T), Math.min(1, c.pValue() * 2)));
        return new ImpactRow(type, touchpoint, factor, journeys, score(with), score(without), compare(with, without),
                detractorShare, heldEqual);
    }

    public static RecoveryPlans recoveryPlans() {
        Instant t = Instant.parse("2026-03-31T19:42:00Z");
        RecoveryPlan lateMeal = new RecoveryPlan("INC-1042", List.of(
                new StepPlan(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, t.plusSeconds(120),
                        "Apologise at the table for the 35-minute wait; no excuses.", "acknowledge"),
                new StepPlan(AwareStep.WIDEN, Owner.FRONTLINE, t.plusSeconds(300),
                        "Ask what spoiled the evening beyond the wait.", "widen"),
                new StepPlan(AwareStep.AGREE, Owner.MANAGER, t.plusSeconds(600),
                        "Offer the main course free and dessert on the house.", "agree"),
                new StepPlan(AwareStep.RESOLVE, Owner.MANAGER, t.plusSeconds(3600),
                        "Waive the main course on the bill; check back before they leave.", "resolve"),
                new StepPlan(AwareStep.EVALUATE, Owner.MANAGER, t.plusSeconds(86_400),
                        "Find why tickets stalled at the grill on Friday service.", "evaluate")),
                List.of(new Offer(OfferKind.WAIVE_CHARGE, Money.of("24.50", "EUR"), "main course never came in time",
                                true, false, List.of(), "comp-timeliness"),
                        new Offer(OfferKind.FREE_ITEM, null, "dessert on the house", false, false, List.of(),
                                "comp-goodwill")),
                List.of(new Escalation(Owner.MANAGER, t.plusSeconds(600), "comp above frontline limit", "authority")),
                List.of(new FollowUp(Channel.EMAIL, AddressKind.EMAIL, t.plusSeconds(2 * 86_400), "follow-up")),
                true, List.of());
        RecoveryPlan wrongChannel = new RecoveryPlan("INC-1043", List.of(
                new StepPlan(AwareStep.ACKNOWLEDGE, Owner.SUPPORT, t.plusSeconds(900),
                        "Apologise by SMS, the channel the customer chose.", "acknowledge"),
                new StepPlan(AwareStep.EVALUATE, Owner.SUPPORT, t.plusSeconds(172_800),
                        "Check why the notice went to the home phone.", "evaluate")),
                List.of(new Offer(OfferKind.VOUCHER, Money.of("10.00", "EUR"), "notice on the wrong channel", false,
                        false, List.of(), "comp-people")),
                List.of(), List.of(), false, List.of());
        return new RecoveryPlans("restaurant", List.of(
                new IncidentPlan("late meal, Leith, table 12", "incidents.jsonl line 1", lateMeal),
                new IncidentPlan("delivery notice by phone, not SMS", "open failure in journey D000117", wrongChannel)));
    }

    public static RecoveryEffectiveness recoveryEffectiveness() {
        RatingDistribution noFailure = nps(120, 260, 520);
        RatingDistribution recovered = nps(30, 60, 110);
        RatingDistribution notRecovered = nps(80, 45, 30);
        return new RecoveryEffectiveness(Metric.NPS, score(noFailure), score(recovered), score(notRecovered),
                verdict(recovered, notRecovered), verdict(recovered, noFailure));
    }

    public static Consistency consistency() {
        // Leith's share of promoters fell to 22% in March, where noise explains 35.1% to 61.0%
        Interval limits = new Interval(0.351, 0.61, 0.9973, IntervalMethod.WALD);
        Swing swing = new Swing("Leith", Metric.NPS, Share.POSITIVE, "2026-03", 0.22, limits);
        List<PeriodShare> run = List.of(new PeriodShare("2025-10", 0.70), new PeriodShare("2025-11", 0.30),
                new PeriodShare("2025-12", 0.68), new PeriodShare("2026-01", 0.30), new PeriodShare("2026-02", 0.68),
                new PeriodShare("2026-03", 0.29));
        return new Consistency(List.of(swing, new Alternation("Portobello", Metric.NPS, Share.POSITIVE, run)),
                "48 periods judged in 12 charts, false alarms held to 0.05 per report");
    }

    public static ClosedLoop closedLoop() {
        return new ClosedLoop(List.of(
                new CallBack("C-20931", "kitchen", Metric.NPS, 2, Instant.parse("2026-04-01T12:00:00Z"),
                        "Waited 40 minutes for a burger. Never again."),
                new CallBack("C-11872", "delivery notice", Metric.NPS, 4, Instant.parse("2026-03-31T17:00:00Z"),
                        "They called my landline although I asked for SMS."),
                new CallBack("C-30007", "bill & payment", Metric.NPS, 6, Instant.parse("2026-04-02T09:00:00Z"), "")),
                List.of(new Recognition("Aoife", 7, "Aoife made my daughter's birthday!"),
                        new Recognition("Marco", 3, "Marco fixed the order in two minutes.")));
    }
}
