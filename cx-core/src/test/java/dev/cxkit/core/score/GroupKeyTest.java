package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupKeyTest {

    @Test
    void namesValuesMapsAndPrints() {
        GroupKey key = GroupKey.of(List.of("touchpoint", "period"), Arrays.asList("counter", null));
        assertThat(key.value("touchpoint")).isEqualTo("counter");
        assertThat(key.value("period")).isNull();
        assertThat(key.asMap()).containsExactly(java.util.Map.entry("touchpoint", "counter"),
                new java.util.AbstractMap.SimpleEntry<>("period", null));
        assertThat(key).hasToString("touchpoint=counter, period=(none)");
        assertThat(GroupKey.of(List.of("a"), List.of("x"))).hasToString("a=x");
        assertThatThrownBy(() -> key.value("store")).hasMessageContaining("no dimension 'store' in [touchpoint, period]");
    }

    @Test
    void theEmptyKeyIsNone() {
        assertThat(GroupKey.of(List.of(), List.of())).isSameAs(GroupKey.NONE);
        assertThat(GroupKey.NONE).hasToString("(all)");
        assertThat(GroupKey.NONE.asMap()).isEmpty();
        assertThat(GroupKey.of(List.of("a"), List.of("x"))).isNotSameAs(GroupKey.NONE);
        assertThatThrownBy(() -> GroupKey.of(List.of("a"), List.of())).hasMessageContaining("differ in size");
        assertThatThrownBy(() -> GroupKey.of(List.of(), List.of("x"))).hasMessageContaining("differ in size");
    }
}
