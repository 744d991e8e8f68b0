package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseReaderTest {

    private static final String HEADER = "response_id,metric,score,location\n";

    /** What one read produced. */
    record Result(ReadSummary summary, List<Response> accepted, List<Rejection> rejected) {
        Rejection only() {
            assertThat(rejected).hasSize(1);
            return rejected.get(0);
        }
    }

    static Result read(ResponseReader reader, String source, byte[] bytes) {
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        try {
            ReadSummary summary = reader.read(new ByteArrayInputStream(bytes), source, accepted::add, rejected::add);
            assertThat(summary.read()).as("read = accepted + rejected + duplicates + filtered + unanswered")
                    .isEqualTo(summary.accepted() + summary.rejected() + summary.duplicates() + summary.filtered()
                            + summary.unanswered());
            assertThat(summary.records()).isEqualTo(accepted.size());
            assertThat(summary.rejected() + summary.duplicates()).isEqualTo(rejected.size());
            return new Result(summary, accepted, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result csv(String text) {
        return read(ResponseReader.create(), "responses.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static Result jsonl(String text) {
        return read(ResponseReader.create(), "responses.jsonl", text.getBytes(StandardCharsets.UTF_8));
    }

    // --- CSV: valid input -------------------------------------------------------------------------

    @Test
    void semicolonAndTabSeparatedFilesAreReadByTheirHeadersSeparator() {
        Result comma = csv("response_id,metric,score,location\nr1,nps,9,Leeds\nr2,csat,\"4\",York\n");
        Result semicolon = csv("response_id;metric;score;location\nr1;nps;9;Leeds\nr2;csat;\"4\";York\n");
        Result tab = csv("response_id\tmetric\tscore\tlocation\nr1\tnps\t9\tLeeds\nr2\tcsat\t\"4\"\tYork\n");
        assertThat(comma.accepted()).hasSize(2);
        assertThat(semicolon.accepted()).isEqualTo(comma.accepted());
        assertThat(tab.accepted()).isEqualTo(comma.accepted());
        // a comma inside a ';' file is text, not a separator
        Result decimal = csv("response_id;metric;score;location\nr1;nps;9;Leeds, West\n");
        assertThat(decimal.accepted().get(0).location()).isEqualTo("Leeds, West");
        // a quoted ';' in a comma header does not make it a ';' file
        Result quoted = csv("response_id,metric,score,\"a;b;c\"\nr1,nps,9,x\n");
        assertThat(quoted.accepted().get(0).attributes()).containsEntry("a;b;c", "x");
    }

    @Test
    void readsEveryStandardFieldAndAttributes() {
        Result r = csv("response_id,customer_id,journey_id,metric,score,touchpoint,location,channel,weight,"
                + "submitted_at,stage\n"
                + "r1,c1,j1,nps,9,kitchen,Leeds,app,2.5,2026-03-01T10:15:30Z,preparation\n");
        assertThat(r.rejected()).isEmpty();
        Response expected = Response.builder(Metric.NPS, 9).responseId("r1").customerId("c1").journeyId("j1")
                .touchpoint("kitchen").location("Leeds").channel("app").weight(2.5)
                .submittedAt(Instant.parse("2026-03-01T10:15:30Z")).attribute("stage", "preparation").build();
        assertThat(r.accepted()).containsExactly(expected);
        assertThat(r.summary()).isEqualTo(new ReadSummary(1, 1, 0, List.of()));
    }

    @Test
    void onlyMetricAndScoreAreRequired() {
        Result r = csv("metric,score\nnps,10\ncsat,4\nces,7\n");
        assertThat(r.accepted()).containsExactly(Response.of(Metric.NPS, 10), Response.of(Metric.CSAT, 4),
                Response.of(Metric.CES, 7));
    }

    @Test
    void metricAndHeaderNamesAreCaseInsensitiveAndValuesTrimmed() {
        Result r = csv(" Metric , SCORE ,Location\n NPS , 9 ,  York  \nCsat,5,\n");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).extracting(Response::metric).containsExactly(Metric.NPS, Metric.CSAT);
        assertThat(r.accepted().get(0).location()).isEqualTo("York");
        assertThat(r.accepted().get(1).location()).as("empty is missing").isNull();
    }

    @Test
    void scoreWithAZeroFractionIsWhole() {
        Result r = csv("metric,score\nnps,9.0\nnps,+7\nnps,010\n");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).extracting(Response::score).containsExactly(9, 7, 10);
    }

    @Test
    void emptyAttributeValuesAreAbsentAndNamelessColumnsIgnored() {
        Result r = csv("metric,score,stage,,note\nnps,9,,ignored,hello\n");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted().get(0).attributes()).isEqualTo(Map.of("note", "hello"));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlines() {
        String text = HEADER
                + "r1,nps,9,\"York, North\"\n"
                + "r2,nps,8,\"the \"\"Shambles\"\"\nsecond line\"\n"
                + "r3 , nps , 7 , \"  padded  \"  \n"
                + "r4,nps,bad,Leeds\n";
        Result r = csv(text);
        assertThat(r.accepted()).extracting(Response::location)
                .containsExactly("York, North", "the \"Shambles\"\nsecond line", "padded");
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r1", "r2", "r3");
        Rejection bad = r.only();
        assertThat(bad.line()).as("physical line after a two-line record").isEqualTo(6);
        assertThat(bad.reason()).isEqualTo("score 'bad' is not a whole number (nor an answer label of nps; --labels maps others)");
    }

    @Test
    void rawTextOfAMultiLineRecordIsVerbatim() {
        String record = "r2,nps,11,\"two\r\nlines\"";
        Result r = csv(HEADER + record + "\r\n");
        Rejection bad = r.only();
        assertThat(bad.line()).isEqualTo(2);
        assertThat(bad.raw()).isEqualTo(record);
        assertThat(bad.header()).isEqualTo("response_id,metric,score,location");
        assertThat(bad.reason()).isEqualTo("score 11 is outside 0..10 for metric nps");
    }

    @Test
    void byteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "metric,score\nnps,9\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);
        Result r = read(ResponseReader.create(), "bom.csv", bytes);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).containsExactly(Response.of(Metric.NPS, 9));
    }

    @Test
    void crlfAndLoneCrLineEnds() {
        Result r = csv("metric,score,location\r\nnps,9,York\r\nnps,11,Leeds\r\nnps,8,Hull\rnps,x,Bath\r");
        assertThat(r.accepted()).extracting(Response::location).containsExactly("York", "Hull");
        assertThat(r.rejected()).extracting(Rejection::line).containsExactly(3L, 5L);
        assertThat(r.rejected()).extracting(Rejection::raw).containsExactly("nps,11,Leeds", "nps,x,Bath");
    }

    @Test
    void blankLinesAreSkippedNotCountedAndLinesStayPhysical() {
        Result r = csv("\n  \nmetric,score\n\nnps,9\n \t \n\nnps,12\n\n");
        assertThat(r.summary().read()).isEqualTo(2);
        assertThat(r.only().line()).isEqualTo(8);
        assertThat(r.only().reason()).isEqualTo("score 12 is outside 0..10 for metric nps");
    }

    @Test
    void lastRowWithoutLineEnd() {
        Result r = csv("metric,score\nnps,9\nces,3");
        assertThat(r.accepted()).containsExactly(Response.of(Metric.NPS, 9), Response.of(Metric.CES, 3));
    }

    @Test
    void emptyFileIsAWarningNotAnError() {
        Result r = csv("");
        assertThat(r.summary()).isEqualTo(new ReadSummary(0, 0, 0, List.of("responses.csv is empty: no header and no rows")));
        Result blank = csv("\n\n   \n");
        assertThat(blank.summary().read()).isZero();
        assertThat(blank.summary().warnings()).containsExactly("responses.csv is empty: no header and no rows");
    }

    @Test
    void headerOnlyIsZeroRows() {
        Result r = csv("metric,score\n");
        assertThat(r.summary()).isEqualTo(new ReadSummary(0, 0, 0, List.of("responses.csv has a header but no rows")));
    }

    // --- CSV: rejected rows -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "nps,11      | score 11 is outside 0..10 for metric nps",
        "nps,-1      | score -1 is outside 0..10 for metric nps",
        "csat,0      | score 0 is outside 1..5 for metric csat",
        "ces,8       | score 8 is outside 1..7 for metric ces",
        "nps,9.5     | score '9.5' is not a whole number (nor an answer label of nps; --labels maps others)",
        "nps,ten     | score 'ten' is not a whole number (nor an answer label of nps; --labels maps others)",
        "nps,9.      | score '9.' is not a whole number (nor an answer label of nps; --labels maps others)",
        "nps,1e1     | score '1e1' is not a whole number (nor an answer label of nps; --labels maps others)",
        "nps,99999999999999 | score 99999999999999 is outside the scale of any metric",
        "promoter,9  | unknown metric 'promoter' (expected nps, csat or ces)",
        ",9          | metric is missing (expected nps, csat or ces)",
        "'  ',9      | metric is missing (expected nps, csat or ces)",
        "nps,        | score is missing",
        "nps,'  '    | score is missing",
    })
    void badMetricOrScoreIsRejectedWithLineAndReason(String row, String reason) {
        Result r = csv("metric,score\nnps,9\n" + row.replace("'", "\"") + "\nnps,10\n");
        assertThat(r.accepted()).extracting(Response::score).containsExactly(9, 10);
        Rejection bad = r.only();
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.reason()).isEqualTo(reason);
        assertThat(bad.source()).isEqualTo("responses.csv");
        assertThat(bad.message()).isEqualTo("responses.csv line 3: " + reason);
        assertThat(bad.raw()).isEqualTo(row.replace("'", "\""));
    }

    @ParameterizedTest(name = "weight {0}")
    @CsvSource({"-1", "0", "0.0", "NaN", "Infinity", "-Infinity", "1e999", "abc", "0x10", "1d"})
    void badWeightIsRejected(String weight) {
        Result r = csv("metric,score,weight\nnps,9," + weight + "\n");
        assertThat(r.only().line()).isEqualTo(2);
        assertThat(r.only().reason()).isEqualTo("weight '" + weight + "' is not a positive finite number");
    }

    @Test
    void goodWeights() {
        Result r = csv("metric,score,weight\nnps,9,2\nnps,9,0.25\nnps,9,1e2\nnps,9,\n");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).extracting(Response::weight).containsExactly(2.0, 0.25, 100.0, 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-13-01          | submitted_at '2026-13-01' is not a valid date",
        "2026-02-30          | submitted_at '2026-02-30' is not a valid date",
        "2026-02-30T10:00:00Z | submitted_at '2026-02-30T10:00:00Z' is not a valid date",
        "2026-03-01T10:15:30 | submitted_at '2026-03-01T10:15:30' has no time zone (add Z for UTC or an offset like +01:00)",
        "yesterday           | submitted_at 'yesterday' is not a time this reader knows (ISO-8601 like 2026-03-01T10:15:30Z, 2026-03-01 10:15:30, 03/01/2026 10:15 AM, 01-Mar-2026 10:15); give its format with --time-format, for example 'dd/MM/yyyy HH:mm'",
        "2026-03-01T25:00:00Z | submitted_at '2026-03-01T25:00:00Z' is not a valid time of day",
        "00/04/2026          | submitted_at '00/04/2026' is not a valid date",
        "4/0/2026 10:00      | submitted_at '4/0/2026 10:00' is not a valid date",
        "1/3/2026            | submitted_at '1/3/2026' could be 1 March or 3 January: give the time format (--time-format dd/MM/yyyy or MM/dd/yyyy, with the time part if there is one, for example 'dd/MM/yyyy HH:mm')",
    })
    void badTimestampIsRejected(String value, String reason) {
        Result r = csv("metric,score,submitted_at\nnps,9," + value + "\n");
        assertThat(r.only().line()).isEqualTo(2);
        assertThat(r.only().reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-03-01T10:15:30Z, 2026-03-01T10:15:30Z",
        "2026-03-01T11:15:30+01:00, 2026-03-01T10:15:30Z",
        "2026-03-01T05:15:30-05:00, 2026-03-01T10:15:30Z",
        "2026-03-01T10:15:30.5Z, 2026-03-01T10:15:30.500Z",
        "2026-03-01T10:15:30.123456789Z, 2026-03-01T10:15:30.123456789Z",
        "2026-03-01 10:15:30Z, 2026-03-01T10:15:30Z",
        "2026-03-01T10:15Z, 2026-03-01T10:15:00Z",
        "2026-03-01T11:15:30+01:00[Europe/Paris], 2026-03-01T10:15:30Z",
        "2024-02-29T23:59:59+00:00, 2024-02-29T23:59:59Z",
    })
    void timestamps(String value, String instant) {
        Result r = csv("metric,score,submitted_at\nnps,9," + value + "\n");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted().get(0).submittedAt()).isEqualTo(Instant.parse(instant));
        assertThat(r.accepted().get(0).submittedOn()).isNull();
    }

    @Test
    void plainDateBecomesSubmittedOn() {
        Result r = csv("metric,score,submitted_at\nnps,9,2026-03-01\n");
        assertThat(r.accepted().get(0).submittedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(r.accepted().get(0).submittedAt()).isNull();
    }

    @Test
    void wrongNumberOfColumns() {
        Result r = csv(HEADER + "r1,nps,9\nr2,nps,9,York,extra\nr3,nps,9,York\n");
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r3");
        assertThat(r.rejected()).extracting(Rejection::line, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "the row has 3 columns, the header has 4"),
                org.assertj.core.groups.Tuple.tuple(3L, "the row has 5 columns, the header has 4"));
    }

    @Test
    void textAfterAClosingQuote() {
        Result r = csv(HEADER + "r1,nps,9,\"York\"shire\nr2,nps,9,Leeds\n");
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r2");
        assertThat(r.only().line()).isEqualTo(2);
        assertThat(r.only().reason()).isEqualTo("malformed quoting: text after the closing quote in column 4 "
                + "(location); reading resumes on the next line");
        assertThat(r.only().raw()).isEqualTo("r1,nps,9,\"York\"shire");
    }

    @Test
    void quoteNeverClosedCostsOneLine() {
        Result r = csv(HEADER + "r1,nps,9,York\nr2,nps,9,\"Leeds\nr3,nps,8,Hull\nr4,nps,7,Bath\n");
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r1", "r3", "r4");
        Rejection bad = r.only();
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.reason()).isEqualTo("malformed quoting: the quote opened in column 4 (location) is never "
                + "closed; reading resumes on the next line");
        assertThat(bad.raw()).isEqualTo("r2,nps,9,\"Leeds");
        assertThat(r.summary().read()).isEqualTo(4);
    }

    @Test
    void strayQuoteClosedByALaterQuotedFieldCostsOneLine() {
        Result r = csv(HEADER + "r1,nps,9,\"Leeds\nr2,nps,8,Hull\nr3,csat,5,\"York, North\"\n");
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r2", "r3");
        Rejection bad = r.only();
        assertThat(bad.line()).isEqualTo(2);
        assertThat(bad.reason()).isEqualTo("malformed quoting: the quote opened in column 4 (location) does not "
                + "close properly (text after the closing quote on line 4); reading resumes on the next line");
    }

    @Test
    void strayQuoteThatLeavesTheWrongColumnCountCostsOneLine() {
        Result r = csv(HEADER + "r1,\"nps,9,Leeds\nr2,nps,8,Hull\"\nr3,nps,7,York\n");
        assertThat(r.accepted()).extracting(Response::responseId, Response::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("r2", "Hull\""), org.assertj.core.groups.Tuple.tuple("r3", "York"));
        Rejection bad = r.only();
        assertThat(bad.line()).isEqualTo(2);
        assertThat(bad.raw()).isEqualTo("r1,\"nps,9,Leeds");
        assertThat(bad.reason()).isEqualTo("the row has 2 columns, the header has 4 (the quoted field in column 2 "
                + "(metric) runs on to line 3: a stray quote?); reading resumes on the next line");
    }

    @Test
    void quoteNotClosedWithinTheLineLimit() {
        ResponseReader reader = ResponseReader.builder().limits(1 << 16, 3).build();
        Result r = read(reader, "x.csv", (HEADER + "r1,nps,9,\"a\nb\nc\nd\"\nr2,nps,9,e\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.rejected()).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(r.rejected().get(0).reason()).isEqualTo("malformed quoting: the quote opened in column 4 "
                + "(location) is not closed within 3 lines; reading resumes on the next line");
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r2");
    }

    @Test
    void overlongLineIsRejectedAndSkipped() {
        ResponseReader reader = ResponseReader.builder().limits(100, 10).build();
        String longValue = "x".repeat(300_000);
        Result r = read(reader, "x.csv", (HEADER + "r1,nps,9," + longValue + "\nr2,nps,9,York\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.accepted()).extracting(Response::responseId).containsExactly("r2");
        assertThat(r.only().line()).isEqualTo(2);
        assertThat(r.only().reason()).isEqualTo("the line is longer than 100 characters (the rejects file keeps its "
                + "first 100; the whole line is line 2 of x.csv)");
        assertThat(r.only().raw()).startsWith("r1,nps,9,xxx").hasSizeLessThan(longValue.length());
    }

    /**
     * The limit is a line's length, wherever the buffer ends: a line of exactly the limit is read,
     * one character more is rejected, in CSV (quoted or not, LF or CRLF) and JSON Lines.
     */
    @Test
    void aLineOfExactlyTheLimitIsReadAndOneMoreIsNot() {
        ResponseReader reader = ResponseReader.builder().limits(16, 3).build();
        for (String eol : new String[] {"\n", "\r\n"}) {
            String csv = "metric,score,x" + eol + "nps,9,aaaaaaaaaa" + eol + "nps,8,aaaaaaaaaaa" + eol
                    + "nps,7,\"aaaaaaaa\"" + eol + "nps,6,\"aaaaaaaaa\"" + eol + "nps,5,a";
            Result r = read(reader, "limit.csv", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(r.accepted()).as("eol %s", eol.length()).extracting(Response::score).containsExactly(9, 7, 5);
            assertThat(r.rejected()).extracting(Rejection::line).containsExactly(3L, 5L);
            assertThat(r.rejected()).allSatisfy(x -> assertThat(x.reason())
                    .contains("longer than 16 characters").doesNotContain("not closed"));
        }
        ResponseReader json = ResponseReader.builder().limits(26, 3).build();
        String lines = "{\"metric\":\"nps\",\"score\":9}\n{\"metric\":\"nps\",\"score\": 8}\n"
                + "{\"metric\":\"nps\",\"score\":7}";
        Result j = read(json, "limit.jsonl", lines.getBytes(StandardCharsets.UTF_8));
        assertThat(j.accepted()).extracting(Response::score).containsExactly(9, 7);
        assertThat(j.only().line()).isEqualTo(2);
        assertThat(j.only().reason()).startsWith("the line is longer than 26 characters");
    }

    @Test
    void invalidUtf8IsRejectedForItsRowOnly() {
        byte[] head = (HEADER + "r1,nps,9,York\nr2,nps,9,Z").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFC, 'r', 'i', 'c', 'h'};
        byte[] tail = "\nr3,nps,9,Gen\u00e8ve\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        Result r = read(ResponseReader.create(), "latin1.csv", all);
        assertThat(r.accepted()).extracting(Response::location).containsExactly("York", "Gen\u00e8ve");
        assertThat(r.only().line()).isEqualTo(3);
        assertThat(r.only().reason()).isEqualTo("column 4 (location) is not valid UTF-8 (save the file as UTF-8, or read it in its encoding, for example windows-1252)");
    }

    @Test
    void duplicateResponseIdRejectsTheLaterRowNamingTheFirst() {
        Result r = csv(HEADER + "r1,nps,9,York\nr2,nps,8,York\nr1,nps,7,Leeds\n");
        assertThat(r.accepted()).extracting(Response::score).containsExactly(9, 8);
        assertThat(r.only().line()).isEqualTo(4);
        assertThat(r.only().reason()).isEqualTo("duplicate response_id 'r1' for nps (first seen on line 2)");
    }

    @Test
    void aRejectedRowDoesNotClaimItsId() {
        Result r = csv(HEADER + "r1,nps,11,York\nr1,nps,10,York\n");
        assertThat(r.accepted()).extracting(Response::score).containsExactly(10);
        assertThat(r.only().line()).isEqualTo(2);
    }

    @Test
    void duplicatesAreFoundAcrossInputsOfOneReader(@TempDir Path dir) throws IOException {
        Path jan = dir.resolve("jan.csv");
        Path feb = dir.resolve("feb.jsonl");
        Files.writeString(jan, HEADER + "r1,nps,9,York\n\nr2,nps,9,York\n");
        Files.writeString(feb, "{\"response_id\":\"r3\",\"metric\":\"nps\",\"score\":9}\n"
                + "{\"response_id\":\"r2\",\"metric\":\"nps\",\"score\":9}\n"
                + "{\"response_id\":\"r3\",\"metric\":\"nps\",\"score\":9}\n");
        ResponseReader reader = ResponseReader.create();
        List<Rejection> rejected = new ArrayList<>();
        List<Response> accepted = new ArrayList<>();
        ReadSummary total = reader.read(jan, accepted::add, rejected::add).plus(reader.read(feb, accepted::add,
                rejected::add));
        assertThat(total).isEqualTo(new ReadSummary(5, 3, 0, 2, 0, 0, 3, 0, List.of()));
        assertThat(rejected).extracting(Rejection::message).containsExactly(
                feb + " line 2: duplicate response_id 'r2' for nps (first seen in " + jan + " line 4)",
                feb + " line 3: duplicate response_id 'r3' for nps (first seen on line 1)");
    }

    @Test
    void duplicatesCanBeAllowed() {
        ResponseReader reader = ResponseReader.builder().rejectDuplicateIds(false).build();
        Result r = read(reader, "a.csv", (HEADER + "r1,nps,9,York\nr1,nps,8,York\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.accepted()).hasSize(2);
    }

    @Test
    void headerWithoutRequiredColumnIsUnreadable() {
        assertThatThrownBy(() -> csv("id,metric,rating\nr1,nps,9\n"))
                .hasCauseInstanceOf(UnreadableInputException.class)
                .cause().hasMessage("responses.csv line 1: the header has no 'score' column (columns: id, metric, rating); for one column per "
                        + "metric name them (--nps, --csat, --ces), for other names use --metric-column and --score-column");
        assertThatThrownBy(() -> csv("\nscore,location\n"))
                .cause().hasMessageStartingWith("responses.csv line 2: the header has no 'metric' column (columns: score, "
                        + "location); for one column per metric");
    }

    @Test
    void headerNamingAColumnTwiceIsUnreadable() {
        assertThatThrownBy(() -> csv("metric,score,Location,location\n"))
                .cause().isInstanceOf(UnreadableInputException.class)
                .hasMessage("responses.csv line 1: the header names column 'location' twice (columns 3 and 4)");
    }

    @Test
    void headerWithMalformedQuotingOrBadUtf8IsUnreadable() {
        assertThatThrownBy(() -> csv("metric,\"score\n"))
                .cause().isInstanceOf(UnreadableInputException.class)
                .hasMessage("responses.csv line 1: the header has malformed quoting: the quote opened in column 2 is "
                        + "never closed");
        byte[] latin1 = "m\u00e9tric,score\nnps,9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(ResponseReader.create(), "h.csv", latin1))
                .cause().isInstanceOf(UnreadableInputException.class)
                .hasMessage("h.csv line 1: the header is not valid UTF-8 (save the file as UTF-8, or read it in its encoding, for example windows-1252)");
    }

    @Test
    void readsAFileAndDetectsItsFormat(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Responses.NDJSON");
        Files.writeString(file, "{\"metric\":\"csat\",\"score\":4}\n");
        List<Response> accepted = new ArrayList<>();
        ReadSummary summary = ResponseReader.create().read(file, accepted::add, x -> { });
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(accepted).containsExactly(Response.of(Metric.CSAT, 4));
    }

    @Test
    void missingFileIsAnIOException(@TempDir Path dir) {
        assertThatThrownBy(() -> ResponseReader.create().read(dir.resolve("nope.csv"), x -> { }, x -> { }))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void streamFormatIsSniffedWhenTheNameSaysNothing() {
        Result json = read(ResponseReader.create(), "-", "\n {\"metric\":\"nps\",\"score\":3}\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(json.accepted()).containsExactly(Response.of(Metric.NPS, 3));
        Result csv = read(ResponseReader.create(), "-", "metric,score\nnps,3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.accepted()).containsExactly(Response.of(Metric.NPS, 3));
        Result forced = read(ResponseReader.builder().format(InputFormat.CSV).build(), "x.jsonl",
                "metric,score\nnps,3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(forced.accepted()).containsExactly(Response.of(Metric.NPS, 3));
    }

    // --- JSON Lines ------------------------------------------------------------------------------

    @Test
    void jsonLinesWithEveryField() {
        Result r = jsonl("{\"response_id\":\"r1\",\"customer_id\":\"c1\",\"journey_id\":\"j1\",\"metric\":\"NPS\","
                + "\"score\":9,\"touchpoint\":\"bill\",\"location\":\"York\",\"channel\":\"web\",\"weight\":0.5,"
                + "\"submitted_at\":\"2026-03-01T11:15:30+01:00\",\"vip\":true,\"visits\":3,\"note\":null}\n"
                + "{\"metric\":\"ces\",\"score\":\"6\",\"submitted_at\":\"2026-03-02\"}\n");
        assertThat(r.rejected()).isEmpty();
        Response first = Response.builder(Metric.NPS, 9).responseId("r1").customerId("c1").journeyId("j1")
                .touchpoint("bill").location("York").channel("web").weight(0.5)
                .submittedAt(Instant.parse("2026-03-01T10:15:30Z")).attribute("vip", "true").attribute("visits", "3")
                .build();
        Response second = Response.builder(Metric.CES, 6).submittedOn(LocalDate.of(2026, 3, 2)).build();
        assertThat(r.accepted()).containsExactly(first, second);
    }

    @Test
    void malformedJsonLine() {
        Result r = jsonl("{\"metric\":\"nps\",\"score\":9}\n{\"metric\":\"nps\",\"score\":9\n"
                + "{\"metric\":\"nps\",\"score\":8}\n{metric:nps}\n");
        assertThat(r.accepted()).extracting(Response::score).containsExactly(9, 8);
        assertThat(r.rejected()).extracting(Rejection::line).containsExactly(2L, 4L);
        assertThat(r.rejected()).allSatisfy(x -> assertThat(x.reason()).startsWith("malformed JSON: "));
        assertThat(r.rejected().get(0).raw()).isEqualTo("{\"metric\":\"nps\",\"score\":9");
        assertThat(r.rejected().get(0).header()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[1,2]                 | not a JSON object (the line holds an array)",
        "\"nps\"               | not a JSON object (the line holds a string)",
        "42                    | not a JSON object (the line holds a number)",
        "null                  | not a JSON object (the line holds null)",
        "{\"metric\":\"nps\",\"score\":9} {}  | unexpected text after the JSON object",
        "{\"metric\":\"nps\",\"score\":9,\"score\":10} | key 'score' appears twice",
        "{\"metric\":\"nps\",\"score\":9,\"tags\":[1]} | key 'tags' holds an array; only text, numbers, true, false and null are read",
        "{\"metric\":\"nps\",\"score\":null}  | score is missing",
        "{\"metric\":\"nps\"}                 | score is missing",
        "{\"score\":9}                        | metric is missing (expected nps, csat or ces)",
        "{\"metric\":\"nps\",\"score\":9.5}   | score '9.5' is not a whole number (nor an answer label of nps; --labels maps others)",
        "{\"metric\":\"nps\",\"score\":11}    | score 11 is outside 0..10 for metric nps",
        "{\"metric\":\"nps\",\"score\":true}  | score 'true' is not a whole number (nor an answer label of nps; --labels maps others)",
        "{\"metric\":\"nps\",\"score\":9,\"weight\":-2} | weight '-2' is not a positive finite number",
    })
    void badJsonLines(String line, String reason) {
        Result r = jsonl("{\"metric\":\"nps\",\"score\":1}\n\n" + line + "\n{\"metric\":\"nps\",\"score\":2}\n");
        assertThat(r.accepted()).extracting(Response::score).containsExactly(1, 2);
        assertThat(r.only().line()).isEqualTo(3);
        assertThat(r.only().reason()).isEqualTo(reason);
        assertThat(r.only().raw()).isEqualTo(line);
    }

    @Test
    void jsonLinesCrlfBlankLinesAndBom() {
        byte[] body = "\r\n{\"metric\":\"nps\",\"score\":9}\r\n\r\n{\"metric\":\"nps\",\"score\":12}\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Result r = read(ResponseReader.create(), "x.jsonl", bytes);
        assertThat(r.summary().read()).isEqualTo(2);
        assertThat(r.only().line()).isEqualTo(4);
        assertThat(r.only().raw()).isEqualTo("{\"metric\":\"nps\",\"score\":12}");
    }

    @Test
    void emptyJsonLines() {
        assertThat(jsonl("").summary()).isEqualTo(new ReadSummary(0, 0, 0, List.of("responses.jsonl is empty: no rows")));
        assertThat(jsonl("\n \n").summary().warnings()).containsExactly("responses.jsonl is empty: no rows");
    }

    @Test
    void jsonLineNotValidUtf8() {
        byte[] bytes = "{\"metric\":\"nps\",\"score\":9,\"location\":\"Z\u00fcrich\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Result r = read(ResponseReader.create(), "x.jsonl", bytes);
        assertThat(r.only().reason()).isEqualTo("not valid UTF-8 at character 40 (save the file as UTF-8, or read it in its encoding, for example windows-1252)");
    }

    @Test
    void overlongJsonLine() {
        ResponseReader reader = ResponseReader.builder().limits(64, 10).build();
        String big = "{\"metric\":\"nps\",\"score\":9,\"note\":\"" + "y".repeat(200_000) + "\"}";
        Result r = read(reader, "x.jsonl", (big + "\n{\"metric\":\"nps\",\"score\":9}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.accepted()).hasSize(1);
        assertThat(r.only().line()).isEqualTo(1);
        assertThat(r.only().reason()).isEqualTo("the line is longer than 64 characters (the rejects file keeps its "
                + "first 64; the whole line is line 1 of x.jsonl)");
    }

    // --- summaries and rejections ------------------------------------------------------------------

    @Test
    void summaryInvariantIsChecked() {
        assertThatThrownBy(() -> new ReadSummary(3, 1, 1, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("read 3 != accepted 1 + rejected 1 + duplicates 0 + filtered 0 + unanswered 0");
        assertThat(ReadSummary.of(2, 1).plus(new ReadSummary(1, 0, 1, List.of("w"))))
                .isEqualTo(new ReadSummary(4, 2, 2, List.of("w")));
        assertThat(ReadSummary.EMPTY.plus(ReadSummary.EMPTY)).isEqualTo(ReadSummary.EMPTY);
    }

    @Test
    void inputFormatFromNames() {
        assertThat(InputFormat.fromFileName("a/b.CSV")).contains(InputFormat.CSV);
        assertThat(InputFormat.fromFileName("b.ndjson")).contains(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("b.txt")).isEmpty();
        assertThat(InputFormat.parse(" NDJSON ")).isEqualTo(InputFormat.JSONL);
        assertThatThrownBy(() -> InputFormat.parse("xml")).hasMessage("unknown input format 'xml' (expected csv or jsonl)");
    }
}
