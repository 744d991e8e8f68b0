package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes survey platforms export, each written here by hand from one small data set (not
 * copies of customer data), read with a {@link ColumnMapping} only: each must give the same
 * responses (metric, rating, respondent, instant, store) as the same data in the long format.
 */
class SurveyExportsTest {

    /** One respondent: ratings (null: not answered), store, local time. */
    private record Respondent(String id, Integer nps, Integer csat, Integer ces, String store, LocalDateTime at) {
    }

    private static final List<Respondent> DATA = List.of(
            new Respondent("R_1", 10, 5, 7, "Leeds", LocalDateTime.of(2026, 3, 4, 17, 12, 33)),
            new Respondent("R_2", 6, 2, 3, "York", LocalDateTime.of(2026, 3, 5, 9, 0, 0)),
            new Respondent("R_3", 8, 4, null, "Leeds", LocalDateTime.of(2026, 3, 15, 12, 30, 0)),
            new Respondent("R_4", null, 3, 5, "Zürich", LocalDateTime.of(2026, 3, 20, 18, 45, 10)),
            new Respondent("R_5", 0, 1, 1, "Leeds", LocalDateTime.of(2026, 4, 1, 8, 5, 0)),
            new Respondent("R_6", null, null, null, "York", LocalDateTime.of(2026, 4, 2, 10, 0, 0)));

    /** A file as a platform writes it, the mapping the documentation gives for it, and the zone its times are in. */
    record Shape(String name, byte[] bytes, ColumnMapping mapping, ZoneId zone) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String NPS_Q = "How likely are you to recommend us to a friend?";
    private static final String CSAT_Q = "Overall, how satisfied were you with your visit?";
    private static final String CES_Q = "The company made it easy to handle my issue.";

    private static final String[] CSAT_LABELS = {null, "Very dissatisfied", "Dissatisfied",
        "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"};
    private static final String[] CES_LABELS = {null, "Strongly disagree", "Disagree", "Somewhat disagree",
        "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"};

