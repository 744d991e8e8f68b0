package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random files with random bad rows: every row is accepted or rejected, the accepted responses are
 * exactly the good rows written, and the rejected lines are exactly the bad ones.
 */
class ResponseReaderPropertyTest {

    private static final Metric[] METRICS = {Metric.NPS, Metric.CSAT, Metric.CES};
    private static final String[] LOCATIONS = {"Leeds", "York, North", "Hull", "Gen\u00e8ve", "the \"Shambles\" branch",
        "two\nlines", "crlf\r\ninside"};
    private static final String[] WEIGHTS = {"0.5", "2", "1.25", "3e-1"};
    private static final String[] COLUMNS = {"response_id", "metric", "score", "location", "weight", "submitted_at",
        "note"};

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /** The file and what reading it must give. */
    record Generated(String text, List<Response> good, List<Long> badLines) {
    }

    /** One row's values, by column name order of {@link #COLUMNS}. */
    private static final class Row {
        String[] values = new String[COLUMNS.length];
        Response expected;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acceptedAreTheGoodRowsAndRejectedTheBadLines(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        boolean csv = random.nextBoolean();
        Generated g = csv ? csv(random) : jsonLines(random);
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary summary = ResponseReader.create().read(
                new ByteArrayInputStream(g.text().getBytes(StandardCharsets.UTF_8)), csv ? "p.csv" : "p.jsonl",
                accepted::add, rejected::add);
        String description = "seed " + seed + (csv ? " (csv)" : " (jsonl)");
        assertThat(summary.read()).as(description + ": read = accepted + rejected + duplicates")
                .isEqualTo(summary.accepted() + summary.rejected() + summary.duplicates());
        assertThat(summary.rejected() + summary.duplicates()).as(description).isEqualTo(rejected.size());
        assertThat(rejected.stream().filter(r -> r.reason().startsWith("duplicate ")).count()).as(description)
                .isEqualTo(summary.duplicates());
        assertThat(accepted).as(description + ": accepted responses\n" + rejected)
                .containsExactlyElementsOf(g.good());
        assertThat(rejected).as(description + ": rejected lines").extracting(Rejection::line)
                .containsExactlyElementsOf(g.badLines());
    }

