package dev.cxkit.rules.scenario;

import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.Owner;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An AWARE step a scenario expects in the plan. The step must be there; every other field is
 * compared only when given (non-null).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the step
 * @param owner who acts, or null (not checked)
 * @param due when it is due, or null (not checked)
 * @param instruction the instruction, exactly, or null (not checked)
 * @param rule the rule that planned it, or null (not checked)
 * @since 0.1.0
 */
public record ExpectedStep(AwareStep step, @Nullable Owner owner, @Nullable Instant due, @Nullable String instruction,
        @Nullable String rule) {

    /**
     * Validates the expectation.
     *
     * @throws NullPointerException if the step is null
     */
    public ExpectedStep {
        Objects.requireNonNull(step, "step");
    }
}