    /** The same data in the documented long format, times as UTC instants of the given zone's local times. */
    private static String longFormat(ZoneId zone) {
        StringBuilder b = new StringBuilder("response_id,metric,score,submitted_at,store\n");
        for (Respondent r : DATA) {
            Instant at = r.at().atZone(zone).toInstant();
            for (Metric m : new Metric[] {Metric.NPS, Metric.CSAT, Metric.CES}) {
                Integer v = rating(r, m);
                if (v != null) {
                    b.append(r.id()).append(',').append(m.id()).append(',').append(v).append(',').append(at).append(',')
                            .append(r.store()).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static Integer rating(Respondent r, Metric m) {
        return m == Metric.NPS ? r.nps() : m == Metric.CSAT ? r.csat() : r.ces();
    }

    private static String cell(Integer v, Function<Integer, String> label) {
        return v == null ? "" : label.apply(v);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** What must be equal: metric, rating, id, instant (or day) and store, in a stable order. */
    private static List<String> essence(List<Response> responses) {
        List<String> out = new ArrayList<>();
        for (Response r : responses) {
            String store = r.field("store") != null ? r.field("store") : r.field("Store");
            out.add(r.metric().id() + " " + r.score() + " " + r.responseId() + " "
                    + (r.submittedAt() != null ? r.submittedAt() : r.submittedOn()) + " " + store);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<Response> read(ColumnMapping mapping, String name, byte[] bytes, ReadSummary[] summary)
            throws IOException {
        List<Response> out = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary s = ResponseReader.builder().mapping(mapping).build()
                .read(new ByteArrayInputStream(bytes), name, out::add, rejected::add);
        assertThat(rejected).as(name).isEmpty();
        assertThat(s.read()).as(name + ": read = accepted + rejected + duplicates + filtered + unanswered")
                .isEqualTo(s.accepted() + s.rejected() + s.duplicates() + s.filtered() + s.unanswered());
        if (summary != null) {
            summary[0] = s;
        }
        return out;
    }

    private static List<String> expected(ZoneId zone) throws IOException {
        return essence(read(ColumnMapping.STANDARD, "long.csv", longFormat(zone).getBytes(StandardCharsets.UTF_8),
                null));
    }

    private static ColumnMapping.Builder byQuestion() {
        return ColumnMapping.builder().rating(Metric.NPS, NPS_Q).rating(Metric.CSAT, CSAT_Q).rating(Metric.CES, CES_Q);
    }

    static Shape qualtrics() {
        // three header rows; labels as "choice text" exports them; times local to the ImportId zone
        ZoneId denver = ZoneId.of("America/Denver");
        StringBuilder f = new StringBuilder("StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,"
                + "Q1,Q2,Q3,Q4,Store\n");
        f.append("Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,")
                .append(quoted(NPS_Q)).append(',').append(quoted(CSAT_Q)).append(',').append(quoted(CES_Q))
                .append(",Anything else?,Store\n");
        f.append("\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"finished\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3\"\"}\",")
                .append("\"{\"\"ImportId\"\":\"\"QID4_TEXT\"\"}\",\"{\"\"ImportId\"\":\"\"store\"\"}\"\n");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Respondent r : DATA) {
            String time = t.format(r.at());
            f.append(time).append(',').append(time).append(",IP Address,100,True,").append(time).append(',')
                    .append(r.id()).append(',')
                    .append(cell(r.nps(), v -> v == 10 ? "10 - Extremely likely" : v == 0 ? "0 - Not at all likely"
                            : v.toString())).append(',')
                    .append(cell(r.csat(), v -> CSAT_LABELS[v])).append(',')
                    .append(cell(r.ces(), v -> CES_LABELS[v])).append(',')
                    .append("\"fine, thanks\",").append(r.store()).append('\n');
        }
        // columns named by id for NPS and by question text for the others
        ColumnMapping mapping = ColumnMapping.builder().rating(Metric.NPS, "Q1").rating(Metric.CSAT, CSAT_Q)
                .rating(Metric.CES, CES_Q).id("ResponseId").time("Recorded Date").comment("Q4").build();
        return new Shape("qualtrics.csv", f.toString().getBytes(StandardCharsets.UTF_8), mapping, denver);
    }

    @Test
    void qualtricsCountsUnansweredRowsAndKeepsComments() throws IOException {
        Shape shape = qualtrics();
        ReadSummary[] summary = new ReadSummary[1];
        List<Response> got = read(shape.mapping(), shape.name(), shape.bytes(), summary);
        assertThat(essence(got)).isEqualTo(expected(shape.zone()));
        assertThat(summary[0].read()).isEqualTo(6);
        assertThat(summary[0].unanswered()).isEqualTo(1);
        assertThat(summary[0].records()).isEqualTo(13);
        assertThat(got.get(0).attributes()).containsEntry("comment", "fine, thanks");
    }

    static Shape surveyMonkey() {
        // two header rows; US dates with AM/PM; the answer row says "Response"
        StringBuilder f = new StringBuilder("Respondent ID,Collector ID,Start Date,End Date,")
                .append(quoted(NPS_Q)).append(',').append(quoted(CSAT_Q)).append(',').append(quoted(CES_Q))
                .append(",Store\n,,,,Response,Response,Response,Response\n");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.ENGLISH);
        for (Respondent r : DATA) {
            String time = t.format(r.at());
            f.append(r.id()).append(",4321,").append(time).append(',').append(time).append(',')
                    .append(cell(r.nps(), Object::toString)).append(',').append(cell(r.csat(), v -> CSAT_LABELS[v]))
                    .append(',').append(cell(r.ces(), v -> CES_LABELS[v])).append(',').append(r.store()).append('\n');
        }
        ColumnMapping mapping = byQuestion().id("Respondent ID").time("End Date").zone(ZoneOffset.UTC).build();
        return new Shape("monkey.csv", f.toString().getBytes(StandardCharsets.UTF_8), mapping, ZoneOffset.UTC);
    }

    static Shape googleForms() {
        // no id; "Timestamp" with a GMT offset; numbers only
        StringBuilder f = new StringBuilder("Timestamp,").append(quoted(NPS_Q)).append(',').append(quoted(CSAT_Q))
                .append(',').append(quoted(CES_Q)).append(",Store,Response ID\n");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy/MM/dd h:mm:ss a", Locale.ENGLISH);
        for (Respondent r : DATA) {
            f.append(t.format(r.at())).append(" GMT+1,").append(cell(r.nps(), Object::toString)).append(',')
                    .append(cell(r.csat(), Object::toString)).append(',').append(cell(r.ces(), Object::toString))
                    .append(',').append(r.store()).append(',').append(r.id()).append('\n');
        }
        ColumnMapping mapping = byQuestion().time("Timestamp").id("Response ID").build();
        return new Shape("forms.csv", f.toString().getBytes(StandardCharsets.UTF_8), mapping, ZoneOffset.ofHours(1));
    }

    static Shape typeform() {
        StringBuilder f = new StringBuilder("#,").append(quoted(NPS_Q)).append(',').append(quoted(CSAT_Q))
                .append(',').append(quoted(CES_Q)).append(",Store,Start Date (UTC),Submit Date (UTC),Network ID\n");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Respondent r : DATA) {
            f.append(r.id()).append(',').append(cell(r.nps(), Object::toString)).append(',')
                    .append(cell(r.csat(), Object::toString)).append(',').append(cell(r.ces(), Object::toString))
                    .append(',').append(r.store()).append(',').append(t.format(r.at())).append(',')
                    .append(t.format(r.at())).append(",ab12\n");
        }
        ColumnMapping mapping = byQuestion().id("#").time("Submit Date (UTC)").zone(ZoneOffset.UTC).build();
        return new Shape("typeform.csv", f.toString().getBytes(StandardCharsets.UTF_8), mapping, ZoneOffset.UTC);
    }

    static Shape delighted() {
        // the project's metric in "Score", more questions as extra columns; times with a numeric offset
        StringBuilder f = new StringBuilder("Response ID,Email,Score,Comment,Response timestamp,")
                .append(quoted(CSAT_Q)).append(',').append(quoted(CES_Q)).append(",Store\n");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Respondent r : DATA) {
            f.append(r.id()).append(",a@example.com,").append(cell(r.nps(), Object::toString)).append(",,")
                    .append(t.format(r.at())).append(" -0800,").append(cell(r.csat(), Object::toString)).append(',')
                    .append(cell(r.ces(), Object::toString)).append(',').append(r.store()).append('\n');
        }
        ColumnMapping mapping = ColumnMapping.builder().rating(Metric.NPS, "Score").rating(Metric.CSAT, CSAT_Q)
                .rating(Metric.CES, CES_Q).id("Response ID").time("Response timestamp").build();
        return new Shape("delighted.csv", f.toString().getBytes(StandardCharsets.UTF_8), mapping, ZoneOffset.ofHours(-8));
    }

    static Shape medalliaStyleLongFileWithCodes() {
        StringBuilder f = new StringBuilder("Survey ID,Question,Answer,Response Date,Store\n");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH);
        for (Respondent r : DATA) {
            String[][] answers = {{"LTR", cell(r.nps(), Object::toString)}, {"OSAT", cell(r.csat(), Object::toString)},
                {"EFFORT", cell(r.ces(), Object::toString)}};
            for (String[] a : answers) {
                if (!a[1].isEmpty()) {
                    f.append(r.id()).append(',').append(a[0]).append(',').append(a[1]).append(',')
                            .append(t.format(r.at())).append(',').append(r.store()).append('\n');
                }
            }
        }
        ColumnMapping mapping = ColumnMapping.builder().metricColumn("Question").scoreColumn("Answer")
                .metricCodes("LTR=nps,OSAT=csat,EFFORT=ces").id("Survey ID").time("Response Date")
                .zone(ZoneOffset.UTC).build();
        return new Shape("medallia.csv", f.toString().getBytes(StandardCharsets.UTF_8), mapping, ZoneOffset.UTC);
    }

    static List<Shape> shapes() throws IOException {
        return List.of(qualtrics(), surveyMonkey(), googleForms(), typeform(), delighted(),
                medalliaStyleLongFileWithCodes(), european(), utf16(), gzip(), workbook());
    }

    /** A European Excel's CSV: semicolons, decimal commas, Windows-1252 (Zürich). */
    static Shape european() {
        return new Shape("europe.csv", wide(";", "1,0").getBytes(Charset.forName("windows-1252")),
                WIDE.toBuilder().encoding(Charset.forName("windows-1252")).build(), ZoneOffset.UTC);
    }

    /** Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated. */
    static Shape utf16() {
        return new Shape("unicode.txt", ("\ufeff" + wide("\t", "1")).getBytes(StandardCharsets.UTF_16LE), WIDE,
                ZoneOffset.UTC);
    }

    static Shape gzip() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(wide(",", "1").getBytes(StandardCharsets.UTF_8));
        }
        return new Shape("export.csv.gz", zipped.toByteArray(), WIDE, ZoneOffset.UTC);
    }