    private static Row goodRow(SplittableRandom random, int id) {
        Row row = new Row();
        Metric metric = METRICS[random.nextInt(3)];
        int score = metric.min() + random.nextInt(metric.points());
        Response.Builder b = Response.builder(metric, score);
        String[] v = row.values;
        if (random.nextInt(4) > 0) {
            v[0] = "r" + id;
            b.responseId(v[0]);
        }
        v[1] = random.nextBoolean() ? metric.id() : metric.id().toUpperCase(java.util.Locale.ROOT);
        v[2] = random.nextInt(5) == 0 ? score + ".0" : Integer.toString(score);
        if (random.nextBoolean()) {
            v[3] = LOCATIONS[random.nextInt(LOCATIONS.length)];
            b.location(v[3]);
        }
        if (random.nextInt(3) == 0) {
            v[4] = WEIGHTS[random.nextInt(WEIGHTS.length)];
            b.weight(Double.parseDouble(v[4]));
        }
        switch (random.nextInt(4)) {
            case 0:
                break;
            case 1: {
                LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(120));
                v[5] = date.toString();
                b.submittedOn(date);
                break;
            }
            default: {
                Instant at = Instant.ofEpochSecond(1_767_225_600L + random.nextInt(10_000_000));
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-10, 11) * 1800);
                v[5] = random.nextBoolean() ? at.toString() : OffsetDateTime.ofInstant(at, offset).toString();
                b.submittedAt(at);
                break;
            }
        }
        if (random.nextInt(3) == 0) {
            v[6] = random.nextBoolean() ? "fine" : "said \"slow\", then\nleft";
            b.attribute("note", v[6]);
        }
        row.expected = b.build();
        return row;
    }

    /** Makes a good row bad in one of several ways common to both formats; null if it cannot. */
    private static Row badRow(SplittableRandom random, int id, List<String> usedIds, int kind) {
        Row row = goodRow(random, id);
        String[] v = row.values;
        Metric metric = Metric.parse(v[1]);
        switch (kind) {
            case 0:
                v[2] = Integer.toString(random.nextBoolean() ? metric.max() + 1 + random.nextInt(5) : metric.min() - 1);
                break;
            case 1:
                v[2] = random.nextBoolean() ? "7.5" : "seven";
                break;
            case 2:
                v[1] = "nsp";
                break;
            case 3:
                v[1] = null;
                break;
            case 4:
                v[4] = new String[] {"0", "-1", "NaN", "Infinity", "heavy"}[random.nextInt(5)];
                break;
            case 5:
                v[5] = new String[] {"2026-02-30", "2026-03-01T10:15:30", "01/03/2026", "2026-03-01T24:00:00Z"}
                        [random.nextInt(4)];
                break;
            case 6:
                if (usedIds.isEmpty()) {
                    v[2] = null;
                } else {
                    // a duplicate is the same id with the same metric: (id, metric) is the key
                    String[] used = usedIds.get(random.nextInt(usedIds.size())).split("\\|");
                    v[0] = used[0];
                    v[1] = used[1];
                }
                break;
            default:
                throw new IllegalArgumentException("kind " + kind);
        }
        row.expected = null;
        return row;
    }

    private static Generated csv(SplittableRandom random) {
        List<Integer> order = new ArrayList<>(Arrays.asList(0, 1, 2, 3, 4, 5, 6));
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        long line = 1;
        while (random.nextInt(5) == 0) {
            text.append(random.nextBoolean() ? "" : "  ").append(eol);
            line++;
        }
        List<String> header = new ArrayList<>();
        for (int c : order) {
            header.add(COLUMNS[c]);
        }
        text.append(String.join(",", header)).append(eol);
        line++;
        List<Response> good = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        List<String> usedIds = new ArrayList<>();
        int rows = random.nextInt(0, 60);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "" : " \t").append(eol);
                line++;
            }
            boolean isBad = random.nextInt(4) == 0;
            int kind = random.nextInt(10);
            Row row = isBad && kind < 7 ? badRow(random, i, usedIds, kind) : goodRow(random, i);
            String record;
            if (isBad && kind >= 7) {
                // CSV-only damage to a good row's text.
                row.values[3] = null;
                row.values[6] = null;
                List<String> cells = cells(row, order);
                int column = random.nextInt(cells.size());
                switch (kind) {
                    case 7:
                        cells.remove(column);
                        break;
                    case 8:
                        cells.set(column, "\"abc\"x");
                        break;
                    default:
                        cells.set(column, "\"abc");
                        break;
                }
                record = String.join(",", cells);
                row.expected = null;
            } else {
                record = String.join(",", cells(row, order));
            }
            if (row.expected == null) {
                bad.add(line);
            } else {
                good.add(row.expected);
                if (row.expected.responseId() != null) {
                    usedIds.add(row.expected.responseId() + "|" + row.expected.metric().id());
                }
            }
            text.append(record);
            line += lineBreaks(record) + 1;
            if (i < rows - 1 || random.nextBoolean()) {
                text.append(eol);
            }
        }
        return new Generated(text.toString(), good, bad);
    }

    private static List<String> cells(Row row, List<Integer> order) {
        List<String> cells = new ArrayList<>();
        for (int c : order) {
            String value = row.values[c];
            if (value == null) {
                cells.add("");
            } else if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                cells.add("\"" + value.replace("\"", "\"\"") + "\"");
            } else {
                cells.add(value.length() % 3 == 0 ? "\"" + value + "\"" : value.length() % 3 == 1 ? " " + value : value);
            }
        }
        return cells;
    }

    private static int lineBreaks(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length - 1;
    }

    private static Generated jsonLines(SplittableRandom random) {
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        List<Response> good = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        List<String> usedIds = new ArrayList<>();
        long line = 1;
        int rows = random.nextInt(0, 60);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "" : "   ").append(eol);
                line++;
            }
            boolean isBad = random.nextInt(4) == 0;
            int kind = random.nextInt(10);
            Row row = isBad && kind < 7 ? badRow(random, i, usedIds, kind) : goodRow(random, i);
            String json = object(row, random);
            if (isBad && kind >= 7) {
                row.expected = null;
                switch (kind) {
                    case 7:
                        json = json.substring(0, json.length() - 1);
                        break;
                    case 8:
                        json = "[" + json + "]";
                        break;
                    default:
                        json = json.substring(0, json.length() - 1) + ",\"metric\":\"nps\"}";
                        break;
                }
            }
            if (row.expected == null) {
                bad.add(line);
            } else {
                good.add(row.expected);
                if (row.expected.responseId() != null) {
                    usedIds.add(row.expected.responseId() + "|" + row.expected.metric().id());
                }
            }
            text.append(json);
            line++;
            if (i < rows - 1 || random.nextBoolean()) {
                text.append(eol);
            }
        }
        return new Generated(text.toString(), good, bad);
    }

    private static String object(Row row, SplittableRandom random) {
        List<String> members = new ArrayList<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            String value = row.values[c];
            if (value == null) {
                if (random.nextInt(3) == 0) {
                    members.add("\"" + COLUMNS[c] + "\":null");
                }
                continue;
            }
            boolean number = c == 2 && value.matches("-?[0-9]+(\\.0)?") || c == 4 && !value.matches("[A-Za-z]+");
            members.add("\"" + COLUMNS[c] + "\":" + (number && random.nextBoolean() ? value : quote(value)));
        }
        Collections.shuffle(members, new java.util.Random(random.nextLong()));
        return "{" + String.join(random.nextBoolean() ? "," : ", ", members) + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
