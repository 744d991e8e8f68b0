package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision tables load from a policy folder, in CSV and in xlsx, are checked like DRL and decide;
 * a table that cannot be read is an error naming it, and a file that is not loaded is a warning.
 */
class DecisionTablesTest {

    @TempDir
    Path dir;

    private static final String DRL = PolicyTest.HEADER + """
            global PlanDraft plan;
            """;

    /** The cells of a table that offers a free item for wrong items of one severity, one rule per row. */
    private static final String[][] CELLS = {
        {"RuleSet", "test.policy"},
        {"Import", "dev.cxkit.rules.fact.Incident, dev.cxkit.rules.fact.IncidentType, dev.cxkit.rules.fact.Severity, "
            + "dev.cxkit.rules.plan.PlanDraft, dev.cxkit.rules.plan.OfferKind"},
        {"Variables", "PlanDraft plan"},
        {""},
        {"RuleTable Free items"},
        {"NAME", "CONDITION", "CONDITION", "ACTION"},
        {"", "Incident", "Incident", ""},
        {"", "type == IncidentType.$param", "severity == Severity.$param", "plan.offer(OfferKind.$1, \"$2\");"},
        {"rule", "type", "severity", "offer, reason"},
        {"Free dessert for a major wrong item", "WRONG_ITEM", "MAJOR", "FREE_ITEM, a dessert on the house"},
        {"Remake a minor wrong item", "WRONG_ITEM", "MINOR", "REMAKE, made again"},
    };

    private static String csv() {
        StringBuilder sb = new StringBuilder();
        for (String[] row : CELLS) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(row[i].replace("\"", "\"\"")).append('"');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private Path policy(String name) throws IOException {
        Path policy = Files.createDirectories(dir.resolve(name));
        Files.writeString(policy.resolve("base.drl"), DRL);
        return policy;
    }

    private static RecoveryPlan decide(PolicySource source) throws Exception {
        try (Policy policy = Policy.compile(source, PolicyTest.RELAXED)) {
            return policy.decide(PolicyTest.wrongItem("i1"), PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0));
        }
    }

    @Test
    void aCsvTableDecidesLikeTheRulesItStandsFor() throws Exception {
        Path policy = policy("csv");
        Files.writeString(policy.resolve("free-items.drl.csv"), csv());
        PolicySource source = PolicySource.directory(policy);
        assertThat(source.fileNames()).containsExactly("base.drl", "free-items.drl.csv");
        assertThat(source.loadProblems()).isEmpty();
        assertThat(PolicyCheck.of(source).problems()).isEmpty();
        assertThat(PolicyCheck.of(source).rules()).isEqualTo(2);
        // PolicyTest.wrongItem is MAJOR
        RecoveryPlan plan = decide(source);
        assertThat(plan.firedRuleNames()).containsExactly("Free dessert for a major wrong item");
        assertThat(plan.offers()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(OfferKind.FREE_ITEM);
            assertThat(o.reason()).isEqualTo("a dessert on the house");
        });
    }

    @Test
    void anXlsxTableDecidesTheSame() throws Exception {
        Path policy = policy("xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(
                policy.resolve("free-items.drl.xlsx"))) {
            Sheet sheet = book.createSheet("Tables");
            for (int r = 0; r < CELLS.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < CELLS[r].length; c++) {
                    if (!CELLS[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(CELLS[r][c]);
                    }
                }
            }
            book.write(out);
        }
        PolicySource source = PolicySource.directory(policy);
        assertThat(source.loadProblems()).isEmpty();
        assertThat(decide(source).firedRuleNames()).containsExactly("Free dessert for a major wrong item");
    }

    @Test
    void aTableThatCannotBeReadIsAnErrorAndOtherFilesAreNamed() throws Exception {
        Path policy = policy("mixed");
        Files.writeString(policy.resolve("broken.drl.csv"), "just,some,cells\n");
        Files.writeString(policy.resolve("tiers.csv"), csv());
        Files.writeString(policy.resolve("model.dmn"), "<definitions/>");
        Files.writeString(policy.resolve(".editor-state"), "hidden files are left alone");
        PolicyCheck check = PolicyCheck.of(PolicySource.directory(policy));
        List<String> lines = check.problems().stream().map(PolicyProblem::toString).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("mixed/broken.drl.csv: decision table "));
        assertThat(lines).contains(
                "mixed/model.dmn: warning: not loaded: a policy folder holds *.drl files, decision tables (*.drl.csv, "
                        + "*.drl.xlsx) and settings.properties (DMN models are not run by cx policies)",
                "mixed/tiers.csv: warning: not loaded: a policy folder holds *.drl files, decision tables (*.drl.csv, "
                        + "*.drl.xlsx) and settings.properties (to load this as a decision table, name it tiers.drl.csv)");
        assertThat(check.passed()).isFalse();
        assertThat(lines).noneMatch(l -> l.contains("editor-state"));
    }

    @Test
    void theRestaurantPacksCompTiersAreATable() throws Exception {
        PolicySource restaurant = PolicySource.classpath("restaurant");
        assertThat(restaurant.fileNames()).contains("comp-tiers.drl.csv");
        assertThat(restaurant.files().get("comp-tiers.drl.csv")).contains("rule \"Wait tier: large overrun (discount)\"");
        assertThat(restaurant.files().get("comp.drl")).doesNotContain("rule \"Wait tier:");
        try (Policy policy = Policy.compile(restaurant, PolicyTest.RELAXED)) {
            RecoveryPlan plan = policy.decide(PolicyTest.wrongItem("i1"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0));
            assertThat(plan.firedRuleNames()).contains("Wrong item tier: moderate or worse (remake and a free item)");
            assertThat(plan.offers()).anySatisfy(o -> assertThat(o.reason()).contains("a MAJOR mix-up"));
        }
    }
}
