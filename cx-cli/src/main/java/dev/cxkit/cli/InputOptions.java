package dev.cxkit.cli;

import dev.cxkit.core.io.AnswerLabels;
import dev.cxkit.core.io.ColumnMapping;
import dev.cxkit.core.io.InputFormat;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.io.UnreadableInputException;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.ResponseFilter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * How every input file is read: its format and encoding, and how a survey platform's export maps
 * onto responses (the options of a {@link ColumnMapping}, or a {@code --mapping} file of them).
 * The option names are fixed: analysts' scripts depend on them.
 */
final class InputOptions {

    @Option(names = "--input-format", paramLabel = "csv|jsonl", converter = Converters.InputFormatConverter.class,
            description = "Read every input as this format. Default: from the file extension (- and unknown "
                    + "extensions: JSON Lines if the first character is {, else CSV; .xlsx workbooks and gzip by "
                    + "their first bytes).")
    InputFormat format;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The encoding of inputs without a byte-order mark, for example windows-1252 for the CSV "
                    + "of an older Excel. Default: UTF-8 (UTF-16 is recognised by its byte-order mark, gzip by its "
                    + "first bytes).")
    private String encoding;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "A YAML file of the options below, without their dashes (nps: Q5, time-format: ..., "
                    + "metric-map: {LTR: nps}), written once per survey; options given here win over it. "
                    + "cx inspect FILE prints one. Default: none.")
    private Path mappingFile;

    @Option(names = "--nps", paramLabel = "COLUMN",
            description = "A wide file (one row per respondent): the column of the NPS rating (0-10), by its "
                    + "header or its question text. Each row gives one response per mapped metric it answers. "
                    + "Default: none (a long file: one answer per row).")
    private String nps;

    @Option(names = "--csat", paramLabel = "COLUMN", description = "A wide file: the column of the CSAT rating (1-5). Default: none.")
    private String csat;

    @Option(names = "--ces", paramLabel = "COLUMN", description = "A wide file: the column of the CES rating (1-7). Default: none.")
    private String ces;

    @Option(names = "--id", paramLabel = "COLUMN",
            description = "The response id column. Default: response_id. Duplicates are judged on (id, metric).")
    private String id;

    @Option(names = "--time", paramLabel = "COLUMN", description = "The submission time column. Default: submitted_at.")
    private String time;

    @Option(names = "--customer", paramLabel = "COLUMN", description = "The customer id column. Default: customer_id.")
    private String customer;

    @Option(names = "--comment", paramLabel = "COLUMN", description = "The free-text comment column. Default: comment.")
    private String comment;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "The survey weight column. Default: weight.")
    private String weight;

    @Option(names = "--no-weights", description = "Ignore any weight column: every response weighs 1. Default: weights are used.")
    private boolean noWeights;

    @Option(names = "--metric-column", paramLabel = "COLUMN",
            description = "A long file with other names: the column that says which metric a row rates. "
                    + "Default: metric.")
    private String metricColumn;

    @Option(names = "--score-column", paramLabel = "COLUMN",
            description = "A long file with other names: the column of the rating. Default: score.")
    private String scoreColumn;

    @Option(names = "--metric-map", paramLabel = "CODE=METRIC[,...]",
            description = "What the metric column's codes mean, for example LTR=nps,OSAT=csat,EFFORT=ces. "
                    + "Default: nps, csat and ces themselves.")
    private String metricMap;

    @Option(names = "--header-rows", paramLabel = "N",
            description = "The number of header rows (the second is read as question texts). Default: "
                    + "recognised (Qualtrics 3, SurveyMonkey 2, else 1).")
    private Integer headerRows;

    @Option(names = "--time-format", paramLabel = "PATTERN",
            description = "The java.time pattern of every time, for example 'dd/MM/yyyy HH:mm'. Default: ISO-8601 "
                    + "and the platforms' usual shapes; a day/month order that cannot be told is an error that "
                    + "asks for this option.")
    private String timeFormat;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "A YAML file of answer labels and the ratings they stand for, by metric (csat: {Muy "
                    + "satisfecho: 5}). Default: the English labels of CSAT, CES 2.0 and NPS's ends only.")
    private Path labelsFile;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet of an .xlsx workbook. Default: the first.")
    private String sheet;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The CSV delimiter: , ; tab or |. Default: the one the header uses most.")
    private String delimiter;

    @Option(names = "--decimal-comma", negatable = true,
            description = "Numbers are written 1,5 (a European Excel). Default: on when the delimiter is ;.")
    private Boolean decimalComma;

    /**
     * Returns the encoding, or null for the mapping file's (or UTF-8).
     *
     * @throws UsageException if the name is not an encoding this Java knows
     */
    Charset encoding() {
        if (encoding == null) {
            return null;
        }
        try {
            return ColumnMapping.charset(encoding);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--encoding " + e.getMessage());
        }
    }

    /**
     * Returns the column mapping: the {@code --mapping} file's, overridden by the options given.
     *
     * @param zone the zone of times without an offset (the command's {@code --zone})
     * @throws UsageException if an option's value is invalid
     * @throws IOException if the mapping or labels file cannot be read (an {@link UnreadableInputException}
     *     names the file)
     */
    ColumnMapping mapping(ZoneId zone) throws IOException {
        ColumnMapping.Builder b = mappingFile == null ? ColumnMapping.builder()
                : ColumnMapping.read(mappingFile).toBuilder();
        try {
            if (nps != null) {
                b.rating(Metric.NPS, nps);
            }
            if (csat != null) {
                b.rating(Metric.CSAT, csat);
            }
            if (ces != null) {
                b.rating(Metric.CES, ces);
            }
            if (id != null) {
                b.id(id);
            }
            if (time != null) {
                b.time(time);
            }
            if (customer != null) {
                b.customer(customer);
            }
            if (comment != null) {
                b.comment(comment);
            }
            if (weight != null) {
                b.weight(weight);
            }
            if (noWeights) {
                b.noWeights(true);
            }
            if (metricColumn != null) {
                b.metricColumn(metricColumn);
            }
            if (scoreColumn != null) {
                b.scoreColumn(scoreColumn);
            }
            if (metricMap != null) {
                b.metricCodes(metricMap);
            }
            if (headerRows != null) {
                b.headerRows(headerRows);
            }
            if (timeFormat != null) {
                b.timeFormat(timeFormat);
            }
            if (labelsFile != null) {
                b.labels(AnswerLabels.read(labelsFile));
            }
            if (sheet != null) {
                b.sheet(sheet);
            }
            if (delimiter != null) {
                b.delimiter(ColumnMapping.delimiter(delimiter));
            }
            if (decimalComma != null) {
                b.decimalComma(decimalComma);
            }
            if (encoding != null) {
                b.encoding(encoding());
            }
            if (zone != null && (mappingFile == null || b.build().zone() == null)) {
                b.zone(zone);
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Returns the reader of responses these options describe.
     *
     * @param zone the zone of times without an offset
     * @param filter which responses to keep, or null for all
     * @param timeRequired whether a row whose time cannot be read is rejected (a period needs it)
     * @param rejectDuplicateIds whether a repeated (id, metric) is rejected
     */
    ResponseReader responseReader(ZoneId zone, ResponseFilter filter, boolean timeRequired, boolean rejectDuplicateIds)
            throws IOException {
        return responseReader(zone, filter, timeRequired, rejectDuplicateIds, 1);
    }

    /**
     * Returns the reader of responses these options describe, reading large files into a
     * collector on up to {@code threads} threads.
     */
    ResponseReader responseReader(ZoneId zone, ResponseFilter filter, boolean timeRequired, boolean rejectDuplicateIds,
            int threads) throws IOException {
        return ResponseReader.builder().format(format).mapping(mapping(zone)).filter(filter)
                .timeRequired(timeRequired).rejectDuplicateIds(rejectDuplicateIds).threads(threads).build();
    }

    /** Returns the reader of journey events, in these options' format and encoding. */
    JourneyEventReader eventReader() {
        return JourneyEventReader.of(format, encoding());
    }
}
