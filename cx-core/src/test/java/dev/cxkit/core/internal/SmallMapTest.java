package dev.cxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmallMapTest {

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    /** Behaves as the LinkedHashMap it copies: order, lookups, equality both ways, hash code. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void actsAsTheMapItCopies(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, String> source = new LinkedHashMap<>();
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            source.put("k" + random.nextInt(10), random.nextInt(5) == 0 ? null : "v" + random.nextInt(100));
        }
        SmallMap<String, String> copy = SmallMap.copyOf(source);
        assertThat(copy).as("seed %d", seed).isEqualTo(source).hasSameHashCodeAs(source);
        assertThat(source).as("seed %d", seed).isEqualTo(copy);
        assertThat(List.copyOf(copy.keySet())).as("seed %d: order", seed).isEqualTo(List.copyOf(source.keySet()));
        for (int k = 0; k < 10; k++) {
            String key = "k" + k;
            assertThat(copy.containsKey(key)).as("seed %d, %s", seed, key).isEqualTo(source.containsKey(key));
            assertThat(copy.get(key)).as("seed %d, %s", seed, key).isEqualTo(source.get(key));
        }
        assertThat(copy.toString()).isEqualTo(source.toString());
    }

    @Test
    void isUnmodifiableAndRefusesNullKeys() {
        SmallMap<String, String> copy = SmallMap.copyOf(Map.of("a", "1"));
        assertThatThrownBy(() -> copy.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> withNull = new HashMap<>();
        withNull.put(null, "x");
        assertThatThrownBy(() -> SmallMap.copyOf(withNull)).isInstanceOf(NullPointerException.class);
        assertThat(SmallMap.copyOf(copy)).isSameAs(copy);
    }
}
