package dev.cxkit.core.stats;

import java.util.List;
import java.util.Objects;

/**
 * Ordinary least squares with heteroskedasticity-robust (HC3) standard errors, from grouped data:
 * observations that share one row of regressors are given as one group with its count, Σy and
 * Σy². Journeys with the same set of failures share their regressors (the failure indicators),
 * so a report's thousands of responses reduce to a few dozen groups, and the groups are mergeable
 * counts. Static pure functions.
 *
 * <p>The estimate is β = (X′X)<sup>−1</sup>X′y. The covariance is MacKinnon and White's HC3
 * (1985, "Some heteroskedasticity-consistent covariance matrix estimators with improved finite
 * sample properties", Journal of Econometrics 29:305–325), the default of R's
 * {@code sandwich::vcovHC}: (X′X)<sup>−1</sup> [Σ<sub>i</sub> e<sub>i</sub>²/(1 − h<sub>i</sub>)²
 * x<sub>i</sub>x<sub>i</sub>′] (X′X)<sup>−1</sup>, with residuals e<sub>i</sub> and leverages
 * h<sub>i</sub> = x<sub>i</sub>′(X′X)<sup>−1</sup>x<sub>i</sub>. Within a group the leverage is one
 * number and Σe² = Σy² − 2ŷΣy + nŷ², so the grouped form is exact. A linear model of a rating
 * (or of a promoter-minus-detractor indicator) with robust errors is the usual way to estimate
 * adjusted differences of scores (a linear probability model; Angrist and Pischke 2009,
 * <i>Mostly Harmless Econometrics</i>, §3.1.3); the tests compare it with R's {@code lm} and
 * {@code vcovHC(type = "HC3")}.
 *
 * @since 0.1.0
 */
public final class GroupedRegression {

    /**
     * One group of observations that share their regressors.
     *
     * @param x the regressors (an intercept, if wanted, is a column of ones)
     * @param n the number of observations, positive
     * @param sumY Σy over the group
     * @param sumY2 Σy² over the group
     */
    public record Group(double[] x, long n, double sumY, double sumY2) {

        /**
         * Copies the regressors and checks the counts.
         *
         * @throws IllegalArgumentException if n is not positive or a sum is not finite
         * @throws NullPointerException if x is null
         */
        public Group {
            x = Objects.requireNonNull(x, "x").clone();
            if (n <= 0 || !Double.isFinite(sumY) || !Double.isFinite(sumY2)) {
                throw new IllegalArgumentException("a group needs n > 0 and finite sums");
            }
        }
    }

    /**
     * The fitted model.
     *
     * @param coefficients β, one per regressor
     * @param standardErrors the HC3 standard errors of β
     * @param observations the number of observations
     * @param residualDf the residual degrees of freedom, observations − regressors
     */
    public record Fit(double[] coefficients, double[] standardErrors, long observations, long residualDf) {

        /**
         * Copies the arrays.
         *
         * @throws NullPointerException if an array is null
         */
        public Fit {
            coefficients = coefficients.clone();
            standardErrors = standardErrors.clone();
        }

        /**
         * Returns a coefficient's comparison with 0: its value, HC3 standard error, the t interval
         * at a confidence level with the residual degrees of freedom, and the two-sided p-value.
         *
         * @param index the regressor
         * @param confidence the confidence level, strictly between 0 and 1
         * @return the comparison
         */
        public Comparison coefficient(int index, double confidence) {
            return coefficient(index, confidence, residualDf);
        }

        /**
         * Returns a coefficient's comparison with 0 as {@link #coefficient(int, double)} does, with
         * the t distribution on fewer degrees of freedom than the residuals have: a small-sample
         * correction for a coefficient whose standard error rests on a few observations.
         *
         * @param index the regressor
         * @param confidence the confidence level, strictly between 0 and 1
         * @param df the degrees of freedom, at most the residual ones (more are capped)
         * @return the comparison
         */
        public Comparison coefficient(int index, double confidence, double df) {
            double b = coefficients[index];
            double se = standardErrors[index];
            df = Math.max(1, Math.min(df, residualDf));
            double q = Distributions.studentTQuantile(1 - (1 - confidence) / 2, df);
            double p = se > 0 ? Math.min(1, 2 * Distributions.studentTCdf(-Math.abs(b / se), df)) : b == 0 ? 1 : 0;
            return Comparison.of(b, se, new Interval(b - q * se, b + q * se, confidence, IntervalMethod.T), p);
        }
    }

    private GroupedRegression() {
    }

    /**
     * Fits the model.
     *
     * @param groups the groups, each with as many regressors as the first
     * @return the fit
     * @throws IllegalArgumentException if there are no groups, the rows differ in length, there
     *     are no more observations than regressors, or X′X is singular (a regressor is constant 0
     *     or a combination of others)
     */
    public static Fit fit(List<Group> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no observations");
        }
        int k = groups.get(0).x().length;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        long n = 0;
        for (Group g : groups) {
            if (g.x().length != k) {
                throw new IllegalArgumentException("every group needs " + k + " regressors");
            }
            n += g.n();
            for (int i = 0; i < k; i++) {
                xty[i] += g.x()[i] * g.sumY();
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += g.n() * g.x()[i] * g.x()[j];
                }
            }
        }
        if (n <= k) {
            throw new IllegalArgumentException("need more observations (" + n + ") than regressors (" + k + ")");
        }
        double[][] inverse = invert(xtx);
        double[] beta = multiply(inverse, xty);
        double[][] meat = new double[k][k];
        for (Group g : groups) {
            double fitted = dot(g.x(), beta);
            double leverage = dot(g.x(), multiply(inverse, g.x()));
            double squaredResiduals = Math.max(0, g.sumY2() - 2 * fitted * g.sumY() + g.n() * fitted * fitted);
            double scale = squaredResiduals / Math.pow(Math.max(1e-12, 1 - leverage), 2);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    meat[i][j] += scale * g.x()[i] * g.x()[j];
                }
            }
        }
        double[][] covariance = multiply(multiply(inverse, meat), inverse);
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            se[i] = Math.sqrt(Math.max(0, covariance[i][i]));
        }
        return new Fit(beta, se, n, n - k);
    }

    /** Gauss–Jordan inversion with partial pivoting; rejects a (numerically) singular matrix. */
    private static double[][] invert(double[][] a) {
        int k = a.length;
        double[][] m = new double[k][2 * k];
        double scale = 0;
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], 0, m[i], 0, k);
            m[i][k + i] = 1;
            for (int j = 0; j < k; j++) {
                scale = Math.max(scale, Math.abs(a[i][j]));
            }
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) <= 1e-10 * Math.max(1, scale)) {
                throw new IllegalArgumentException("the regressors are collinear (X'X is singular)");
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            double p = m[c][c];
            for (int j = 0; j < 2 * k; j++) {
                m[c][j] /= p;
            }
            for (int r = 0; r < k; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int j = 0; j < 2 * k; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], k, out[i], 0, k);
        }
        return out;
    }

    private static double[] multiply(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < b.length; t++) {
                double v = a[i][t];
                for (int j = 0; j < m; j++) {
                    out[i][j] += v * b[t][j];
                }
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
