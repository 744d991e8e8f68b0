package dev.cxkit.report.internal;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Argument checks shared by the report model's records. Stateless. */
public final class Checks {

    private Checks() {
    }


    public static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    public static void requireCount(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }

    public static void requireShare(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be a share in [0, 1]: " + value);
        }
    }

    public static void requireMetric(Score score, Metric metric, String what) {
        Objects.requireNonNull(score, what);
        Objects.requireNonNull(metric, "metric");
        if (!score.metric().equals(metric)) {
            throw new IllegalArgumentException(what + ": a " + score.metric() + " score where " + metric
                    + " is expected");
        }
    }

    /** Checks that {@code score} of every item is a score of {@code metric}; {@code name} names the item. */
    public static <T> void requireMetrics(List<T> items, Metric metric, Function<T, String> name,
            Function<T, Score> score) {
        Objects.requireNonNull(metric, "metric");
        for (T item : items) {
            requireMetric(score.apply(item), metric, name.apply(item));
        }
    }

    public static void requireNonEmpty(List<?> list, String what) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no " + what + ": make the section absent instead");
        }
    }

    public static <T, K> void requireUnique(List<T> list, Function<T, K> key, String what) {
        Set<K> seen = new HashSet<>();
        for (T item : list) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException(what + " " + key.apply(item) + " appears twice");
            }
        }
    }

    public static <T> List<T> sortedCopy(List<T> list, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(Objects.requireNonNull(item, "an entry is null"));
        }
        copy.sort(order);
        return List.copyOf(copy);
    }

}
