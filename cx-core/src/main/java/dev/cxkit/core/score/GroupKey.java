package dev.cxkit.core.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key of one group in a {@link ScoreTable}: the names of the grouping dimensions and this
 * group's value for each, for example {@code touchpoint=counter, period=2026-W47}. A value may
 * be null when the response had none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param names the dimension names, in grouping order
 * @param values the values, one per name; elements may be null
 * @since 0.1.0
 */
public record GroupKey(List<String> names, List<@Nullable String> values) {

    /** The key of the single group of an ungrouped table. */
    public static final GroupKey NONE = new GroupKey(List.of(), List.of());

    /**
     * Copies and validates the lists.
     *
     * @throws IllegalArgumentException if the lists differ in size
     * @throws NullPointerException if a list or a name is null
     */
    public GroupKey {
        names = List.copyOf(names);
        values = Collections.unmodifiableList(new ArrayList<>(values));
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("names " + names + " and values " + values + " differ in size");
        }
    }

    /**
     * A key for the given names and values.
     *
     * @param names the dimension names
     * @param values the values (elements may be null)
     * @return the key
     */
    public static GroupKey of(List<String> names, List<@Nullable String> values) {
        return names.isEmpty() && values.isEmpty() ? NONE : new GroupKey(names, values);
    }

    /**
     * Returns the value of a dimension.
     *
     * @param name the dimension name
     * @return the value, or null if the response had none
     * @throws IllegalArgumentException if there is no such dimension
     */
    public @Nullable String value(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no dimension '" + name + "' in " + names);
        }
        return values.get(i);
    }

    /** Returns the key as an ordered map from dimension name to value. */
    public Map<String, @Nullable String> asMap() {
        Map<String, @Nullable String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        if (names.isEmpty()) {
            return "(all)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names.get(i)).append('=').append(Objects.toString(values.get(i), "(none)"));
        }
        return sb.toString();
    }
}
