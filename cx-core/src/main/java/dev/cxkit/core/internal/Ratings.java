package dev.cxkit.core.internal;

import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.survey.Response;
import java.util.Comparator;

/** Helpers shared by the score-joined journey analytics. Not instantiable. */
public final class Ratings {

    /** Metrics by kind (NPS, CSAT, CES), then by scale. */
    public static final Comparator<Metric> METRIC_ORDER = Comparator.<Metric>comparingInt(m -> m.kind().ordinal())
            .thenComparingInt(Metric::min).thenComparingInt(Metric::max).thenComparingInt(Metric::positiveFrom);

    private Ratings() {
    }

    /**
     * Returns {@code all} without {@code part}, where {@code part}'s responses are among
     * {@code all}'s: counts subtract exactly, weight sums as floating-point sums (clamped at 0).
     */
    public static RatingDistribution minus(RatingDistribution all, RatingDistribution part) {
        Metric metric = all.metric();
        long[] counts = all.counts();
        long[] partCounts = part.counts();
        for (int i = 0; i < counts.length; i++) {
            counts[i] -= partCounts[i];
            if (counts[i] < 0) {
                throw new IllegalArgumentException("the part has more ratings than the whole");
            }
        }
        if (!all.isWeighted() && !part.isWeighted()) {
            return RatingDistribution.ofCounts(metric, counts);
        }
        double[] weights = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            int rating = metric.min() + i;
            weights[i] = counts[i] == 0 ? 0 : Math.max(Double.MIN_NORMAL, all.weight(rating) - part.weight(rating));
        }
        double squared = Math.max(0, all.sumSquaredWeights() - part.sumSquaredWeights());
        return RatingDistribution.ofWeights(metric, counts, weights, squared);
    }

    /** Returns the weight of the negative ratings (detractors for NPS). */
    public static double negative(RatingDistribution ratings) {
        Metric m = ratings.metric();
        return ratings.weightBetween(m.min(), m.negativeUpTo());
    }

    /** Checks that a response belongs to a journey. */
    public static void checkJoined(Response response, JourneyOutcome journey) {
        if (!journey.journeyId().equals(response.journeyId())) {
            throw new IllegalArgumentException("response " + response.responseId() + " is about journey "
                    + response.journeyId() + ", not " + journey.journeyId());
        }
    }
}