    /** A workbook of one sheet: dates as Excel dates, CSAT as labels, CES as decimals. */
    static Shape workbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook wb = new Workbook(bytes, "test", "1.0");
        writeResponses(wb.newWorksheet("Responses"));
        wb.finish();
        return new Shape("survey.xlsx", bytes.toByteArray(), WIDE, ZoneOffset.UTC);
    }

    private static void writeResponses(Worksheet ws) {
        String[] header = {"id", "when", "nps", "csat", "ces", "Store", "w"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int i = 0; i < DATA.size(); i++) {
            Respondent r = DATA.get(i);
            ws.value(i + 1, 0, r.id());
            ws.value(i + 1, 1, r.at());
            ws.style(i + 1, 1).format("yyyy-mm-dd hh:mm:ss").set();
            if (r.nps() != null) {
                ws.value(i + 1, 2, r.nps());
            }
            if (r.csat() != null) {
                ws.value(i + 1, 3, CSAT_LABELS[r.csat()]);
            }
            if (r.ces() != null) {
                ws.value(i + 1, 4, (double) r.ces());
            }
            ws.value(i + 1, 5, r.store());
            ws.value(i + 1, 6, 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachPlatformShapeGivesTheLongFormatsResponses(Shape shape) throws IOException {
        assertThat(essence(read(shape.mapping(), shape.name(), shape.bytes(), null))).isEqualTo(expected(shape.zone()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void inspectionProposesAMappingThatReadsEachShape(Shape shape, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(shape.name());
        Files.write(file, shape.bytes());
        ExportInspection inspection = ExportInspection.of(file, ColumnMapping.STANDARD);
        // the zone of times without an offset is the command's --zone; the proposal leaves it to that
        ColumnMapping proposed = inspection.mapping().toBuilder().zone(shape.zone()).build();
        assertThat(essence(read(proposed, shape.name(), shape.bytes(), null)))
                .as(inspection.commandLine("score", shape.name()) + "\n" + inspection.notes())
                .isEqualTo(expected(shape.zone()));
        assertThat(inspection.rows()).isEqualTo(shape.name().equals("medallia.csv") ? 13 : 6);
    }

    /** The wide file most shapes reduce to, for the encodings and containers below. */
    private static String wide(String separator, String weight) {
        StringBuilder f = new StringBuilder(String.join(separator, "id", "when", "nps", "csat", "ces", "Store", "w"))
                .append('\n');
        for (Respondent r : DATA) {
            f.append(String.join(separator, r.id(), r.at().toString(), cell(r.nps(), Object::toString),
                    cell(r.csat(), Object::toString), cell(r.ces(), Object::toString), r.store(), weight)).append('\n');
        }
        return f.toString();
    }

    private static final ColumnMapping WIDE = ColumnMapping.builder().rating(Metric.NPS, "nps")
            .rating(Metric.CSAT, "csat").rating(Metric.CES, "ces").id("id").time("when").weight("w")
            .zone(ZoneOffset.UTC).build();

    @Test
    void europeanWeightsUseTheDecimalComma() throws IOException {
        Shape shape = european();
        assertThat(read(shape.mapping(), shape.name(), shape.bytes(), null))
                .allSatisfy(r -> assertThat(r.weight()).isEqualTo(1.0));
        List<Response> weighted = read(shape.mapping(), "w.csv",
                wide(";", "1,5").getBytes(Charset.forName("windows-1252")), null);
        assertThat(weighted).allSatisfy(r -> assertThat(r.weight()).isEqualTo(1.5));
    }

    @Test
    void xlsxSheetIsChosenByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("survey.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            wb.newWorksheet("Notes").value(0, 0, "nothing here");
            writeResponses(wb.newWorksheet("Responses"));
            wb.finish();
        }
        List<Response> got = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ResponseReader.builder().mapping(WIDE.toBuilder().sheet("Responses").build()).build()
                .read(file, got::add, rejected::add);
        assertThat(rejected).isEmpty();
        assertThat(essence(got)).isEqualTo(expected(ZoneOffset.UTC));
        assertThatThrownBy(() -> ResponseReader.builder().mapping(WIDE.toBuilder().sheet("Sheet9").build()).build()
                .read(file, r -> { }, r -> { })).isInstanceOf(UnreadableInputException.class)
                .hasMessage(file + " line 1: the workbook has no sheet 'Sheet9' (sheets: Notes, Responses)");
    }

    @Test
    void duplicatesAreJudgedByIdAndMetric() throws IOException {
        // the trap of a hand-reshaped Qualtrics file: one id per respondent on three rows is not a duplicate
        String text = "response_id,metric,score\nR_1,nps,9\nR_1,csat,5\nR_1,ces,6\nR_1,nps,3\n";
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary s = ResponseReader.create().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "long.csv", r -> { }, rejected::add);
        assertThat(s.accepted()).isEqualTo(3);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(rejected).extracting(Rejection::message)
                .containsExactly("long.csv line 5: duplicate response_id 'R_1' for nps (first seen on line 2)");
    }

    @Test
    void unreadableTimesAreKeptUndatedUnlessATimeIsNeeded() throws IOException {
        String text = "metric,score,submitted_at\nnps,9,2026-03-04\nnps,3,soon\nnps,10,03/04/2026\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Response> kept = new ArrayList<>();
        ReadSummary lenient = ResponseReader.builder().timeRequired(false).build()
                .read(new ByteArrayInputStream(bytes), "t.csv", kept::add, r -> { });
        assertThat(lenient.accepted()).isEqualTo(3);
        assertThat(lenient.undated()).isEqualTo(2);
        assertThat(kept).extracting(Response::submittedOn).containsExactly(LocalDate.of(2026, 3, 4), null, null);
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary strict = ResponseReader.builder().timeRequired(false)
                .filter(ResponseFilter.all().between(LocalDate.of(2026, 3, 1), null, ZoneOffset.UTC)).build()
                .read(new ByteArrayInputStream(bytes), "t.csv", r -> { }, rejected::add);
        assertThat(strict.rejected()).isEqualTo(2);
        assertThat(rejected.get(1).reason()).contains("could be 3 April or 4 March");
    }

    @Test
    void filtersCountWhatTheyLeaveOut() throws IOException {
        String text = longFormat(ZoneOffset.UTC);
        ResponseFilter filter = ResponseFilter.all().where("Store=Leeds,York").where("metric!=ces")
                .between(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 31), ZoneOffset.UTC);
        List<Response> kept = new ArrayList<>();
        ReadSummary s = ResponseReader.builder().filter(filter).build()
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.csv", kept::add, r -> { });
        // March 5 to 31, Leeds or York, not CES: R_2 (York, Mar 5) nps+csat, R_3 (Leeds, Mar 15) nps+csat
        assertThat(essence(kept)).hasSize(4).allSatisfy(e -> assertThat(e).containsAnyOf("R_2", "R_3"));
        assertThat(s.filtered()).isEqualTo(s.read() - 4);
        assertThat(s.accepted()).isEqualTo(4);
    }

    @Test
    void mappedColumnsMustExist() {
        ColumnMapping mapping = ColumnMapping.builder().rating(Metric.NPS, "Q9").build();
        assertThatThrownBy(() -> read(mapping, "x.csv", "Q1,Q2\n9,3\n".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("x.csv line 1: the header has no column 'Q9' (mapped as nps; columns: Q1, Q2)");
    }

    @Test
    void aBadRatingRejectsTheWholeRowNamingItsColumn() throws IOException {
        ColumnMapping mapping = ColumnMapping.builder().rating(Metric.NPS, "Q1").rating(Metric.CSAT, "Q2").build();
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary s = ResponseReader.builder().mapping(mapping).build().read(
                new ByteArrayInputStream("Q1,Q2\n9,Thrilled\n11,4\n".getBytes(StandardCharsets.UTF_8)), "x.csv",
                r -> { }, rejected::add);
        assertThat(s.rejected()).isEqualTo(2);
        assertThat(rejected).extracting(Rejection::reason).containsExactly(
                "csat (Q2) 'Thrilled' is not a whole number (nor an answer label of csat; --labels maps others)",
                "nps (Q1) 11 is outside 0..10 for metric nps");
    }
}
