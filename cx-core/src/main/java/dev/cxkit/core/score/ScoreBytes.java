package dev.cxkit.core.score;

import dev.cxkit.core.internal.ByteForm;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the byte format ({@code docs/format.md}) that score states share: a metric and a
 * rating distribution's counts and weights.
 */
final class ScoreBytes {

    private ScoreBytes() {
    }

    /** Kind 2: metric, flags, dimensions, then per group its values and cells. */
    static byte[] write(ScoreTable table) {
        Metric metric = table.metric();
        int points = metric.points();
        boolean weighted = table.isWeighted();
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.SCORE_TABLE,
                32 + table.groupCount() * (points * (weighted ? 10 : 2) + 16));
        out.metric(metric);
        out.u8(weighted ? 1 : 0);
        out.varLong(table.dimensions().size());
        for (String name : table.dimensions()) {
            out.string(name);
        }
        out.varLong(table.groupCount());
        for (int g = 0; g < table.groupCount(); g++) {
            for (String value : table.key(g).values()) {
                out.string(value);
            }
            RatingDistribution d = table.snapshot(g);
            writeCells(out, d.counts(), 0, points, weighted ? weights(d) : null, d.sumSquaredWeights());
        }
        return out.finish();
    }

    static double[] weights(RatingDistribution d) {
        Metric metric = d.metric();
        double[] w = new double[metric.points()];
        for (int r = 0; r < w.length; r++) {
            w[r] = d.weight(metric.min() + r);
        }
        return w;
    }

    static ScoreTable readTable(byte[] bytes) {
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.SCORE_TABLE);
        Metric metric = in.metric();
        boolean weighted = readWeighted(in);
        int dimensionCount = in.count("dimensions", 1);
        List<String> dimensions = new ArrayList<>(dimensionCount);
        for (int i = 0; i < dimensionCount; i++) {
            String name = in.string();
            if (name == null || dimensions.contains(name)) {
                throw in.error("dimension " + (i + 1) + " is " + (name == null ? "null" : "repeated: " + name));
            }
            dimensions.add(name);
        }
        ScoreTable table = ScoreTable.create(metric, dimensions);
        if (weighted) {
            table.ensureWeights();
        }
        int groups = in.count("groups", dimensionCount + metric.points());
        for (int g = 0; g < groups; g++) {
            List<String> values = new ArrayList<>(dimensionCount);
            for (int i = 0; i < dimensionCount; i++) {
                values.add(in.string());
            }
            int id = table.group(values);
            if (id != g) {
                throw in.error("group " + values + " appears twice");
            }
            table.add(id, readCells(in, metric, weighted));
        }
        in.end();
        return table;
    }

    /** Counts by rating as varints; when weighted, then weights by rating and Σw² as doubles. */
    static void writeCells(ByteForm.Writer out, long[] counts, int from, int points, double[] weights,
            double squares) {
        for (int r = 0; r < points; r++) {
            out.varLong(counts[from + r]);
        }
        if (weights != null) {
            for (int r = 0; r < points; r++) {
                out.f64(weights[from + r]);
            }
            out.f64(squares);
        }
    }

    /** Reads what {@link #writeCells} wrote into a checked distribution. */
    static RatingDistribution readCells(ByteForm.Reader in, Metric metric, boolean weighted) {
        int points = metric.points();
        long[] counts = new long[points];
        long n = 0;
        for (int r = 0; r < points; r++) {
            counts[r] = in.varLong();
            try {
                n = Math.addExact(n, counts[r]);
            } catch (ArithmeticException e) {
                throw in.error("the counts add up to more than a long holds");
            }
        }
        if (!weighted) {
            return RatingDistribution.wrap(metric, counts, null, 0);
        }
        double[] weights = new double[points];
        for (int r = 0; r < points; r++) {
            weights[r] = in.f64();
        }
        double squares = in.f64();
        try {
            RatingDistribution d = RatingDistribution.ofWeights(metric, counts, weights, squares);
            // Kish's n_eff = (Σw)² / Σw² lies in [1, n] for any positive weights: outside it the
            // weights and their squares cannot come from one set of responses.
            double nEff = d.effectiveN();
            if (n > 0 && !(nEff >= 1 - 1e-9 && nEff <= n * (1 + 1e-9))) {
                throw in.error("the sum of squared weights " + squares + " does not fit weights summing to "
                        + d.weightedN() + " over " + n + " responses");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    /** The flags byte: bit 0 set when weighted; the other bits must be 0 in version 1. */
    static boolean readWeighted(ByteForm.Reader in) {
        int flags = in.u8();
        if ((flags & ~1) != 0) {
            throw in.error("flags 0x" + Integer.toHexString(flags) + " has bits version 1 does not define");
        }
        return flags == 1;
    }
}
