package dev.cxkit.rules.plan;

/**
 * The five steps of the AWARE service-recovery method, in the order they are taken.
 *
 * @since 0.1.0
 */
public enum AwareStep {
    /** Acknowledge the problem and apologize sincerely: no excuses, no blame. */
    ACKNOWLEDGE,
    /** Widen: probe what the customer is specifically upset about, from their point of view. */
    WIDEN,
    /** Agree: state the agreed solution and by when. */
    AGREE,
    /** Resolve: do what was agreed, then follow up to make sure all is well. */
    RESOLVE,
    /** Evaluate: find the root cause and any systemic issue, so it does not happen again. */
    EVALUATE
}
