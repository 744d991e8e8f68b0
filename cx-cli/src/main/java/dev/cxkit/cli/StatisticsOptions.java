package dev.cxkit.cli;

import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.IntervalMethod;
import picocli.CommandLine.Option;

/** The options every scoring command shares: confidence level and low-sample threshold. */
final class StatisticsOptions {

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals, between 0 and 1. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "30",
            description = "Flag scores whose (effective) sample size is below N as LOW-SAMPLE. Default: ${DEFAULT-VALUE}.")
    double minN;

    /**
     * Validates the options and returns them as score options.
     *
     * @param interval the interval method, or null for each metric's default
     * @throws UsageException if a value is out of range
     */
    ScoreOptions toScoreOptions(IntervalMethod interval) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new UsageException("--confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        if (!(minN >= 0) || !Double.isFinite(minN)) {
            throw new UsageException("--min-n must be 0 or more, got " + minN);
        }
        return ScoreOptions.defaults().withIntervalMethod(interval).withConfidence(confidence).withMinN(minN);
    }
}
