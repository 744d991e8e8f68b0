package dev.cxkit.rules.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Drools spreadsheet decision tables in a policy: {@code *.drl.csv} and {@code *.drl.xlsx}, turned
 * into DRL by {@code drools-decisiontables} when the policy is loaded, so that everything after
 * (compiling, lint, the settings check, scenarios) treats a table like the DRL it stands for.
 * Stateless.
 */
final class DecisionTables {

    private DecisionTables() {
    }

    /** Whether a file name is a decision table's. */
    static boolean isTable(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
    }

    /**
     * Turns a table into DRL and adds it under its file name, or reports why it cannot be read.
     *
     * @param policy the policy's name, for messages
     * @param fileName the table's file name
     * @param bytes the file
     * @param files where the DRL goes
     * @param problems where a failure goes
     */
    static void load(String policy, String fileName, byte[] bytes, Map<String, String> files,
            List<PolicyProblem> problems) {
        InputType type = fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? InputType.CSV : InputType.XLS;
        try {
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
            if (drl == null || drl.isBlank()) {
                problems.add(new PolicyProblem(policy + "/" + fileName, 0, null, "decision table has no RuleSet and "
                        + "RuleTable: nothing to load", true));
                return;
            }
            files.put(fileName, drl);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            problems.add(new PolicyProblem(policy + "/" + fileName, 0, null, "decision table cannot be read: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), true));
        }
    }

    /** A hint for a file that looks like a table or a model but is not loaded. */
    static String hint(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return " (to load this as a decision table, name it " + fileName.replaceFirst("\\.(?i)(csv|xlsx|xls)$",
                    ".drl.$1") + ")";
        }
        if (lower.endsWith(".dmn")) {
            return " (DMN models are not run by cx policies)";
        }
        return "";
    }
}
