package dev.cxkit.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.report.HealthReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class CsvFormatTest {

    private static final CsvFormat CSV = (CsvFormat) ReportFormat.csv();

    @Test
    void groupRowsHoldTheJsonNumbers() throws Exception {
        HealthReport report = ReportFixtures.realistic();
        JsonNode json = new ObjectMapper().readTree(ReportFormat.json().render(report));
        List<String> lines = CSV.tables(report).get("groups.csv").lines().toList();
        assertThat(lines.get(0)).startsWith("column,metric,name,n,value,lower,upper,low_sample,weighted,effective_n,"
                + "vs_rest,vs_rest_p_adjusted,differs_from_rest");
        JsonNode rows = json.get("scores").get("groups").get(0).get("rows");
        int tested = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells[2]).isEqualTo(row.get("name").asString());
            assertThat(cells[3]).isEqualTo(row.get("n").asString());
            assertThat(cells[4]).isEqualTo(row.get("value").isNull() ? "" : row.get("value").decimalValue().toPlainString());
            if (!row.get("vsRest").isNull()) {
                tested++;
                assertThat(cells[10]).isEqualTo(row.get("vsRest").get("difference").decimalValue().toPlainString());
                assertThat(cells[11]).isEqualTo(row.get("vsRestAdjustedP").decimalValue().toPlainString());
            }
        }
        assertThat(tested).isPositive();
    }

    @Test
    void absentSectionsWriteNoTableAndTheFolderIsWritten(@TempDir Path dir) throws Exception {
        Map<String, String> tables = CSV.tables(ReportFixtures.responsesOnly());
        assertThat(tables).containsKeys("headline.csv", "groups.csv", "inputs.csv").doesNotContainKeys("funnel.csv",
                "failure-impact.csv");
        CSV.write(ReportFixtures.responsesOnly(), dir.resolve("csv"));
        assertThat(Files.readString(dir.resolve("csv").resolve("inputs.csv"))).startsWith(
                "input,kind,read,accepted,rejected,duplicates,filtered\r\n");
    }

    @Test
    void cellsASpreadsheetWouldRunAreText() {
        assertThat(CsvFormat.line(List.of("=HYPERLINK(\"x\")", "-3.5", "+2", "@SUM(A1)", "-cmd", "a,b", " pad")))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",-3.5,+2,'@SUM(A1),'-cmd,\"a,b\",\" pad\"");
        String hostile = CSV.render(ReportFixtures.hostile());
        assertThat(hostile).doesNotContain(",=").contains(ReportFixtures.QUOTES.replace("\"", "\"\""));
    }
}
