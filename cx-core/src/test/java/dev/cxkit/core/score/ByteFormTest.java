package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte format of version 1 ({@code docs/format.md}) for rating distributions and score tables:
 * golden bytes written from the specification alone ({@code src/test/python/golden_bytes.py},
 * which computes CRC-32C bit by bit), round trips and merges over seeded random cases, and bad
 * bytes that must fail loudly.
 */
class ByteFormTest {

    // Golden bytes of version 1: changing the encoder must not change these (formats are forever).
    static final String NPS_GOLDEN = "4358010100000a09060000010203040506070809ac023864a5c3";
    static final String CSAT_WEIGHTED_GOLDEN = "435801010101050403010100000201000000000000e03f0000000000000000"
            + "00000000000000000000000000000840000000000000f43f000000000040194038d738c6";
    static final String CES_TABLE_GOLDEN = "43580102020107050400020b746f756368706f696e74096c6f636174696f6e"
            + "0208636f756e746572054c796f6e000001000205820106636166c3a90001000000000000bf7f4182";

    private static final HexFormat HEX = HexFormat.of();

    static RatingDistribution npsGolden() {
        return RatingDistribution.ofCounts(Metric.NPS, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 300);
    }

    static RatingDistribution csatWeightedGolden() {
        ScoreAccumulator csat = ScoreAccumulator.of(Metric.CSAT);
        csat.record(1, 0.5);
        csat.record(4, 1.5);
        csat.record(4, 1.5);
        csat.record(5, 1.25);
        return csat.snapshot();
    }

    static ScoreTable cesTableGolden() {
        ScoreTable table = ScoreTable.create(Metric.CES, "touchpoint", "location");
        int counter = table.group("counter", "Lyon");
        int cafe = table.group(Arrays.asList("café", null));
        table.record(counter, 3);
        for (int i = 0; i < 2; i++) {
            table.record(counter, 5);
        }
        for (int i = 0; i < 5; i++) {
            table.record(counter, 6);
        }
        for (int i = 0; i < 130; i++) {
            table.record(counter, 7);
        }
        table.record(cafe, 1);
        return table;
    }

    @Test
    void writesTheGoldenBytesOfVersionOne() {
        assertThat(HEX.formatHex(npsGolden().toBytes())).isEqualTo(NPS_GOLDEN);
        assertThat(HEX.formatHex(csatWeightedGolden().toBytes())).isEqualTo(CSAT_WEIGHTED_GOLDEN);
        assertThat(HEX.formatHex(cesTableGolden().toBytes())).isEqualTo(CES_TABLE_GOLDEN);
    }

    @Test
    void readsTheGoldenBytesOfVersionOne() {
        assertThat(RatingDistribution.fromBytes(HEX.parseHex(NPS_GOLDEN))).isEqualTo(npsGolden());
        RatingDistribution csat = RatingDistribution.fromBytes(HEX.parseHex(CSAT_WEIGHTED_GOLDEN));
        assertThat(csat).isEqualTo(csatWeightedGolden());
        assertThat(csat.effectiveN()).isEqualTo(4.75 * 4.75 / 6.3125);
        ScoreTable table = ScoreTable.fromBytes(HEX.parseHex(CES_TABLE_GOLDEN));
        assertThat(table.dimensions()).containsExactly("touchpoint", "location");
        assertThat(table.snapshot()).isEqualTo(cesTableGolden().snapshot());
        assertThat(table.key(1).values()).containsExactly("café", null);
    }

