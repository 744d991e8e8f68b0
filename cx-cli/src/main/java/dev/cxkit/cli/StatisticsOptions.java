package dev.cxkit.cli;

import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.IntervalMethod;
import picocli.CommandLine.Option;

/**
 * The options every scoring command shares: the confidence level (or its error rate, {@code
 * --alpha}) and the low-sample threshold.
 */
final class StatisticsOptions {

    @Option(names = "--confidence", paramLabel = "LEVEL",
            description = "Confidence level of the intervals, between 0 and 1. Default: 0.95, or 1 - --alpha.")
    private Double confidence;

    @Option(names = "--alpha", paramLabel = "RATE",
            description = "The error rate of every test and of every family of tests (the failure-impact ranking, "
                    + "the consistency findings), between 0 and 1: the same as --confidence 1-RATE. Default: 0.05.")
    private Double alpha;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "30",
            description = "Flag scores whose (effective) sample size is below N as LOW-SAMPLE. Default: ${DEFAULT-VALUE}.")
    double minN;

    /**
     * Returns the confidence level: {@code --confidence}, or 1 − {@code --alpha}, or 0.95.
     *
     * @throws UsageException if a value is out of range, or the two options disagree
     */
    double confidence() {
        if (alpha != null && !(alpha > 0 && alpha < 1)) {
            throw new UsageException("--alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        if (confidence != null && !(confidence > 0 && confidence < 1)) {
            throw new UsageException("--confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        // in decimal arithmetic, so that --alpha 0.05 is exactly --confidence 0.95
        Double fromAlpha = alpha == null ? null : ScoreOptions.defaults().withAlpha(alpha).confidence();
        if (confidence != null && fromAlpha != null && !confidence.equals(fromAlpha)) {
            throw new UsageException("--alpha " + alpha + " and --confidence " + confidence + " disagree: --alpha is 1 - "
                    + "--confidence; give one of them");
        }
        return confidence != null ? confidence : fromAlpha != null ? fromAlpha : ScoreOptions.DEFAULT_CONFIDENCE;
    }

    /**
     * Validates the options and returns them as score options.
     *
     * @param interval the interval method, or null for each metric's default
     * @throws UsageException if a value is out of range
     */
    ScoreOptions toScoreOptions(IntervalMethod interval) {
        double level = confidence();
        if (!(minN >= 0) || !Double.isFinite(minN)) {
            throw new UsageException("--min-n must be 0 or more, got " + minN);
        }
        return ScoreOptions.defaults().withIntervalMethod(interval).withConfidence(level).withMinN(minN);
    }
}
