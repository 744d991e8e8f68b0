package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.ProportionStatistics;
import java.util.Optional;
import java.util.OptionalDouble;

/** The breach rate of a promise or contact rule and its Wilson interval. Not instantiable. */
final class BreachRate {

    private BreachRate() {
    }

    static OptionalDouble rate(long breaches, long checks) {
        return checks == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) breaches / checks);
    }

    static Optional<Interval> interval(long breaches, long checks, double confidence) {
        return checks == 0 ? Optional.empty() : Optional.of(ProportionStatistics.wilson(breaches, checks, confidence));
    }
}
