package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InputBytesTest {

    private static final String CSV = "response_id,metric,score\nr1,nps,9\nr2,nps,3\nr3,csat,5\n";
    private static final String JSONL = "{\"metric\":\"nps\",\"score\":10}\n{\"metric\":\"ces\",\"score\":6}\n";

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static ReadSummary read(String source, byte[] bytes, List<dev.cxkit.core.survey.Response> out)
            throws IOException {
        return ResponseReader.create().read(new ByteArrayInputStream(bytes), source, out::add, r -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"responses.csv.gz", "responses.gz", "export"})
    void gzipIsReadAsTheTextItHoldsWhateverTheName(String name) throws IOException {
        List<dev.cxkit.core.survey.Response> plain = new ArrayList<>();
        List<dev.cxkit.core.survey.Response> zipped = new ArrayList<>();
        ReadSummary expected = read("responses.csv", CSV.getBytes(StandardCharsets.UTF_8), plain);
        assertThat(read(name, gzip(CSV), zipped)).isEqualTo(expected);
        assertThat(zipped).isEqualTo(plain).hasSize(3);
    }

    @Test
    void gzippedJsonLinesAreNamedByTheExtensionBeforeGz() throws IOException {
        List<dev.cxkit.core.survey.Response> out = new ArrayList<>();
        assertThat(read("responses.jsonl.gz", gzip(JSONL), out).accepted()).isEqualTo(2);
        assertThat(out.get(1).score()).isEqualTo(6);
    }

    @Test
    void workbooksAndUtf16SayWhatTheyAre() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(xlsx)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> read("survey.xlsx", xlsx.toByteArray(), new ArrayList<>()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("survey.xlsx line 1: this is a zip archive but not an Excel workbook");
        byte[] xls = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        assertThatThrownBy(() -> read("old.xls", xls, new ArrayList<>())).hasMessageContaining("Excel 97-2003");
        assertThatThrownBy(() -> read("report.csv", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), new ArrayList<>()))
                .hasMessage("report.csv line 1: this is a PDF document, not a CSV, JSON Lines or .xlsx export: "
                        + "download the survey's data export instead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16WithAByteOrderMarkIsReadAsTheSameText(String charset) throws IOException {
        // Excel's "Unicode text" is UTF-16LE with a mark and tabs; non-ASCII and a row past 8,192 chars
        StringBuilder text = new StringBuilder("response_id\tmetric\tscore\tlocation\n");
        for (int i = 0; i < 3_000; i++) {
            text.append('r').append(i).append("\tnps\t").append(i % 11).append("\tZürich – Café ").append(i % 7)
                    .append('\n');
        }
        List<dev.cxkit.core.survey.Response> plain = new ArrayList<>();
        List<dev.cxkit.core.survey.Response> utf16 = new ArrayList<>();
        ReadSummary expected = read("export.csv", text.toString().getBytes(StandardCharsets.UTF_8), plain);
        byte[] bytes = ("\uFEFF" + text).getBytes(java.nio.charset.Charset.forName(charset));
        assertThat(read("export.csv", bytes, utf16)).isEqualTo(expected);
        assertThat(utf16).isEqualTo(plain).hasSize(3_000);
        assertThat(utf16.get(3).location()).isEqualTo("Zürich – Café 3");
    }

    @Test
    void aNamedEncodingIsDecodedAndWithoutItTheRowsSayNotUtf8() throws IOException {
        // an older Excel's CSV: Windows-1252, ';' separated
        String text = "response_id;metric;score;location\nr1;nps;9;Zürich\nr2;csat;5;Café Crème\n";
        byte[] cp1252 = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        List<dev.cxkit.core.survey.Response> out = new ArrayList<>();
        ResponseReader reader = ResponseReader.builder().encoding(java.nio.charset.Charset.forName("windows-1252"))
                .build();
        ReadSummary summary = reader.read(new ByteArrayInputStream(cp1252), "old.csv", out::add, r -> { });
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(out).extracting(dev.cxkit.core.survey.Response::location).containsExactly("Zürich", "Café Crème");
        // the same bytes, gzipped (a new reader: this one has seen r1 and r2)
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(cp1252);
        }
        List<dev.cxkit.core.survey.Response> again = new ArrayList<>();
        ResponseReader.builder().encoding(java.nio.charset.Charset.forName("windows-1252")).build()
                .read(new ByteArrayInputStream(zipped.toByteArray()), "old.csv.gz", again::add, r -> { });
        assertThat(again).isEqualTo(out);
        // read as UTF-8, both rows are rejected, each saying why: nothing is lost
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary utf8 = ResponseReader.create().read(new ByteArrayInputStream(cp1252), "old.csv", r -> { },
                rejected::add);
        assertThat(utf8.rejected()).isEqualTo(2);
        assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).contains("not valid UTF-8"));
    }

    @Test
    void shortAndEmptyInputsAreStillText() throws IOException {
        assertThat(read("empty.csv", new byte[0], new ArrayList<>()).read()).isZero();
        assertThatThrownBy(() -> read("one.csv", new byte[] {'P'}, new ArrayList<>()))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("one.csv line 1: the header has no 'metric' column (columns: P); for one column per metric");
    }
}
