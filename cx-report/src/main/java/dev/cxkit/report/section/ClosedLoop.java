package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.sortedCopy;

import dev.cxkit.core.score.Metric;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Section 6: the closed loop.
 *
 * @param callBacks detractors to call back, sorted by due time (then customer) by the constructor
 * @param recognitions staff whom promoters praised, most mentions first (then by name)
 * @since 0.1.0
 */
public record ClosedLoop(List<CallBack> callBacks, List<Recognition> recognitions) {

    /**
     * Sorts the lists.
     *
     * @throws NullPointerException if an entry is null
     */
    public ClosedLoop {
        callBacks = sortedCopy(callBacks, Comparator.comparing(CallBack::due).thenComparing(CallBack::customerId));
        recognitions = sortedCopy(recognitions, Comparator.comparingLong(Recognition::mentions).reversed()
                .thenComparing(Recognition::staff));
    }

    /**
     * A detractor to call back.
     *
     * @param customerId the customer
     * @param touchpoint the touchpoint the response was about
     * @param metric the metric of the rating
     * @param rating the rating, on the metric's scale
     * @param due when the call is due (from the follow-up SLA)
     * @param comment the customer's comment; may be empty
     */
    public record CallBack(String customerId, String touchpoint, Metric metric, int rating, Instant due,
            String comment) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank or the rating is off the scale
         */
        public CallBack {
            requireText(customerId, "customerId");
            requireText(touchpoint, "touchpoint");
            Objects.requireNonNull(metric, "metric");
            if (!metric.isValidRating(rating)) {
                throw new IllegalArgumentException(customerId + ": rating " + rating + " is off the " + metric.id()
                        + " scale");
            }
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(comment, "comment");
        }

        /**
         * Returns whether the call is overdue at a time, for example the report's generation time.
         *
         * @param time the time to judge at
         * @return true when the call was due before {@code time}
         */
        public boolean overdueAt(Instant time) {
            return due.isBefore(time);
        }
    }

    /**
     * A staff member promoters praised by name.
     *
     * @param staff the name, from the configured list
     * @param mentions how many promoter comments named them, at least one
     * @param quote one such comment; may be empty
     */
    public record Recognition(String staff, long mentions, String quote) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank or there are no mentions
         */
        public Recognition {
            requireText(staff, "staff");
            if (mentions < 1) {
                throw new IllegalArgumentException(staff + ": at least one mention, got " + mentions);
            }
            Objects.requireNonNull(quote, "quote");
        }
    }
}
