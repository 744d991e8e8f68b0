package dev.cxkit.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map of a few entries in one array, in the order given: what a response's
 * attributes are (a comment, a stage), so that a response waiting in memory for its journey costs
 * two small objects for them instead of a {@code LinkedHashMap} with a node per entry and a wrapper.
 * Lookups scan the array, which is faster than hashing for the handful of entries it is meant for.
 * Equal to any {@code Map} with the same entries ({@link AbstractMap}'s contract). Null values are
 * allowed; null keys are not.
 *
 * <p>Immutable and thread-safe.
 */
public final class SmallMap<K, V> extends AbstractMap<K, V> {

    private static final SmallMap<?, ?> EMPTY = new SmallMap<>(new Object[0]);

    /** Keys at even indexes, their values after them. */
    private final Object[] entries;

    private SmallMap(Object[] entries) {
        this.entries = entries;
    }

    /**
     * Returns an unmodifiable copy of a map, in its iteration order.
     *
     * @param map the map, without null keys
     * @param <K> the key type
     * @param <V> the value type
     * @return the copy
     * @throws NullPointerException if a key is null
     */
    @SuppressWarnings("unchecked")
    public static <K, V> SmallMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof SmallMap) {
            return (SmallMap<K, V>) map;
        }
        if (map.isEmpty()) {
            return (SmallMap<K, V>) EMPTY;
        }
        Object[] entries = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            entries[i++] = Objects.requireNonNull(e.getKey(), "key");
            entries[i++] = e.getValue();
        }
        return new SmallMap<>(entries);
    }

    @Override
    public int size() {
        return entries.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) entries[i + 1];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return entries.length / 2;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < entries.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<K, V> e = new SimpleImmutableEntry<>((K) entries[next], (V) entries[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }
        };
    }
}
