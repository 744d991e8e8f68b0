package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.cli.print.TextTable;
import dev.cxkit.core.io.ExportInspection;
import dev.cxkit.core.io.ExportInspection.Column;
import dev.cxkit.report.internal.OutputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code cx inspect FILE}: what a survey export looks like, and the command line that reads it. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Say what a survey export looks like (platform, header rows, delimiter, encoding, rows), what "
            + "each column holds (filled cells, range, answer labels, times), which columns seem to hold the NPS, "
            + "CSAT and CES answers, the id, the time and the comment, and print the cx command and the mapping "
            + "file that read it. Start here with a new export."},
        footer = {"", "Exit codes: 0 success, 2 usage error or unreadable input.",
            "", "Example:", "  cx inspect qualtrics-export.csv --save-mapping survey.yaml"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The export: CSV, TSV, .xlsx, gzip or JSON Lines.")
    private Path file;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class, description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--save-mapping", paramLabel = "FILE",
            description = "Also write the proposed mapping to FILE (YAML), for --mapping FILE. Default: not written.")
    private Path saveMapping;

    @Mixin
    private InputOptions input;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.CSV) {
            throw new UsageException("--format csv is not available for inspect (use table or json)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " is not a file");
        }
        OutputFiles outputs = new OutputFiles(List.of(file));
        if (saveMapping != null) {
            Inputs.claim(outputs, saveMapping, "--save-mapping");
        }
        ExportInspection inspection = ExportInspection.of(file, input.mapping(null));
        if (saveMapping != null) {
            outputs.write(saveMapping, inspection.mapping().toYaml());
            outputs.commit();
        }
        if (format == OutputFormat.JSON) {
            printJson(out, inspection);
        } else {
            printText(out, inspection);
        }
        out.flush();
        return 0;
    }

    private void printText(PrintWriter out, ExportInspection in) {
        out.printf("%s: %s, looks like %s; %d header %s; delimiter %s; %s; %d rows.%n%n", in.source(), in.container(),
                in.platform(), in.headerRows(), in.headerRows() == 1 ? "row" : "rows",
                in.delimiter() == '\t' ? "tab" : "'" + in.delimiter() + "'", in.encoding(), in.rows());
        TextTable table = new TextTable(List.of("column", "question", "filled", "values", "examples", "holds"),
                new boolean[] {false, false, true, false, false, false});
        for (Column c : in.columns()) {
            table.add(List.of(cut(c.name(), 28), c.question() == null ? "" : cut(c.question(), 36),
                    Long.toString(c.filled()), values(c), cut(String.join(" | ", c.examples()), 40),
                    c.role() == null ? "" : c.role()));
        }
        table.print(out);
        String name = file.toString();
        out.println();
        out.println("Read it with:");
        out.println("  " + in.commandLine("score", name));
        out.println("  " + in.commandLine("report --responses", name));
        out.println();
        out.println("or put this in a mapping file and pass --mapping FILE" + (saveMapping != null ? " (written to "
                + saveMapping + ")" : " (--save-mapping FILE writes it)") + ":");
        in.mapping().toYaml().lines().forEach(l -> out.println("  " + l));
        if (!in.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            in.notes().forEach(n -> out.println("  - " + n));
        }
    }

    /** What a column's values are: {@code 0..10}, {@code 5 labels}, {@code times}, {@code 12 distinct}. */
    private static String values(Column c) {
        List<String> parts = new ArrayList<>();
        if (c.min() != null) {
            parts.add(c.min() + ".." + c.max());
        }
        long labels = c.labels().stream().mapToLong(Long::longValue).max().orElse(0);
        if (labels > 0) {
            parts.add(labels + " labels");
        }
        if (c.times() > 0) {
            parts.add("times");
        }
        if (parts.isEmpty() && c.filled() > 0) {
            parts.add(c.distinct() > 50 ? "text, many values" : "text, " + c.distinct() + " distinct");
        }
        return String.join(", ", parts);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private void printJson(PrintWriter out, ExportInspection in) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("file", in.source());
        root.put("container", in.container());
        root.put("platform", in.platform());
        root.put("headerRows", in.headerRows());
        root.put("delimiter", String.valueOf(in.delimiter()));
        root.put("encoding", in.encoding());
        root.put("rows", in.rows());
        ArrayNode columns = root.putArray("columns");
        for (Column c : in.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", c.name());
            node.put("question", c.question());
            node.put("filled", c.filled());
            node.put("distinct", c.distinct());
            if (c.min() != null) {
                node.put("min", c.min());
                node.put("max", c.max());
            }
            node.put("wholeNumbers", c.wholeNumbers());
            ObjectNode labels = node.putObject("labels");
            labels.put("nps", c.labels().get(0));
            labels.put("csat", c.labels().get(1));
            labels.put("ces", c.labels().get(2));
            node.put("times", c.times());
            ArrayNode examples = node.putArray("examples");
            c.examples().forEach(examples::add);
            node.put("role", c.role());
        }
        String name = file.toString();
        root.put("command", in.commandLine("score", name));
        root.put("mapping", in.mapping().toYaml());
        ArrayNode notes = root.putArray("notes");
        in.notes().forEach(notes::add);
        out.println(Json.MAPPER.writeValueAsString(root));
    }
}
