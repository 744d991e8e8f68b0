package dev.cxkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.stats.GroupedRegression.Fit;
import dev.cxkit.core.stats.GroupedRegression.Group;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grouped OLS with HC3 errors against R 4.2.2: {@code lm(y ~ A + B + C)} on the observations the
 * groups stand for, {@code sandwich::vcovHC(m, type = "HC3")} (sandwich 3.0-2), p-values
 * {@code 2 * pt(-abs(b / se), df.residual)}.
 */
class GroupedRegressionTest {

    /** A, B, C, then the counts of y = −100, 0, +100: B comes with A, and has no effect of its own. */
    private static final int[][] PATTERNS = {
        {0, 0, 0, 30, 40, 80}, {1, 0, 0, 20, 10, 15}, {1, 1, 0, 25, 8, 10}, {0, 1, 0, 5, 10, 20},
        {0, 0, 1, 8, 12, 18}, {1, 0, 1, 6, 3, 4},
    };

    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (int[] p : PATTERNS) {
            long n = p[3] + p[4] + p[5];
            double sumY = 100.0 * (p[5] - p[3]);
            double sumY2 = 10_000.0 * (p[5] + p[3]);
            groups.add(new Group(new double[] {1, p[0], p[1], p[2]}, n, sumY, sumY2));
        }
        return groups;
    }

    @Test
    void coefficientsAndRobustErrorsAgreeWithRsLmAndVcovHc3() {
        Fit fit = GroupedRegression.fit(groups());
        double[] coef = {35.5681091548942, -54.1284730045419, -5.7280535241854, -6.08438074197182};
        double[] se = {6.17930920080946, 10.646600539268, 11.350891978321, 12.963760998137};
        double[] p = {2.01767939804552e-08, 6.29844307487517e-07, 0.614162774838128, 0.639147950441981};
        assertThat(fit.observations()).isEqualTo(324);
        assertThat(fit.residualDf()).isEqualTo(320);
        for (int i = 0; i < 4; i++) {
            assertThat(fit.coefficients()[i]).as("coef %d", i).isCloseTo(coef[i], within(1e-9));
            assertThat(fit.standardErrors()[i]).as("se %d", i).isCloseTo(se[i], within(1e-9));
            assertThat(fit.coefficient(i, 0.95).pValue()).as("p %d", i).isCloseTo(p[i], within(1e-9 * Math.max(1, p[i])));
        }
        Comparison b = fit.coefficient(2, 0.95);
        assertThat(b.interval().lower()).isCloseTo(-28.0598548588096, within(1e-8));
        assertThat(b.interval().upper()).isCloseTo(16.6037478104388, within(1e-8));
        // the marginal with-minus-without of B is -21.5 points; held equal to A, B's own effect is -5.7 (p 0.61)
        assertThat(b.significant()).isFalse();
    }

    @Test
    void fewerDegreesOfFreedomWidenTheIntervalAsRsQtSays() {
        // C is in 38 + 13 = 51 observations: on 50 degrees of freedom, from R 4.2.2
        // 2 * pt(-abs(b / se), 50) and b -/+ qt(0.975, 50) * se
        Comparison c = GroupedRegression.fit(groups()).coefficient(3, 0.95, 50);
        assertThat(c.pValue()).isCloseTo(0.640868606346717, within(1e-12));
        assertThat(c.interval().lower()).isCloseTo(-32.1228610218763, within(1e-9));
        assertThat(c.interval().upper()).isCloseTo(19.9540995379327, within(1e-9));
        // more than the residual degrees of freedom are capped at them
        assertThat(GroupedRegression.fit(groups()).coefficient(3, 0.95, 10_000).pValue())
                .isCloseTo(0.639147950441981, within(1e-12));
    }

    @Test
    void collinearOrTooFewObservationsAreRefused() {
        List<Group> collinear = List.of(new Group(new double[] {1, 1, 1}, 10, 5, 50),
                new Group(new double[] {1, 0, 0}, 10, 1, 20));
        assertThatThrownBy(() -> GroupedRegression.fit(collinear)).hasMessageContaining("collinear");
        assertThatThrownBy(() -> GroupedRegression.fit(List.of(new Group(new double[] {1, 1}, 1, 5, 25))))
                .hasMessageContaining("more observations");
        assertThatThrownBy(() -> GroupedRegression.fit(List.of())).hasMessageContaining("no observations");
    }
}
