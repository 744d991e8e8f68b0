package dev.cxkit.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Multiple-comparison control: p-values adjusted for the family of tests they were made in, so
 * that a ranked table of many tests does not show "significant" rows by chance alone. Static pure
 * functions.
 *
 * <ul>
 *   <li>{@link Adjustment#HOLM} controls the family-wise error rate (the chance of any false
 *       "significant" in the family) at α, uniformly more powerful than Bonferroni: Holm 1979, "A
 *       simple sequentially rejective multiple test procedure", Scandinavian Journal of Statistics
 *       6(2), 65–70. Adjusted p<sub>(i)</sub> = max<sub>j≤i</sub> min(1, (m − j + 1) p<sub>(j)</sub>)
 *       over the p-values sorted ascending.
 *   <li>{@link Adjustment#BENJAMINI_HOCHBERG} controls the false discovery rate (the expected share
 *       of false ones among those called significant) at α: Benjamini and Hochberg 1995,
 *       "Controlling the false discovery rate", JRSS B 57(1), 289–300. Adjusted p<sub>(i)</sub> =
 *       min<sub>j≥i</sub> min(1, m p<sub>(j)</sub> / j).
 * </ul>
 * Both are R's {@code p.adjust(p, "holm")} and {@code p.adjust(p, "BH")}; the tests compare with it.
 *
 * @since 0.1.0
 */
public final class MultipleTesting {

    /** How the p-values of a family are adjusted. */
    public enum Adjustment {
        /** Holm's step-down method: family-wise error rate. The default. */
        HOLM("Holm", "holm"),
        /** Benjamini–Hochberg: false discovery rate. */
        BENJAMINI_HOCHBERG("Benjamini–Hochberg", "bh"),
        /** No adjustment: each test at α on its own. */
        NONE("unadjusted", "none");

        private final String label;
        private final String id;

        Adjustment(String label, String id) {
            this.label = label;
            this.id = id;
        }

        /**
         * Returns the name people read: {@code Holm}, {@code Benjamini–Hochberg}, {@code unadjusted}.
         *
         * @return the label
         */
        public String label() {
            return label;
        }

        /**
         * Returns the option and JSON name: {@code holm}, {@code bh}, {@code none}.
         *
         * @return the id
         */
        public String id() {
            return id;
        }

        /**
         * Says how a family is tested, for people: {@code Holm-adjusted at 0.05}, or
         * {@code unadjusted, each at 0.05}.
         *
         * @param alpha the family's error rate
         * @return the phrase
         */
        public String describe(double alpha) {
            String alphaText = java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
            return this == NONE ? "unadjusted, each at " + alphaText : label + "-adjusted at " + alphaText;
        }

        /**
         * Parses an id ({@code holm}, {@code bh}, {@code none}), ignoring case.
         *
         * @param text the id
         * @return the adjustment
         * @throws IllegalArgumentException if it is none of them
         */
        public static Adjustment parse(String text) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (Adjustment a : values()) {
                if (a.id.equals(wanted)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown adjustment '" + text + "' (expected holm, bh or none)");
        }

        /**
         * Adjusts the p-values of one family.
         *
         * @param p the raw p-values, each in [0, 1]
         * @return the adjusted p-values, in the same order
         * @throws IllegalArgumentException if a p-value is outside [0, 1]
         */
        public double[] adjust(double[] p) {
            switch (this) {
                case HOLM:
                    return holm(p);
                case BENJAMINI_HOCHBERG:
                    return benjaminiHochberg(p);
                default:
                    check(p);
                    return p.clone();
            }
        }
    }

    private MultipleTesting() {
    }

    /**
     * Holm's step-down adjusted p-values.
     *
     * @param p the raw p-values, each in [0, 1]
     * @return the adjusted p-values, in the same order
     * @throws IllegalArgumentException if a p-value is outside [0, 1]
     */
    public static double[] holm(double[] p) {
        check(p);
        int m = p.length;
        Integer[] order = ascending(p);
        double[] out = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            double value = Math.min(1, (m - i) * p[order[i]]);
            running = Math.max(running, value);
            out[order[i]] = running;
        }
        return out;
    }

    /**
     * Benjamini–Hochberg adjusted p-values (the "q-values" of the step-up procedure).
     *
     * @param p the raw p-values, each in [0, 1]
     * @return the adjusted p-values, in the same order
     * @throws IllegalArgumentException if a p-value is outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] p) {
        check(p);
        int m = p.length;
        Integer[] order = ascending(p);
        double[] out = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            // m / (i + 1) >= 1, so never below the raw p-value: max() only removes rounding
            double value = Math.min(1, Math.max(p[order[i]], (double) m * p[order[i]] / (i + 1)));
            running = Math.min(running, value);
            out[order[i]] = running;
        }
        return out;
    }

    private static Integer[] ascending(double[] p) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i])); // stable: ties keep their order
        return order;
    }

    private static void check(double[] p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("a p-value must be in [0, 1]: " + v);
            }
        }
    }
}
