package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandOffTest {

    @Test
    void everyRecordArrivesInOrderOnOneOtherThreadBeforeCloseReturns() {
        List<Integer> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int n = 10 * HandOff.BATCH + 17;
        try (HandOff<Integer> handOff = HandOff.to(i -> {
            seen.add(i);
            if (threads.isEmpty() || threads.get(threads.size() - 1) != Thread.currentThread()) {
                threads.add(Thread.currentThread());
            }
        }, "test-hand-off")) {
            for (int i = 0; i < n; i++) {
                handOff.accept(i);
            }
        }
        assertThat(seen).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
    }

    @Test
    void whatTheConsumerThrowsReachesTheGiverAndTheRestIsNotConsumed() {
        AtomicInteger consumed = new AtomicInteger();
        HandOff<Integer> handOff = HandOff.to(i -> {
            if (i == 5) {
                throw new IllegalArgumentException("record 5 is bad");
            }
            consumed.incrementAndGet();
        }, "test-hand-off");
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100 * HandOff.BATCH; i++) {
                handOff.accept(i);
            }
            handOff.close();
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("record 5 is bad");
        assertThat(consumed.get()).isEqualTo(5);
        assertThatThrownBy(handOff::close).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingGivenIsFine() {
        List<String> seen = new ArrayList<>();
        HandOff<String> handOff = HandOff.to(seen::add, "test-hand-off");
        handOff.close();
        handOff.close();
        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> handOff.accept("late")).isInstanceOf(IllegalStateException.class);
    }
}
