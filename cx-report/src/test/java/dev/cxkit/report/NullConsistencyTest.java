package dev.cxkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.report.section.Consistency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The consistency findings on pure noise: every unit's ratings come from one distribution in
 * every period, so a finding is a false alarm. Two shapes: the sample's (4 locations and 8
 * touchpoints over 6 months, about 5,000 responses) and a chain's (40 locations over 12 months).
 */
class NullConsistencyTest {

    private static final String[] TOUCHPOINTS = {"seated", "order", "served", "bill", "notify", "arrival",
        "survey-invite", "callback"};

    /** One null report's consistency findings. */
    static Consistency nullReport(long seed, int locations, int months, int responses) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> units = List.of("location", "touchpoint");
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of()).consistencyUnits(units)
                .period(Period.MONTH).build();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < responses; i++) {
            Instant at = start.plus(random.nextInt(months * 30), ChronoUnit.DAYS);
            int kind = random.nextInt(10);
            Metric metric = kind < 6 ? Metric.NPS : kind < 9 ? Metric.CSAT : Metric.CES;
            int u = random.nextInt(100);
            int score = switch (metric.kind()) {
                case NPS -> u < 40 ? 10 : u < 65 ? 8 : u < 80 ? 6 : 2;
                case CSAT -> u < 60 ? 5 : u < 75 ? 4 : u < 90 ? 3 : 1;
                default -> u < 50 ? 6 : u < 75 ? 5 : u < 90 ? 3 : 2;
            };
            analytics.addResponse(Response.builder(metric, score).submittedAt(at)
                    .location("L" + random.nextInt(locations)).touchpoint(TOUCHPOINTS[random.nextInt(8)]).build());
        }
        JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(),
                ReportBuilder.consistencyRules(ConsistencyRules.defaults(), units.size()));
        return ReportSections.consistency(analysis.consistency());
    }

    static double rate(int reports, int locations, int months, int responses, String label) {
        int withFindings = 0;
        long findings = 0;
        for (int r = 0; r < reports; r++) {
            Consistency c = nullReport(9_000L + r, locations, months, responses);
            withFindings += c.findings().isEmpty() ? 0 : 1;
            findings += c.findings().size();
        }
        double rate = withFindings / (double) reports;
        System.out.printf("null consistency, %s, seeds 9000..%d: %.1f %% of reports with a finding, %.2f findings "
                + "per report%n", label, 9_000 + reports - 1, 100 * rate, findings / (double) reports);
        return rate;
    }

    /**
     * Ordinary variation, no special cause: every location's NPS promoter share moves from month to
     * month around 40 % by a normal amount with a standard deviation of {@code spread} (and the
     * detractor share with it), independently of every other month. A p-chart reads that extra
     * variation as swings; Laney's p′ limits are meant to absorb it.
     */
    static Consistency overdispersedReport(long seed, double spread, ConsistencyRules rules) {
        SplittableRandom random = new SplittableRandom(seed);
        int locations = 4;
        int months = 12;
        List<String> units = List.of("location");
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of()).consistencyUnits(units)
                .period(Period.MONTH).build();
        for (int l = 0; l < locations; l++) {
            for (int m = 0; m < months; m++) {
                double shift = spread * gaussian(random);
                double promoters = Math.min(0.9, Math.max(0.05, 0.40 + shift));
                double detractors = Math.min(0.9 - promoters, Math.max(0.02, 0.20 - shift / 2));
                Instant at = Instant.parse("2026-01-10T12:00:00Z").plus(31L * m, ChronoUnit.DAYS);
                for (int i = 0; i < 150; i++) {
                    double u = random.nextDouble();
                    int score = u < promoters ? 10 : u < promoters + detractors ? 3 : 8;
                    analytics.addResponse(Response.builder(Metric.NPS, score).submittedAt(at).location("L" + l)
                            .build());
                }
            }
        }
        JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), rules);
        return ReportSections.consistency(analysis.consistency());
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void laneysLimitsKeepOrdinaryVariationFromBecomingFindings() {
        int reports = Integer.getInteger("cx.nullReports", 100);
        int plain = 0;
        int laney = 0;
        for (int r = 0; r < reports; r++) {
            plain += overdispersedReport(9_500L + r, 0.06, ConsistencyRules.defaults().withLaneyMinPoints(0))
                    .findings().stream().anyMatch(f -> f instanceof Consistency.Swing) ? 1 : 0;
            laney += overdispersedReport(9_500L + r, 0.06, ConsistencyRules.defaults())
                    .findings().stream().anyMatch(f -> f instanceof Consistency.Swing) ? 1 : 0;
        }
        System.out.printf("overdispersed consistency (4 locations x 12 months, 150 responses each, promoter share "
                + "sd 6 points), seeds 9500..%d: reports with a swing finding: p-chart %.1f %%, Laney p' %.1f %%%n",
                9_500 + reports - 1, 100.0 * plain / reports, 100.0 * laney / reports);
        assertThat(plain / (double) reports).as("the p-chart reads ordinary variation as swings").isGreaterThan(0.5);
        assertThat(laney / (double) reports).as("Laney p'").isLessThanOrEqualTo(0.10);
    }

    @Test
    void onPureNoiseFewReportsHaveAConsistencyFinding() {
        int reports = Integer.getInteger("cx.nullReports", 100);
        assertThat(rate(reports, 4, 6, 5_000, "the sample's shape")).as("goal 0.05").isLessThanOrEqualTo(0.08);
        assertThat(rate(reports / 2, 40, 12, 40_000, "40 locations x 12 months")).as("goal 0.05")
                .isLessThanOrEqualTo(0.10);
    }
}
