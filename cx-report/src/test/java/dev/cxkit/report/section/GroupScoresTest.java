package dev.cxkit.report.section;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import dev.cxkit.report.section.GroupScores.GroupRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GroupScoresTest {

    private static RatingDistribution nps(long detractors, long passives, long promoters) {
        long[] counts = new long[11];
        counts[0] = detractors;
        counts[7] = passives;
        counts[10] = promoters;
        return RatingDistribution.ofCounts(Metric.NPS, counts);
    }

    private static GroupScores groups(Map<String, RatingDistribution> totals) {
        return GroupScores.compute("location", Metric.NPS, totals, Map.of(), null, null, ScoreOptions.defaults(),
                Adjustment.HOLM);
    }

    @Test
    void aStoreFarBelowTheRestIsNamedAndRankedWorstFirst() {
        Map<String, RatingDistribution> totals = new LinkedHashMap<>();
        totals.put("York", nps(40, 30, 30));   // NPS -10
        totals.put("Hull", nps(20, 30, 50));   // +30
        totals.put("Leeds", nps(70, 20, 10));  // -60
        totals.put("Bath", nps(22, 30, 48));   // +26
        GroupScores g = groups(totals);
        assertThat(g.toldApart()).isTrue();
        assertThat(g.rows()).extracting(GroupRow::name).containsExactly("Leeds", "York", "Bath", "Hull");
        GroupRow leeds = g.rows().get(0);
        assertThat(g.differsFromRest(leeds)).isTrue();
        assertThat(leeds.vsRest().orElseThrow().difference()).isNegative();
        assertThat(g.verdict()).startsWith("Leeds below the rest").contains("Holm-adjusted at 0.05")
                .endsWith("ranked worst first.");
    }

    @Test
    void adjustedPValuesAreHolmsOfTheRawOnes() {
        Map<String, RatingDistribution> totals = new TreeMap<>();
        totals.put("a", nps(40, 30, 30));
        totals.put("b", nps(30, 30, 40));
        totals.put("c", nps(35, 30, 35));
        totals.put("d", nps(33, 30, 37));
        GroupScores g = groups(totals);
        // Holm 1979 by hand: sort the raw p ascending, multiply the i-th (from 0) by (m - i), keep it non-decreasing
        List<GroupRow> rows = g.rows();
        double[] raw = rows.stream().mapToDouble(r -> r.vsRest().orElseThrow().pValue()).toArray();
        Integer[] order = {0, 1, 2, 3};
        Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
        double running = 0;
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            running = Math.max(running, Math.min(1, (4 - i) * raw[order[i]]));
            expected[order[i]] = running;
        }
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i).vsRestAdjustedP().getAsDouble()).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void groupsThatCannotBeToldApartAreInNameOrderAndSaySo() {
        Map<String, RatingDistribution> totals = new LinkedHashMap<>();
        totals.put("York", nps(30, 40, 31));
        totals.put("Bath", nps(31, 40, 30));
        totals.put("Hull", nps(30, 41, 30));
        GroupScores g = groups(totals);
        assertThat(g.toldApart()).isFalse();
        assertThat(g.rows()).extracting(GroupRow::name).containsExactly("Bath", "Hull", "York");
        assertThat(g.verdict()).isEqualTo("The 3 location values cannot be told apart on NPS (3 location values, "
                + "each against the rest, Holm-adjusted at 0.05); ranked by name, not worst first.");
    }

    @Test
    void lowSampleGroupsAreNotTested() {
        Map<String, RatingDistribution> totals = new LinkedHashMap<>();
        totals.put("York", nps(300, 300, 300));
        totals.put("Tiny", nps(5, 0, 0));
        GroupScores g = groups(totals);
        assertThat(g.rows()).filteredOn(r -> r.name().equals("Tiny")).allSatisfy(r -> {
            assertThat(r.all().lowSample()).isTrue();
            assertThat(r.vsRest()).isEmpty();
            assertThat(r.vsRestAdjustedP()).isEmpty();
        });
    }

    /**
     * Under the null (every group drawn from the same distribution), Holm keeps the chance that
     * any group is called different at most alpha: over 3,000 simulated tables of 6 groups, the share
     * told apart stays below 0.05 plus three binomial standard errors (0.012).
     */
    @Test
    void underTheNullGroupsAreToldApartAtMostAlphaOfTheTime() {
        SplittableRandom random = new SplittableRandom(20261205L);
        int tables = 3000;
        int apart = 0;
        for (int t = 0; t < tables; t++) {
            Map<String, RatingDistribution> totals = new LinkedHashMap<>();
            for (int g = 0; g < 6; g++) {
                long[] counts = new long[11];
                for (int i = 0; i < 150; i++) {
                    double u = random.nextDouble();
                    counts[u < 0.3 ? 3 : u < 0.6 ? 8 : 10]++;
                }
                totals.put("g" + g, RatingDistribution.ofCounts(Metric.NPS, counts));
            }
            apart += groups(totals).toldApart() ? 1 : 0;
        }
        double share = apart / (double) tables;
        System.out.printf("null group tables told apart: %d of %d (%.3f), seed 20261205%n", apart, tables, share);
        assertThat(share).as("seed 20261205: %d of %d null tables told apart", apart, tables)
                .isLessThan(0.05 + 3 * Math.sqrt(0.05 * 0.95 / tables));
    }
}
