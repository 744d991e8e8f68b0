package dev.cxkit.rules.io;

import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One accepted line of an incidents file: the incident, the customer when the line names one
 * inline, and the context hints the line gives.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incident the incident
 * @param customer the inline {@code customer} object, or null when the line has none (the caller
 *     then looks the customer up by {@link Incident#customerId()})
 * @param budgetLeftToday {@code budget_left_today}, in the incident's currency, or null when the
 *     line gives none (no budget limit)
 * @param similarRecentIncidents {@code similar_recent_incidents}, this one included (1 when absent)
 * @param alreadyCompensated {@code already_compensated} (false when absent)
 * @param source the input's name, for messages (for an incident made from a journey's open failure,
 *     the journey: {@code journey V000042})
 * @param line the 1-based line number in the input, or 0 when the incident was not read from a line
 *     (made from a journey's open failure)
 * @since 0.1.0
 */
public record IncidentRecord(Incident incident, @Nullable Customer customer, @Nullable Money budgetLeftToday,
        int similarRecentIncidents, boolean alreadyCompensated, String source, long line) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if the incident or source is null
     * @throws IllegalArgumentException if the count of similar incidents is below 1 or the line
     *     is negative
     */
    public IncidentRecord {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(source, "source");
        if (similarRecentIncidents < 1) {
            throw new IllegalArgumentException("similar recent incidents count this one, so at least 1: "
                    + similarRecentIncidents);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /**
     * Returns the decision context of this line at a time.
     *
     * @param now the decision time
     * @return the context with this line's budget, similar-incident count and compensation flag
     * @throws NullPointerException if {@code now} is null
     */
    public RecoveryContext context(Instant now) {
        return new RecoveryContext(now, budgetLeftToday, similarRecentIncidents, alreadyCompensated);
    }
}
