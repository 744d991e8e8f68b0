package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdSetTest {

    @Test
    void addsFindsAndRemembersTheFirstLine() {
        IdSet set = new IdSet();
        long a = IdSet.hash("r1");
        assertThat(set.addIfAbsent(a, 7)).isEqualTo(-1);
        assertThat(set.addIfAbsent(a, 9)).isEqualTo(7);
        assertThat(set.contains(a)).isTrue();
        assertThat(set.contains(IdSet.hash("r2"))).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void linesBeyondUnsignedIntAreUnknown() {
        IdSet set = new IdSet();
        set.addIfAbsent(5, 0xFFFF_FFFFL);
        set.addIfAbsent(6, 0x1_0000_0000L);
        assertThat(set.addIfAbsent(5, 1)).isEqualTo(0xFFFF_FFFFL);
        assertThat(set.addIfAbsent(6, 1)).isZero();
    }

    @Test
    void growsKeepingEveryEntryAndStaysWithinTheMemoryBound() {
        IdSet set = new IdSet();
        SplittableRandom random = new SplittableRandom(42);
        Set<Long> expected = new HashSet<>();
        for (int i = 1; i <= 200_000; i++) {
            long h = IdSet.hash("id-" + random.nextInt(150_000));
            boolean added = set.addIfAbsent(h, i) < 0;
            if (added != expected.add(h)) {
                fail("iteration " + i + ": added " + added + " but expected the opposite");
            }
            // 12 bytes per slot, at most 32 bytes per id once the table has grown.
            if (set.size() > 1024 && set.capacity() * 12L > 32L * set.size()) {
                fail("capacity " + set.capacity() + " for " + set.size() + " ids");
            }
        }
        assertThat(set.size()).isEqualTo(expected.size());
        long[] sorted = expected.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(set.sortedHashes()).isEqualTo(sorted);
    }

    @Test
    void hashIsNeverZeroAndSeparatesSimilarIds() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long h = IdSet.hash(Integer.toString(i));
            assertThat(h).isNotZero();
            hashes.add(h);
        }
        hashes.add(IdSet.hash(""));
        hashes.add(IdSet.hash("\0"));
        hashes.add(IdSet.hash("\0\0"));
        assertThat(hashes).hasSize(100_003);
        char[] chars = "xx-abc-yy".toCharArray();
        assertThat(IdSet.hash(chars, 3, 3)).isEqualTo(IdSet.hash("abc"));
    }
}
