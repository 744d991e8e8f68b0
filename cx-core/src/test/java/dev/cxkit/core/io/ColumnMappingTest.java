package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.score.Metric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTest {

    @Test
    void aMappingFileReadsBackWhatItWrites(@TempDir Path dir) throws IOException {
        ColumnMapping mapping = ColumnMapping.builder().rating(Metric.NPS, "How likely? \"really\"")
                .rating(Metric.CES, "Q3").id("ResponseId").time("Recorded Date").customer("Email").comment("Q4")
                .weight("w").headerRows(3).timeFormat("dd/MM/yyyy HH:mm").zone(ZoneId.of("Europe/Paris"))
                .delimiter(';').decimalComma(true).sheet("Data").encoding(java.nio.charset.Charset.forName("windows-1252"))
                .build();
        Path file = dir.resolve("survey.yaml");
        Files.writeString(file, mapping.toYaml());
        ColumnMapping back = ColumnMapping.read(file);
        assertThat(back.toYaml()).isEqualTo(mapping.toYaml());
        assertThat(back.ratings()).containsEntry(Metric.Kind.NPS, "How likely? \"really\"");
        assertThat(back.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void keysMayBeWrittenWithDashesUnderscoresOrCamelCaseAndMetricMapsAsAMapping(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "metric_column: Question\nscoreColumn: Answer\nmetric-map:\n  LTR: nps\n  OSAT: csat\n");
        ColumnMapping m = ColumnMapping.read(file);
        assertThat(m.metricColumn()).isEqualTo("Question");
        assertThat(m.scoreColumn()).isEqualTo("Answer");
        assertThat(m.metricCodes()).containsEntry("LTR", Metric.NPS).containsEntry("OSAT", Metric.CSAT);
    }

    @Test
    void badMappingFilesNameTheKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "nps: Q1\nheader-rows: 40\n");
        assertThatThrownBy(() -> ColumnMapping.read(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage(file + " line 1: 'header-rows': header rows must be 1..10, not 40");
        Files.writeString(file, "npss: Q1\n");
        assertThatThrownBy(() -> ColumnMapping.read(file)).hasMessageContaining("'npss': unknown key");
        Files.writeString(file, "nps: Q1\nmetric-column: M\n");
        assertThatThrownBy(() -> ColumnMapping.read(file)).hasMessageContaining("wide (nps, csat, ces columns) or long");
    }

    @Test
    void labelsFromAFileInAnyLanguageWinOverTheStandardOnes(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels.yaml");
        Files.writeString(labels, "csat:\n  Muy satisfecho: 5\n  Insatisfecho: 2\n  Satisfied: 3\n");
        AnswerLabels l = AnswerLabels.read(labels);
        assertThat(l.rating(Metric.CSAT, "muy  SATISFECHO.")).isEqualTo(OptionalInt.of(5));
        assertThat(l.rating(Metric.CSAT, "Satisfied")).isEqualTo(OptionalInt.of(3));
        assertThat(AnswerLabels.standard().rating(Metric.CSAT, "Satisfied")).isEqualTo(OptionalInt.of(4));
        assertThat(AnswerLabels.standard().rating(Metric.NPS, "10 – Extremely likely")).isEqualTo(OptionalInt.of(10));
        assertThat(AnswerLabels.standard().rating(Metric.NPS, "9.5")).isEmpty();
        assertThat(AnswerLabels.standard().rating(Metric.CES, "Somewhat agree")).isEqualTo(OptionalInt.of(5));
        Files.writeString(labels, "csat:\n  Wow: 6\n");
        assertThatThrownBy(() -> AnswerLabels.read(labels)).hasMessageContaining("rating 6 is not a whole number in 1..5");
        // a mapping file names its labels file relative to itself
        Path mapping = dir.resolve("m.yaml");
        Files.writeString(labels, "csat:\n  Muy satisfecho: 5\n");
        Files.writeString(mapping, "csat: P2\nlabels: labels.yaml\n");
        List<dev.cxkit.core.survey.Response> out = new ArrayList<>();
        ResponseReader.builder().mapping(ColumnMapping.read(mapping)).build().read(
                new ByteArrayInputStream("P2\nMuy satisfecho\n".getBytes(StandardCharsets.UTF_8)), "es.csv", out::add,
                r -> { throw new AssertionError(r.message()); });
        assertThat(out).extracting(dev.cxkit.core.survey.Response::score).containsExactly(5);
    }

    @Test
    void inspectionProposesTheDayMonthOrderOnlyWhenTheFileSettlesIt(@TempDir Path dir) throws IOException {
        Path settled = dir.resolve("settled.csv");
        Files.writeString(settled, "id,when,How likely are you to recommend us?\n1,03/04/2026 17:00,9\n"
                + "2,25/04/2026 09:30,3\n");
        ExportInspection a = ExportInspection.of(settled, ColumnMapping.STANDARD);
        assertThat(a.mapping().timeFormat()).isEqualTo("d/M/yyyy H:mm");
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "id,when,How likely are you to recommend us?\n1,03/04/2026 17:00,9\n"
                + "2,04/05/2026 09:30,3\n");
        ExportInspection b = ExportInspection.of(open, ColumnMapping.STANDARD);
        assertThat(b.mapping().timeFormat()).isNull();
        assertThat(b.notes()).anyMatch(n -> n.contains("whose day and month cannot be told apart"));
        // the proposal reads the settled file with its pattern
        List<dev.cxkit.core.survey.Response> out = new ArrayList<>();
        ResponseReader.builder().mapping(a.mapping().toBuilder().zone(java.time.ZoneOffset.UTC).build()).build()
                .read(settled, out::add, r -> { throw new AssertionError(r.message()); });
        assertThat(out).extracting(r -> r.submittedAt().toString())
                .containsExactly("2026-04-03T17:00:00Z", "2026-04-25T09:30:00Z");
    }
}