    @Test
    void anNpsDistributionOfSmallCountsTakesTwentyFiveBytes() {
        assertThat(RatingDistribution.ofCounts(Metric.NPS, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 127).toBytes()).hasSize(25);
        assertThat(RatingDistribution.empty(Metric.NPS).toBytes()).hasSize(25);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0x2545F4914F6CDD1DL * (i + 1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tablesRoundTripAndMergeOnBytesAsTheyMergeInMemory(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = new Metric[] {Metric.NPS, Metric.CSAT, Metric.CES, Metric.csat(0, 10, 8)}[random.nextInt(4)];
        ScoreTable a = ScoreTablePropertyTest.table(metric,
                ScoreTablePropertyTest.events(random, metric, random.nextBoolean()));
        ScoreTable b = ScoreTablePropertyTest.table(metric,
                ScoreTablePropertyTest.events(random, metric, random.nextBoolean()));

        ScoreTable back = ScoreTable.fromBytes(a.toBytes());
        assertThat(back.snapshot()).as("seed %d", seed).isEqualTo(a.snapshot());
        assertThat(back.toBytes()).as("seed %d", seed).isEqualTo(a.toBytes());

        ScoreTable merged = ScoreTable.fromBytes(a.toBytes());
        merged.merge(b);
        byte[] onBytes = ScoreTable.mergeBytes(a.toBytes(), b.toBytes());
        assertThat(onBytes).as("seed %d", seed).isEqualTo(merged.toBytes());
        assertThat(ScoreTable.fromBytes(onBytes).scores(ScoreOptions.defaults()))
                .as("seed %d", seed).isEqualTo(merged.scores(ScoreOptions.defaults()));

        for (int g = 0; g < a.groupCount(); g++) {
            RatingDistribution d = a.snapshot(g);
            assertThat(RatingDistribution.fromBytes(d.toBytes())).as("seed %d", seed).isEqualTo(d);
            RatingDistribution other = b.groupCount() > 0 ? b.snapshot(random.nextInt(b.groupCount())) : d;
            assertThat(RatingDistribution.fromBytes(RatingDistribution.mergeBytes(d.toBytes(), other.toBytes())))
                    .as("seed %d", seed).isEqualTo(d.plus(other));
        }
    }

    @Test
    void aTableOfAGroupedSnapshotHoldsTheSameDistributions() {
        ScoreTable table = cesTableGolden();
        table.record(table.group("kiosk", "Paris"), 4, 2.5);
        Map<GroupKey, RatingDistribution> snapshot = table.snapshot();
        ScoreTable copy = ScoreTable.of(Metric.CES, table.dimensions(), snapshot);
        assertThat(copy.snapshot()).isEqualTo(snapshot);
        assertThat(copy.toBytes()).isEqualTo(table.toBytes());
        assertThatThrownBy(() -> ScoreTable.of(Metric.CES, List.of("touchpoint"), snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not keyed by [touchpoint]");
        assertThatThrownBy(() -> ScoreTable.of(Metric.NPS, table.dimensions(), snapshot))
                .hasMessageContaining("cannot add ces ratings to a nps table");
    }

    @Test
    void everyFlippedBitIsCaught() {
        for (String golden : List.of(NPS_GOLDEN, CSAT_WEIGHTED_GOLDEN, CES_TABLE_GOLDEN)) {
            byte[] bytes = HEX.parseHex(golden);
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                byte[] bad = bytes.clone();
                bad[bit / 8] ^= (byte) (1 << (bit % 8));
                int at = bit;
                assertThatThrownBy(() -> read(bad)).as("bit %d of %s", at, golden)
                        .isInstanceOf(ByteFormatException.class);
            }
        }
    }

    @Test
    void everyCutIsCaught() {
        for (String golden : List.of(NPS_GOLDEN, CSAT_WEIGHTED_GOLDEN, CES_TABLE_GOLDEN)) {
            byte[] bytes = HEX.parseHex(golden);
            for (int length = 0; length < bytes.length; length++) {
                byte[] cut = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> read(cut)).as("%d bytes of %s", length, golden)
                        .isInstanceOf(ByteFormatException.class);
            }
        }
    }

    private static Object read(byte[] bytes) {
        return bytes.length > 3 && bytes[3] == 2 ? ScoreTable.fromBytes(bytes) : RatingDistribution.fromBytes(bytes);
    }

    /** Changes the body and writes a valid checksum, to reach the checks behind the envelope. */
    private static byte[] resealed(String golden, int offset, int... values) {
        byte[] bytes = HEX.parseHex(golden);
        for (int i = 0; i < values.length; i++) {
            bytes[offset + i] = (byte) values[i];
        }
        return reseal(bytes);
    }

    private static byte[] reseal(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int sum = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            bytes[bytes.length - 4 + i] = (byte) (sum >>> (8 * i));
        }
        return bytes;
    }

    @Test
    void badBytesGetMessagesThatSayWhatIsWrong() {
        assertThatThrownBy(() -> RatingDistribution.fromBytes("not cxkit bytes".getBytes()))
                .isInstanceOf(ByteFormatException.class).hasMessageContaining("not cxkit bytes");
        assertThatThrownBy(() -> ScoreTable.fromBytes(HEX.parseHex(NPS_GOLDEN)))
                .hasMessage("expected a score table, found a rating distribution");
        assertThatThrownBy(() -> RatingDistribution.fromBytes(resealed(NPS_GOLDEN, 2, 2)))
                .hasMessage("format version 2 is newer than the version this library reads (1)");
        assertThatThrownBy(() -> RatingDistribution.fromBytes(resealed(NPS_GOLDEN, 4, 3)))
                .hasMessageContaining("at byte 9: metric kind 3 is none of");
        assertThatThrownBy(() -> RatingDistribution.fromBytes(resealed(NPS_GOLDEN, 5, 1)))
                .hasMessageContaining("is not one this library defines");
        assertThatThrownBy(() -> RatingDistribution.fromBytes(resealed(NPS_GOLDEN, 9, 2)))
                .hasMessageContaining("flags 0x2");
        byte[] longer = Arrays.copyOf(HEX.parseHex(NPS_GOLDEN), 27);
        longer[22] = 0;
        assertThatThrownBy(() -> RatingDistribution.fromBytes(reseal(longer)))
                .hasMessageContaining("1 bytes after the end of the body");
        // weights that are not positive where responses are
        byte[] weights = HEX.parseHex(CSAT_WEIGHTED_GOLDEN);
        weights[22] = (byte) 0x80; // the sign bit of the first weight: -0.5
        assertThatThrownBy(() -> RatingDistribution.fromBytes(reseal(weights)))
                .isInstanceOf(ByteFormatException.class).hasMessageContaining("inconsistent");
        // squared weights that no set of weights could have: n_eff would exceed n
        byte[] squares = HEX.parseHex(CSAT_WEIGHTED_GOLDEN);
        squares[squares.length - 5] = 0x3F; // 6.3125 becomes a much smaller number
        assertThatThrownBy(() -> RatingDistribution.fromBytes(reseal(squares)))
                .hasMessageContaining("does not fit weights");
        // a group count that cannot fit: no large allocation, a message
        byte[] groups = HEX.parseHex(CES_TABLE_GOLDEN);
        int at = 4 + 5 + 1 + 1 + 11 + 9; // header, metric, flags, dimension count, "touchpoint", "location"
        assertThat(groups[at]).isEqualTo((byte) 2);
        byte[] many = new byte[groups.length + 4];
        System.arraycopy(groups, 0, many, 0, at);
        many[at] = (byte) 0xFF;
        many[at + 1] = (byte) 0xFF;
        many[at + 2] = (byte) 0xFF;
        many[at + 3] = (byte) 0xFF;
        many[at + 4] = 0x07;
        System.arraycopy(groups, at + 1, many, at + 5, groups.length - at - 1);
        assertThatThrownBy(() -> ScoreTable.fromBytes(reseal(many)))
                .hasMessageContaining("groups cannot fit in the");
        assertThatThrownBy(() -> RatingDistribution.mergeBytes(npsGolden().toBytes(), csatWeightedGolden().toBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot combine nps with csat");
    }

    @Test
    void countsUpToTheLargestLongRoundTrip() {
        RatingDistribution big = RatingDistribution.ofCounts(Metric.CSAT, Long.MAX_VALUE - 3, 1, 1, 1, 0);
        assertThat(RatingDistribution.fromBytes(big.toBytes())).isEqualTo(big);
        assertThat(big.toBytes()).hasSize(4 + 5 + 1 + 9 + 4 + 4);
    }
}
