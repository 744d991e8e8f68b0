package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static dev.cxkit.cli.CliRun.withStdin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ScoreCommandTest {

    @TempDir
    Path dir;

    /** 5 promoters, 3 passives, 2 detractors: NPS = 50% − 20% = 30 points, n = 10. */
    private static final String NPS_30 = "response_id,metric,score,location\n"
            + "r1,nps,9,York\nr2,nps,10,York\nr3,nps,9,Leeds\nr4,nps,10,Leeds\nr5,nps,9,\n"
            + "r6,nps,7,York\nr7,nps,8,Leeds\nr8,nps,7,\n"
            + "r9,nps,0,York\nr10,nps,6,Leeds\n";

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The responses and R values of {@code LinearizedMeanTest}: {@code confint(svymean(~y,
     * svydesign(ids = ~cust, weights = ~w, data = d)))} = [-70.3313087623786, 41.9102561307996].
     */
    @Test
    void clusterByGivesTheDesignBasedIntervalOfRsSurvey() throws IOException {
        int[] ratings = {10, 9, 3, 7, 10, 6, 2, 9, 8, 10, 5, 9, 0, 10};
        String[] weights = {"1.2", "0.8", "2.5", "1", "1", "0.6", "3", "1.4", "0.9", "1.1", "2", "0.7", "1.8", "1"};
        String[] customers = {"a", "a", "b", "c", "c", "c", "d", "e", "f", "f", "g", "h", "h", "i"};
        StringBuilder csv = new StringBuilder("metric,score,weight,customer_id\n");
        for (int i = 0; i < ratings.length; i++) {
            csv.append("nps,").append(ratings[i]).append(',').append(weights[i]).append(',').append(customers[i])
                    .append('\n');
        }
        Path file = write("clustered.csv", csv.toString());
        CliRun r = run("score", file.toString(), "--cluster-by", "customer_id", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode interval = r.json().get("results").get(0).get("interval");
        assertThat(interval.get("method").asString()).isEqualTo("linearized");
        assertThat(interval.get("lower").asDouble()).isCloseTo(-70.3313087623786, within(1e-6));
        assertThat(interval.get("upper").asDouble()).isCloseTo(41.9102561307996, within(1e-6));
        CliRun table = run("score", file.toString(), "--cluster-by", "customer_id");
        assertThat(table.out()).contains("nps linearized by customer_id");
        CliRun both = run("score", file.toString(), "--cluster-by", "customer_id", "--interval", "wald");
        assertThat(both.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(both.err()).contains("leave out --interval");
    }

    @Test
    void anOlderExcelsCsvIsReadWithEncodingAndItsSemicolons() throws IOException {
        String text = "response_id;metric;score;location\nr1;nps;9;Zürich\nr2;nps;3;Zürich\nr3;nps;10;Köln\n";
        Path file = dir.resolve("excel.csv");
        Files.write(file, text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        CliRun r = run("score", file.toString(), "--encoding", "windows-1252", "--by", "location", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("results")).extracting(n -> n.get("group").get("location").asString())
                .containsExactlyInAnyOrder("Zürich", "Köln");
        assertThat(r.json().get("rows").get("rejected").asLong()).isZero();
        // without --encoding every row is rejected: that is not a success
        CliRun utf8 = run("score", file.toString());
        assertThat(utf8.exit()).isEqualTo(Cx.EXIT_REJECTED);
        assertThat(utf8.err()).contains("not valid UTF-8 (save the file as UTF-8, or read it in its encoding, for "
                + "example windows-1252)").contains("cx: every row read was rejected (3): nothing was scored");
        assertThat(utf8.out()).contains("Rows: 3 read, 0 accepted, 3 rejected.");
        CliRun unknown = run("score", file.toString(), "--encoding", "klingon");
        assertThat(unknown.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(unknown.err()).contains("--encoding klingon is not an encoding Java knows");
    }

    @Test
    void jsonOfAHandComputedNps() throws IOException {
        Path file = write("nps.csv", NPS_30);
        CliRun r = run("score", file.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode root = r.json();
        assertThat(root.get("results").size()).isEqualTo(1);
        JsonNode nps = root.get("results").get(0);
        assertThat(nps.get("metric").asString()).isEqualTo("nps");
        assertThat(nps.get("group").size()).isZero();
        assertThat(nps.get("n").asLong()).isEqualTo(10);
        assertThat(nps.get("weightedN").asDouble()).isEqualTo(10.0);
        assertThat(nps.get("effectiveN").asDouble()).isEqualTo(10.0);
        assertThat(nps.get("value").asDouble()).isCloseTo(30.0, within(1e-9));
        assertThat(nps.get("lowSample").asBoolean()).isTrue();
        assertThat(nps.has("agreeShare")).isFalse();
        JsonNode counts = nps.get("counts");
        assertThat(counts.propertyNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(counts.get("0").asLong()).isEqualTo(1);
        assertThat(counts.get("6").asLong()).isEqualTo(1);
        assertThat(counts.get("7").asLong()).isEqualTo(2);
        assertThat(counts.get("8").asLong()).isEqualTo(1);
        assertThat(counts.get("9").asLong()).isEqualTo(3);
        assertThat(counts.get("10").asLong()).isEqualTo(2);
        assertThat(counts.get("5").asLong()).isZero();
        // Adjusted Wald (Rocks 2016) by hand: add 0.75 promoters, 1.5 passives, 0.75 detractors.
        double p = 5.75 / 13;
        double d = 2.75 / 13;
        double centre = 100 * (p - d);
        double half = 100 * 1.959963984540054 * Math.sqrt((p + d - (p - d) * (p - d)) / 13);
        JsonNode interval = nps.get("interval");
        assertThat(interval.get("method").asString()).isEqualTo("adjusted-wald");
        assertThat(interval.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(interval.get("lower").asDouble()).isCloseTo(centre - half, within(1e-6));
        assertThat(interval.get("upper").asDouble()).isCloseTo(centre + half, within(1e-6));
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(10);
        assertThat(root.get("rows").get("accepted").asLong()).isEqualTo(10);
        assertThat(root.get("rows").get("rejected").asLong()).isZero();
        assertThat(root.get("rejected").size()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonGroupsWithMissingValuesAndCesAgreeShare() throws IOException {
        Path file = write("mixed.csv", NPS_30 + "r11,ces,6,York\nr12,ces,2,York\nr13,ces,5,York\nr14,csat,5,\n");
        CliRun r = run("score", file.toString(), "--by", "location", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> seen = new ArrayList<>();
        for (JsonNode result : r.json().get("results")) {
            JsonNode location = result.get("group").get("location");
            seen.add(result.get("metric").asString() + ":" + (location.isNull() ? "null" : location.asString()) + ":"
                    + result.get("n").asLong());
        }
        assertThat(seen).containsExactly("nps:Leeds:4", "nps:York:4", "nps:null:2", "csat:null:1", "ces:York:3");
        JsonNode ces = r.json().get("results").get(4);
        assertThat(ces.get("value").asDouble()).isCloseTo(13.0 / 3, within(1e-9));
        assertThat(ces.get("agreeShare").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(ces.get("interval").get("method").asString()).isEqualTo("t");
        assertThat(ces.get("counts").propertyNames()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        JsonNode csat = r.json().get("results").get(3);
        assertThat(csat.get("value").asDouble()).isEqualTo(100.0);
        assertThat(csat.get("interval").get("method").asString()).isEqualTo("wilson");
    }

    @Test
    void cesWithOneResponseHasAValueAndNoInterval() throws IOException {
        Path file = write("one.csv", "metric,score\nces,4\n");
        JsonNode ces = run("score", file.toString(), "--format", "json").json().get("results").get(0);
        assertThat(ces.get("value").asDouble()).isEqualTo(4.0);
        assertThat(ces.get("interval").isNull()).isTrue();
        assertThat(ces.get("agreeShare").asDouble()).isZero();
    }

    @Test
    void weightedResponsesReportKishEffectiveN() throws IOException {
        Path file = write("w.csv", "metric,score,weight\ncsat,5,1\ncsat,4,2\ncsat,1,3\n");
        CliRun r = run("score", file.toString(), "--format", "json");
        JsonNode csat = r.json().get("results").get(0);
        assertThat(csat.get("n").asLong()).isEqualTo(3);
        assertThat(csat.get("weightedN").asDouble()).isEqualTo(6.0);
        assertThat(csat.get("effectiveN").asDouble()).isCloseTo(36.0 / 14, within(1e-9));
        assertThat(csat.get("value").asDouble()).isCloseTo(50.0, within(1e-9));
        CliRun table = run("score", file.toString());
        assertThat(table.out()).contains("eff. n").contains("2.6").contains("LOW-SAMPLE: effective n below 30.");
    }

    @Test
    void tableShowsAlignedColumnsIntervalsAndRowCounts() throws IOException {
        Path file = write("nps.csv", NPS_30);
        CliRun r = run("score", file.toString(), "--by", "location");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("metric\\s+location\\s+n\\s+value\\s+95% interval");
        assertThat(lines.get(1)).matches("nps\\s+Leeds\\s+4\\s+25\\.0\\s+\\[-?\\d+\\.\\d, \\d+\\.\\d\\]\\s+LOW-SAMPLE");
        assertThat(lines.get(3)).startsWith("nps     (none)");
        assertThat(lines.get(1).indexOf("LOW-SAMPLE")).isEqualTo(lines.get(2).indexOf("LOW-SAMPLE"));
        assertThat(r.out()).contains("Intervals: 95%; nps adjusted-wald (points).")
                .contains("Rows: 10 read, 10 accepted, 0 rejected.");
    }

    @Test
    void csvPutsGroupColumnsFirst() throws IOException {
        Path file = write("nps.csv", NPS_30);
        CliRun r = run("score", file.toString(), "--by", "location", "--format", "csv");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("location,metric,n,weighted_n,effective_n,value,interval_method,confidence,"
                + "lower,upper,low_sample,agree_share,count_0,count_1,count_2,count_3,count_4,count_5,count_6,count_7,"
                + "count_8,count_9,count_10");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("Leeds,nps,4,4,4,25,adjusted-wald,0.95,").endsWith(",true,,0,0,0,0,0,0,1,0,1,1,1");
        assertThat(lines.get(3)).startsWith(",nps,2,2,2,50,");
    }

    @Test
    void periodGroupsInTheGivenZone() throws IOException {
        Path file = write("t.jsonl", "{\"metric\":\"csat\",\"score\":5,\"submitted_at\":\"2026-01-31T23:30:00Z\"}\n"
                + "{\"metric\":\"csat\",\"score\":1,\"submitted_at\":\"2026-02-01T10:00:00Z\"}\n");
        CliRun utc = run("score", file.toString(), "--period", "month", "--format", "json");
        assertThat(utc.json().get("results")).extracting(n -> n.get("group").get("period").asString())
                .containsExactly("2026-01", "2026-02");
        CliRun tokyo = run("score", file.toString(), "--period", "month", "--zone", "Asia/Tokyo", "--format", "json");
        assertThat(tokyo.json().get("results")).extracting(n -> n.get("group").get("period").asString())
                .containsExactly("2026-02");
        CliRun badZone = run("score", file.toString(), "--period", "month", "--zone", "Mars/Olympus");
        assertThat(badZone.exit()).isEqualTo(2);
        assertThat(badZone.err()).contains("cx: Invalid value for option '--zone': unknown time zone 'Mars/Olympus'");
    }

    @Test
    void metricFilterScoresOneMetric() throws IOException {
        Path file = write("mixed.csv", NPS_30 + "r11,ces,6,York\n");
        CliRun r = run("score", file.toString(), "--metric", "CES", "--format", "json");
        assertThat(r.json().get("results")).extracting(n -> n.get("metric").asString()).containsExactly("ces");
        assertThat(r.json().get("rows").get("accepted").asLong()).isEqualTo(11);
        assertThat(run("score", file.toString(), "--metric", "ces").out())
                .contains("Rows: 11 read, 11 accepted, 0 rejected; 10 of other metrics not scored.");
    }

    @Test
    void rejectedRowsAreReportedAndScoringGoesOn() throws IOException {
        Path file = write("bad.csv", NPS_30 + "r11,nps,11,York\nr12,nsp,9,York\nr3,nps,9,York\n");
        CliRun r = run("score", file.toString(), "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode root = r.json();
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(13);
        assertThat(root.get("rows").get("accepted").asLong()).isEqualTo(10);
        assertThat(root.get("rows").get("rejected").asLong()).isEqualTo(2);
        assertThat(root.get("rows").get("duplicates").asLong()).isEqualTo(1);
        JsonNode first = root.get("rejected").get(0);
        assertThat(first.get("source").asString()).isEqualTo(file.toString());
        assertThat(first.get("line").asLong()).isEqualTo(12);
        assertThat(first.get("reason").asString()).isEqualTo("score 11 is outside 0..10 for metric nps");
        assertThat(root.get("rejected").get(2).get("reason").asString())
                .isEqualTo("duplicate response_id 'r3' for nps (first seen on line 4)");
        assertThat(root.get("results").get(0).get("n").asLong()).isEqualTo(10);
        assertThat(r.err()).contains("cx: rejected 3 of 13 rows (1 as duplicates):")
                .contains(file + " line 12: score 11 is outside 0..10 for metric nps")
                .contains(file + " line 13: unknown metric 'nsp' (expected nps, csat or ces)");
    }

    @Test
    void stderrListsTheFirstTenRejectionsThenCounts() throws IOException {
        StringBuilder text = new StringBuilder("metric,score\n");
        for (int i = 0; i < 25; i++) {
            text.append("nps,").append(20 + i).append('\n');
        }
        Path file = write("many.csv", text.toString());
        CliRun r = run("score", file.toString());
        assertThat(r.exit()).as("every row rejected").isEqualTo(Cx.EXIT_REJECTED);
        assertThat(r.err().lines().filter(l -> l.startsWith("  " + file + " line "))).hasSize(10);
        assertThat(r.err()).contains("  ... and 15 more (write them all with --rejects FILE)");
        assertThat(r.out()).contains("Rows: 25 read, 0 accepted, 25 rejected.");
    }

    @Test
    void jsonKeepsTheFirstThousandRejections() throws IOException {
        StringBuilder text = new StringBuilder("metric,score\n");
        for (int i = 0; i < 1005; i++) {
            text.append("nps,x\n");
        }
        Path file = write("lots.csv", text.toString());
        JsonNode root = run("score", file.toString(), "--format", "json").json();
        assertThat(root.get("rejected").size()).isEqualTo(1000);
        assertThat(root.get("rows").get("rejected").asLong()).isEqualTo(1005);
        assertThat(root.get("rejected").get(999).get("line").asLong()).isEqualTo(1001);
    }

    @Test
    void rejectsFileHoldsTheRowsVerbatimUnderTheHeader() throws IOException {
        String header = "response_id,metric,score,comment";
        String multiLine = "r3,nps,12,\"two\nlines, with \"\"quotes\"\"\"";
        Path file = write("in.csv", header + "\r\nr1,nps,9,ok\r\nr2,nps,ten,\"a, b\"\r\n" + multiLine + "\r\nr4,nps,7,ok\r\n");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = run("score", file.toString(), "--rejects", rejects.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(rejects)).isEqualTo(header + "\nr2,nps,ten,\"a, b\"\n" + multiLine + "\n");
        assertThat(r.err()).contains("cx: rejected rows written to " + rejects);
        // Fixed and fed again, the rejects file reads as CSV with the same columns.
        Files.writeString(rejects, Files.readString(rejects).replace(",ten,", ",10,").replace(",12,", ",8,"));
        CliRun again = run("score", rejects.toString(), "--format", "json");
        assertThat(again.json().get("rows").get("accepted").asLong()).isEqualTo(2);
    }

    @Test
    void rejectsOfJsonLinesHaveNoHeader() throws IOException {
        Path file = write("in.jsonl", "{\"metric\":\"nps\",\"score\":9}\n{\"metric\":\"nps\",\"score\":99}\n[]\n");
        Path rejects = dir.resolve("rejects.jsonl");
        run("score", file.toString(), "--rejects", rejects.toString());
        assertThat(Files.readString(rejects)).isEqualTo("{\"metric\":\"nps\",\"score\":99}\n[]\n");
    }

    @Test
    void emptyRejectsFileWhenNothingIsRejected() throws IOException {
        Path file = write("nps.csv", NPS_30);
        Path rejects = write("old-rejects.csv", "stale\n");
        assertThat(run("score", file.toString(), "--rejects", rejects.toString()).exit()).isZero();
        assertThat(Files.readString(rejects)).isEmpty();
    }

    @Test
    void rejectsFileMustNotBeAnInput() throws IOException {
        Path file = write("nps.csv", NPS_30);
        CliRun r = run("score", file.toString(), "--rejects", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cx: --rejects " + file + " is also an input of this run; choose another path\n");
        assertThat(Files.readString(file)).isEqualTo(NPS_30);
    }

    @Test
    void strictExitsWithOneAndPrintsNoScores() throws IOException {
        Path bad = write("bad.csv", NPS_30 + "r11,nps,11,York\n");
        CliRun r = run("score", bad.toString(), "--strict", "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + " line 12: score 11 is outside 0..10 for metric nps")
                .contains("cx: 1 row rejected and --strict is on: no scores printed");
        Path good = write("good.csv", NPS_30);
        assertThat(run("score", good.toString(), "--strict").exit()).isZero();
    }

    @Test
    void missingFileIsExitTwoWithoutAStackTrace() {
        Path missing = dir.resolve("nope.csv");
        CliRun r = run("score", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cx: cannot read " + missing + ": no such file\n");
        assertThat(r.out()).isEmpty();
        CliRun verbose = run("score", missing.toString(), "--verbose");
        assertThat(verbose.err()).startsWith("cx: cannot read ").contains("NoSuchFileException").contains("\tat ");
    }

    @Test
    void directoriesAndUnwritableRejectsAreExitTwo() throws IOException {
        CliRun directory = run("score", dir.toString());
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err()).isEqualTo("cx: cannot read " + dir + ": it is a directory\n");
        Path file = write("nps.csv", NPS_30);
        Path nowhere = dir.resolve("no/such/dir/rejects.csv");
        CliRun rejects = run("score", file.toString(), "--rejects", nowhere.toString());
        assertThat(rejects.exit()).isEqualTo(2);
        assertThat(rejects.err()).isEqualTo("cx: cannot write --rejects " + nowhere + ": no such file or directory\n");
    }

    @Test
    void unreadableHeaderIsExitTwoNamingFileAndLine() throws IOException {
        Path file = write("h.csv", "id,metric,rating\nr1,nps,9\n");
        CliRun r = run("score", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cx: " + file + " line 1: the header has no 'score' column (columns: id, metric, "
                + "rating); for one column per metric name them (--nps, --csat, --ces), for other names use "
                + "--metric-column and --score-column\n");
    }

    @Test
    void intervalThatDoesNotApplyIsAUsageError() throws IOException {
        Path file = write("nps.csv", NPS_30);
        CliRun withMetric = run("score", file.toString(), "--metric", "nps", "--interval", "wilson");
        assertThat(withMetric.exit()).isEqualTo(2);
        assertThat(withMetric.err()).isEqualTo("cx: --interval wilson does not apply to nps (nps takes wald, "
                + "adjusted-wald, score)\n");
        CliRun inFile = run("score", file.toString(), "--interval", "t");
        assertThat(inFile.exit()).isEqualTo(2);
        assertThat(inFile.err()).contains("cx: --interval t does not apply to nps");
        assertThat(inFile.out()).isEmpty();
        CliRun ok = run("score", file.toString(), "--interval", "score", "--format", "json");
        assertThat(ok.json().get("results").get(0).get("interval").get("method").asString()).isEqualTo("score");
        CliRun unknown = run("score", file.toString(), "--interval", "bayes");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("cx: Invalid value for option '--interval': unknown interval method 'bayes'");
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        Path file = write("nps.csv", NPS_30);
        assertThat(run("score", file.toString(), "--confidence", "1").err())
                .isEqualTo("cx: --confidence must be between 0 and 1 (exclusive), got 1.0\n");
        assertThat(run("score", file.toString(), "--min-n", "-3").exit()).isEqualTo(2);
        assertThat(run("score", file.toString(), "--by", "location,location").err())
                .isEqualTo("cx: --by names column 'location' twice\n");
        assertThat(run("score", file.toString(), "--format", "xml").err())
                .startsWith("cx: Invalid value for option '--format': unknown format 'xml' (expected table, json or csv)");
        CliRun unknown = run("score", "--bogus");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("cx: Unknown option: '--bogus'").doesNotContain("\tat ");
        assertThat(run("score", "-", "-").err()).isEqualTo("cx: '-' (standard input) can be given only once\n");
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run().err()).startsWith("cx: a command is required; start with 'cx report'");
    }

    @Test
    void warnsWhenAGroupingColumnHasNoValues() throws IOException {
        Path file = write("nps.csv", NPS_30);
        CliRun r = run("score", file.toString(), "--by", "stage");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("cx: warning: no response has a value for 'stage' (is the column name right?)");
    }

    @Test
    void emptyFileIsAWarning() throws IOException {
        Path file = write("empty.csv", "");
        CliRun r = run("score", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("cx: warning: " + file + " is empty: no header and no rows")
                .contains("cx: warning: no responses to score");
        assertThat(r.out()).contains("Rows: 0 read, 0 accepted, 0 rejected.");
    }

    @Test
    void readsStandardInput() {
        CliRun r = withStdin("{\"metric\":\"nps\",\"score\":10}\n{\"metric\":\"nps\",\"score\":42}\n",
                "score", "-", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("results").get(0).get("value").asDouble()).isEqualTo(100.0);
        assertThat(r.json().get("rejected").get(0).get("source").asString()).isEqualTo("stdin");
        CliRun csv = withStdin("metric,score\ncsat,4\n", "score", "-", "--input-format", "csv", "--format", "json");
        assertThat(csv.json().get("results").get(0).get("metric").asString()).isEqualTo("csat");
    }

    @Test
    void severalFilesAddUpAndShareDuplicateDetection() throws IOException {
        Path a = write("a.csv", NPS_30);
        Path b = write("b.jsonl", "{\"response_id\":\"r1\",\"metric\":\"nps\",\"score\":0}\n"
                + "{\"response_id\":\"r99\",\"metric\":\"nps\",\"score\":0}\n");
        CliRun r = run("score", a.toString(), b.toString(), "--format", "json");
        assertThat(r.json().get("results").get(0).get("n").asLong()).isEqualTo(11);
        assertThat(r.json().get("rejected").get(0).get("reason").asString())
                .isEqualTo("duplicate response_id 'r1' for nps (first seen in " + a + " line 2)");
    }

    @Test
    void allowDuplicateIdsAcceptsRepeatedResponseIds() throws IOException {
        Path a = write("a.csv", NPS_30);
        Path b = write("b.jsonl", "{\"response_id\":\"r1\",\"metric\":\"nps\",\"score\":0}\n");
        CliRun r = run("score", a.toString(), b.toString(), "--format", "json", "--allow-duplicate-ids");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("rows").get("rejected").asLong()).isZero();
        assertThat(r.json().get("results").get(0).get("n").asLong()).isEqualTo(11);
    }

    @Test
    void bundledSampleScoresWithoutRejectedRows() {
        CliRun r = run("score", "--format", "json", "--by", "location,touchpoint", "--period", "month");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode root = r.json();
        assertThat(root.get("rows").get("rejected").asLong()).isZero();
        assertThat(root.get("rows").get("read").asLong()).isGreaterThan(2000);
        assertThat(root.get("warnings").size()).isZero();
        assertThat(root.get("results")).extracting(n -> n.get("metric").asString()).contains("nps", "csat", "ces");
        long n = 0;
        for (JsonNode result : root.get("results")) {
            n += result.get("n").asLong();
        }
        assertThat(n).isEqualTo(root.get("rows").get("accepted").asLong());
        assertThat(r.err()).isEqualTo("cx: no FILE given: scoring the bundled sample responses (sample-responses.csv)\n");
    }

    @Test
    void helpListsOptionsWithDefaultsAndAnExample() {
        CliRun r = run("score", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--metric=nps|csat|ces", "--by=COL[,COL...]", "--period=day|week|month|quarter",
                "--interval=METHOD", "--rejects=FILE", "--strict", "--input-format=csv|jsonl")
                .contains("Default: UTC").contains("Default: 0.95").contains("Default: 30").contains("Default: table")
                .contains("Example:").contains("cx score responses.csv");
        CliRun top = run("--help");
        assertThat(top.out()).contains("score").contains("compare").contains("Exit codes");
        assertThat(run("compare", "--help").out()).contains("Default: 0.95").contains("Example:");
    }

    @Test
    void versionFallsBackToDev() {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        // Run from classes there is no manifest; the shaded jar prints its Implementation-Version.
        assertThat(r.out().trim()).matches("cx (dev|\\d+\\.\\d+\\.\\d+.*)");
    }
}
