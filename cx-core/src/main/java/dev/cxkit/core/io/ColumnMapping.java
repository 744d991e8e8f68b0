package dev.cxkit.core.io;

import dev.cxkit.core.score.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How one survey's export is read: which columns hold what, how many header rows it has, how its
 * times and numbers are written. An analyst writes it once per survey, as options or as a YAML file
 * ({@link #read(Path)}); {@link ResponseReader.Builder#mapping(ColumnMapping)} applies it.
 *
 * <h2>Columns</h2>
 * A column is named by its header (case-insensitively) or, when the file has a question-text row
 * (Qualtrics, SurveyMonkey), by that text.
 * <ul>
 *   <li><b>Wide files</b>, one row per respondent: {@link Builder#rating(Metric, String)} names the
 *       column of each metric's rating ({@code nps}, {@code csat}, {@code ces}). Each row then
 *       yields one response per mapped metric it answers, sharing the row's id, time and other
 *       columns. A row that answers none of them is counted as {@linkplain ReadSummary#unanswered()
 *       unanswered}, not rejected.
 *   <li><b>Long files</b> with other names: {@code metricColumn}, {@code scoreColumn} and
 *       {@code metricCodes} (a code such as {@code Q1} or {@code Satisfaction} to a metric).
 *   <li>{@code id}, {@code time}, {@code customer}, {@code comment}, {@code weight}: the columns of
 *       the response id, submission time, customer id, free-text comment and survey weight;
 *       {@code noWeights} ignores any weight column.
 * </ul>
 * A role that is mapped is no longer found by its standard name (a column called {@code score} in
 * a wide file is then an attribute), and every mapped column must exist.
 *
 * <h2>The file</h2>
 * {@code headerRows} (1 to 10; default: recognised, three for Qualtrics and two for SurveyMonkey,
 * else one), {@code timeFormat} (a {@link java.time.format.DateTimeFormatter} pattern; default: ISO-8601
 * and the platforms' usual shapes), {@code zone} (for times without an offset), {@code labels}
 * (answer texts, see {@link AnswerLabels}), {@code delimiter} ({@code ,} {@code ;} or a tab; default
 * from the header), {@code decimalComma} (default: on when the delimiter is {@code ;}), {@code sheet}
 * (of an {@code .xlsx} workbook; default the first) and {@code encoding}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ColumnMapping {

    /** The mapping that maps nothing: the standard long format. */
    public static final ColumnMapping STANDARD = builder().build();

    /** The most header rows a file may declare. */
    public static final int MAX_HEADER_ROWS = 10;

    private final Map<Metric.Kind, String> ratings;
    private final String id;
    private final String time;
    private final String customer;
    private final String comment;
    private final String weight;
    private final boolean noWeights;
    private final String metricColumn;
    private final String scoreColumn;
    private final Map<String, Metric> metricCodes;
    private final Integer headerRows;
    private final String timeFormat;
    private final ZoneId zone;
    private final AnswerLabels labels;
    private final Character delimiter;
    private final Boolean decimalComma;
    private final String sheet;
    private final Charset encoding;

    private ColumnMapping(Builder b) {
        this.ratings = Collections.unmodifiableMap(new LinkedHashMap<>(b.ratings));
        this.id = b.id;
        this.time = b.time;
        this.customer = b.customer;
        this.comment = b.comment;
        this.weight = b.weight;
        this.noWeights = b.noWeights;
        this.metricColumn = b.metricColumn;
        this.scoreColumn = b.scoreColumn;
        this.metricCodes = Collections.unmodifiableMap(new LinkedHashMap<>(b.metricCodes));
        this.headerRows = b.headerRows;
        this.timeFormat = b.timeFormat;
        this.zone = b.zone;
        this.labels = b.labels;
        this.delimiter = b.delimiter;
        this.decimalComma = b.decimalComma;
        this.sheet = b.sheet;
        this.encoding = b.encoding;
    }

    /**
     * Starts an empty mapping.
     *
     * @return a builder that maps nothing
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this mapping, for options that override a file's.
     *
     * @return a builder holding this mapping's settings
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ratings.putAll(ratings);
        b.id = id;
        b.time = time;
        b.customer = customer;
        b.comment = comment;
        b.weight = weight;
        b.noWeights = noWeights;
        b.metricColumn = metricColumn;
        b.scoreColumn = scoreColumn;
        b.metricCodes.putAll(metricCodes);
        b.headerRows = headerRows;
        b.timeFormat = timeFormat;
        b.zone = zone;
        b.labels = labels;
        b.delimiter = delimiter;
        b.decimalComma = decimalComma;
        b.sheet = sheet;
        b.encoding = encoding;
        return b;
    }

    /**
     * Reads a mapping file: YAML (or JSON) whose keys are the option names without their dashes,
     * {@code nps: "Q5"}, {@code metric-column: Question}, {@code metric-map: {Q1: nps, Q2: csat}}
     * (or {@code "Q1=nps,Q2=csat"}), {@code header-rows: 3}, {@code no-weights: true}. Keys may be
     * written with dashes, underscores or in camelCase. A {@code labels} path is resolved against
     * the mapping file's folder.
     *
     * @param file the file
     * @return the mapping
     * @throws UnreadableInputException if a key is unknown or a value is invalid (the message names
     *     the file and the key)
     * @throws IOException if the file, or the labels file it names, cannot be read
     */
    public static ColumnMapping read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = YAMLMapper.builder().build().readTree(in);
        } catch (JacksonException e) {
            throw new UnreadableInputException(file.toString(), 1, "not valid YAML: " + JsonMessages.plain(e.getOriginalMessage()));
        }
        Builder b = builder();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return b.build();
        }
        String source = file.toString();
        if (!root.isObject()) {
            throw new UnreadableInputException(source, 1, "expected a mapping of option names to values");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            try {
                switch (key) {
                    case "nps" -> b.rating(Metric.NPS, text(v));
                    case "csat" -> b.rating(Metric.CSAT, text(v));
                    case "ces" -> b.rating(Metric.CES, text(v));
                    case "id" -> b.id(text(v));
                    case "time" -> b.time(text(v));
                    case "customer" -> b.customer(text(v));
                    case "comment" -> b.comment(text(v));
                    case "weight" -> b.weight(text(v));
                    case "noweights" -> b.noWeights(bool(v));
                    case "metriccolumn" -> b.metricColumn(text(v));
                    case "scorecolumn" -> b.scoreColumn(text(v));
                    case "metricmap" -> {
                        if (v.isObject()) {
                            for (Map.Entry<String, JsonNode> code : v.properties()) {
                                b.metricCode(code.getKey(), Metric.parse(text(code.getValue())));
                            }
                        } else {
                            b.metricCodes(text(v));
                        }
                    }
                    case "headerrows" -> b.headerRows(v.isIntegralNumber() ? v.asInt() : Integer.parseInt(text(v)));
                    case "timeformat" -> b.timeFormat(text(v));
                    case "zone" -> b.zone(ZoneId.of(text(v)));
                    case "labels" -> {
                        Path labelsFile = Path.of(text(v));
                        Path folder = file.toAbsolutePath().getParent();
                        b.labels(AnswerLabels.read(folder == null || labelsFile.isAbsolute() ? labelsFile
                                : folder.resolve(labelsFile)));
                    }
                    case "delimiter" -> b.delimiter(delimiter(text(v)));
                    case "decimalcomma" -> b.decimalComma(bool(v));
                    case "sheet" -> b.sheet(text(v));
                    case "encoding" -> b.encoding(charset(text(v)));
                    default -> throw new IllegalArgumentException("unknown key (expected nps, csat, ces, id, time, "
                            + "customer, comment, weight, no-weights, metric-column, score-column, metric-map, "
                            + "header-rows, time-format, zone, labels, delimiter, decimal-comma, sheet, encoding)");
                }
            } catch (IllegalArgumentException | DateTimeException | IllegalStateException ex) {
                throw new UnreadableInputException(source, 1, "'" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return b.build();
    }

    private static String text(JsonNode v) {
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException("expected a text value");
        }
        return v.asString();
    }

    private static boolean bool(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String t = text(v).trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("yes")) {
            return true;
        }
        if (t.equals("false") || t.equals("no")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false, not '" + t + "'");
    }

    /**
     * Parses a delimiter as written in an option: {@code ,}, {@code ;}, {@code tab} or {@code \t}.
     *
     * @param text the text
     * @return the delimiter
     * @throws IllegalArgumentException if it is none of these
     */
    public static char delimiter(String text) {
        switch (text) {
            case ",":
                return ',';
            case ";":
                return ';';
            case "\t":
            case "\\t":
            case "tab":
            case "TAB":
                return '\t';
            case "|":
                return '|';
            default:
                throw new IllegalArgumentException("delimiter '" + text + "' is not one of , ; tab |");
        }
    }

    /** Returns the rating column of each mapped metric kind (a wide file), in the order mapped. */
    public Map<Metric.Kind, String> ratings() {
        return ratings;
    }

    /** Returns whether rating columns are mapped: one row per respondent, one column per metric. */
    public boolean wide() {
        return !ratings.isEmpty();
    }

    /** Returns the response id column, or null for {@code response_id}. */
    public @Nullable String id() {
        return id;
    }

    /** Returns the submission time column, or null for {@code submitted_at}. */
    public @Nullable String time() {
        return time;
    }

    /** Returns the customer id column, or null for {@code customer_id}. */
    public @Nullable String customer() {
        return customer;
    }

    /** Returns the comment column, or null for {@code comment}. */
    public @Nullable String comment() {
        return comment;
    }

    /** Returns the weight column, or null for {@code weight}. */
    public @Nullable String weight() {
        return weight;
    }

    /** Returns whether weights are ignored. */
    public boolean noWeights() {
        return noWeights;
    }

    /** Returns the metric column of a long file, or null for {@code metric}. */
    public @Nullable String metricColumn() {
        return metricColumn;
    }

    /** Returns the score column of a long file, or null for {@code score}. */
    public @Nullable String scoreColumn() {
        return scoreColumn;
    }

    /** Returns the metric codes of a long file (code to metric; codes matched case-insensitively). */
    public Map<String, Metric> metricCodes() {
        return metricCodes;
    }

    /** Returns the number of header rows, or null to recognise it. */
    public @Nullable Integer headerRows() {
        return headerRows;
    }

    /** Returns the time-format pattern, or null for ISO-8601 and the platforms' shapes. */
    public @Nullable String timeFormat() {
        return timeFormat;
    }

    /** Returns the zone of times without an offset, or null (then such times are rejected). */
    public @Nullable ZoneId zone() {
        return zone;
    }

    /** Returns the answer labels (never null: the standard ones by default). */
    public AnswerLabels labels() {
        return labels;
    }

    /** Returns the CSV delimiter, or null to detect it from the header. */
    public @Nullable Character delimiter() {
        return delimiter;
    }

    /** Returns whether numbers use a decimal comma, or null to decide by the delimiter ({@code ;}: yes). */
    public @Nullable Boolean decimalComma() {
        return decimalComma;
    }

    /** Returns the workbook sheet to read, or null for the first. */
    public @Nullable String sheet() {
        return sheet;
    }

    /** Returns the encoding of inputs without a byte-order mark, or null for UTF-8. */
    public @Nullable Charset encoding() {
        return encoding;
    }

    /**
     * Writes this mapping as the YAML a {@link #read(Path)} reads back (labels, which come from
     * their own file, are left out).
     *
     * @return YAML text, one key per line
     */
    public String toYaml() {
        StringBuilder y = new StringBuilder();
        ratings.forEach((kind, column) -> y.append(kind.name().toLowerCase(Locale.ROOT)).append(": ")
                .append(quote(column)).append('\n'));
        line(y, "id", id);
        line(y, "time", time);
        line(y, "customer", customer);
        line(y, "comment", comment);
        line(y, "weight", weight);
        if (noWeights) {
            y.append("no-weights: true\n");
        }
        line(y, "metric-column", metricColumn);
        line(y, "score-column", scoreColumn);
        if (!metricCodes.isEmpty()) {
            y.append("metric-map:\n");
            metricCodes.forEach((code, metric) -> y.append("  ").append(quote(code)).append(": ").append(metric.id())
                    .append('\n'));
        }
        line(y, "header-rows", headerRows == null ? null : headerRows.toString());
        line(y, "time-format", timeFormat);
        line(y, "zone", zone == null ? null : zone.getId());
        line(y, "delimiter", delimiter == null ? null : delimiter == '\t' ? "tab" : delimiter.toString());
        line(y, "decimal-comma", decimalComma == null ? null : decimalComma.toString());
        line(y, "sheet", sheet);
        line(y, "encoding", encoding == null ? null : encoding.name());
        return y.toString();
    }

    private static void line(StringBuilder y, String key, String value) {
        if (value != null) {
            y.append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    /** Double-quotes a YAML scalar, escaping backslashes and quotes. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return "ColumnMapping{" + toYaml().replace('\n', ' ').trim() + "}";
    }

    /** Builds a {@link ColumnMapping}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private final Map<Metric.Kind, String> ratings = new LinkedHashMap<>();
        private String id;
        private String time;
        private String customer;
        private String comment;
        private String weight;
        private boolean noWeights;
        private String metricColumn;
        private String scoreColumn;
        private final Map<String, Metric> metricCodes = new LinkedHashMap<>();
        private Integer headerRows;
        private String timeFormat;
        private ZoneId zone;
        private AnswerLabels labels = AnswerLabels.standard();
        private Character delimiter;
        private Boolean decimalComma;
        private String sheet;
        private Charset encoding;

        private Builder() {
        }

        /**
         * Names the column that holds a metric's ratings (a wide file).
         *
         * @param metric {@link Metric#NPS}, {@link Metric#CSAT} or {@link Metric#CES}
         * @param column the column's header or question text
         * @return this builder
         * @throws IllegalArgumentException if the column is blank
         */
        public Builder rating(Metric metric, String column) {
            Objects.requireNonNull(metric, "metric");
            ratings.put(metric.kind(), column(column));
            return this;
        }

        /** Names the response id column. @param column the column @return this builder */
        public Builder id(String column) {
            this.id = column(column);
            return this;
        }

        /** Names the submission time column. @param column the column @return this builder */
        public Builder time(String column) {
            this.time = column(column);
            return this;
        }

        /** Names the customer id column. @param column the column @return this builder */
        public Builder customer(String column) {
            this.customer = column(column);
            return this;
        }

        /** Names the free-text comment column (kept as the {@code comment} attribute). @param column the column @return this builder */
        public Builder comment(String column) {
            this.comment = column(column);
            return this;
        }

        /** Names the survey weight column. @param column the column @return this builder */
        public Builder weight(String column) {
            this.weight = column(column);
            return this;
        }

        /** Ignores any weight column (every response weighs 1). @param value true to ignore weights @return this builder */
        public Builder noWeights(boolean value) {
            this.noWeights = value;
            return this;
        }

        /** Names the metric column of a long file. @param column the column @return this builder */
        public Builder metricColumn(String column) {
            this.metricColumn = column(column);
            return this;
        }

        /** Names the score column of a long file. @param column the column @return this builder */
        public Builder scoreColumn(String column) {
            this.scoreColumn = column(column);
            return this;
        }

        /**
         * Says which metric a code in the metric column stands for.
         *
         * @param code the code, matched case-insensitively
         * @param metric the metric
         * @return this builder
         */
        public Builder metricCode(String code, Metric metric) {
            Objects.requireNonNull(metric, "metric");
            metricCodes.put(column(code), metric);
            return this;
        }

        /**
         * Adds metric codes written as {@code CODE=nps,CODE=csat,...}.
         *
         * @param pairs the codes
         * @return this builder
         * @throws IllegalArgumentException if a pair has no {@code =} or names an unknown metric
         */
        public Builder metricCodes(String pairs) {
            for (String pair : pairs.split(",")) {
                int eq = pair.lastIndexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + pair.trim() + "' is not CODE=METRIC (for example Q1=nps)");
                }
                metricCode(pair.substring(0, eq).trim(), Metric.parse(pair.substring(eq + 1)));
            }
            return this;
        }

        /**
         * Sets the number of header rows.
         *
         * @param value 1 to {@value #MAX_HEADER_ROWS}, or null to recognise it
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder headerRows(@Nullable Integer value) {
            if (value != null && (value < 1 || value > MAX_HEADER_ROWS)) {
                throw new IllegalArgumentException("header rows must be 1.." + MAX_HEADER_ROWS + ", not " + value);
            }
            this.headerRows = value;
            return this;
        }

        /**
         * Sets the pattern every time is written in.
         *
         * @param pattern a {@link java.time.format.DateTimeFormatter} pattern such as {@code dd/MM/yyyy HH:mm}, or null
         * @return this builder
         * @throws IllegalArgumentException if the pattern is not valid
         */
        public Builder timeFormat(@Nullable String pattern) {
            if (pattern != null) {
                Timestamps.formatter(pattern);
            }
            this.timeFormat = pattern;
            return this;
        }

        /** Sets the zone of times without an offset. @param value the zone, or null to reject them @return this builder */
        public Builder zone(@Nullable ZoneId value) {
            this.zone = value;
            return this;
        }

        /** Sets the answer labels. @param value the labels @return this builder */
        public Builder labels(AnswerLabels value) {
            this.labels = Objects.requireNonNull(value, "labels");
            return this;
        }

        /**
         * Sets the CSV delimiter.
         *
         * @param value {@code ,} {@code ;} tab or {@code |}, or null to detect it
         * @return this builder
         * @throws IllegalArgumentException for another character
         */
        public Builder delimiter(@Nullable Character value) {
            if (value != null && ",;\t|".indexOf(value) < 0) {
                throw new IllegalArgumentException("delimiter '" + value + "' is not one of , ; tab |");
            }
            this.delimiter = value;
            return this;
        }

        /** Sets whether numbers use a decimal comma. @param value true, false, or null to decide by the delimiter @return this builder */
        public Builder decimalComma(@Nullable Boolean value) {
            this.decimalComma = value;
            return this;
        }

        /** Names the workbook sheet to read. @param value the sheet's name, or null for the first @return this builder */
        public Builder sheet(@Nullable String value) {
            this.sheet = value;
            return this;
        }

        /** Sets the encoding of inputs without a byte-order mark. @param value the encoding, or null for UTF-8 @return this builder */
        public Builder encoding(@Nullable Charset value) {
            this.encoding = value;
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws IllegalStateException if rating columns and a metric or score column are both
         *     mapped, or metric codes are given for a wide file
         */
        public ColumnMapping build() {
            if (!ratings.isEmpty() && (metricColumn != null || scoreColumn != null || !metricCodes.isEmpty())) {
                throw new IllegalStateException("a file is wide (nps, csat, ces columns) or long (metric-column, "
                        + "score-column, metric-map), not both");
            }
            return new ColumnMapping(this);
        }

        private static String column(String column) {
            Objects.requireNonNull(column, "column");
            if (column.isBlank()) {
                throw new IllegalArgumentException("a column name must not be blank");
            }
            return column.trim();
        }
    }

    /**
     * Returns the encoding a name stands for.
     *
     * @param name an encoding's name or alias, for example {@code windows-1252}
     * @return the encoding
     * @throws IllegalArgumentException if Java knows no such encoding (the message gives examples)
     */
    public static Charset charset(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(name + " is not an encoding Java knows (for example UTF-8, "
                    + "windows-1252, ISO-8859-1)");
        }
    }
}
