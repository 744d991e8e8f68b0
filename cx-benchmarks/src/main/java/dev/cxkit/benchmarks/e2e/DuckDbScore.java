package dev.cxkit.benchmarks.e2e;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The DuckDB side of the end-to-end comparison {@code cx-benchmarks/e2e/score-vs-duckdb.sh}:
 * {@code cx score FILE --metric nps --by COLUMN} done the way an analyst would do it without cx,
 * as one SQL query in an in-memory DuckDB over the same CSV file.
 *
 * <p>What it measures: the script times this whole process (JVM start, loading DuckDB's native
 * library, sniffing and parsing the CSV with all of DuckDB's threads, which is its default, and
 * the grouped aggregation) against the whole {@code cx score} process, which reads on one thread.
 * Why: DuckDB is what an analyst reaches for to turn a survey export into per-group scores, so
 * it is the bar that {@code cx score}'s speed has to be judged against, on the user's own
 * terms: wall time of a command, file in, numbers out.
 *
 * <p>To be a fair comparison the query does the work cx does, not less: it keeps only scores
 * that are whole numbers on the metric's scale (as cx rejects the others), and, like
 * {@code cx score} without {@code --allow-duplicate-ids}, it keeps only the first valid row of
 * each {@code (response_id, metric)} in file order (a window {@code row_number()} over the file
 * row number from {@code WITH ORDINALITY}) and counts the later ones as duplicates; rows without
 * a response id are all kept, as in cx. {@code --no-dedupe} runs the plain {@code GROUP BY}
 * instead, to show what the duplicate check costs DuckDB. Which one ran, the duplicates and the
 * query's own time are printed on standard error. It computes the plain value only (no
 * interval), which is cheaper than cx's output.
 *
 * <p>Output, on standard output, one line per group sorted by group: {@code group,n,value} with
 * the value to 2 decimals (NPS: {@code 100 * (promoters - detractors) / n}, promoters scoring
 * 9-10 and detractors 0-6; CSAT: the percentage of 4-5 on 1-5; CES: the mean of 1-7). The group
 * cell is quoted as {@code cx score --format csv} quotes it, and a missing value is empty, so
 * the script can compare the per-group {@code n} of both. No header line.
 *
 * <p>Run: {@code java -cp cx-benchmarks/target/classes:$HOME/.m2/repository/org/duckdb/duckdb_jdbc/
 * 2.0.0.1/duckdb_jdbc-2.0.0.1.jar dev.cxkit.benchmarks.e2e.DuckDbScore FILE [--by COLUMN]
 * [--metric nps|csat|ces] [--no-dedupe]}. Exit code 0 on success, 1 if the query fails (for
 * example a column the file does not have), 2 on a usage error.
 */
public final class DuckDbScore {

    private static final String USAGE = "usage: DuckDbScore FILE [--by COLUMN] [--metric nps|csat|ces] [--no-dedupe]";

    private DuckDbScore() {}

    /** A metric's scale, the two counted shares and how its value is computed from them. */
    private enum Kind {
        NPS(0, 10, "s >= 9", "s <= 6"),
        CSAT(1, 5, "s >= 4", "s <= 3"),
        CES(1, 7, "s >= 5", "s <= 3");

        final int min;
        final int max;
        final String high;
        final String low;

        Kind(int min, int max, String high, String low) {
            this.min = min;
            this.max = max;
            this.high = high;
            this.low = low;
        }

        double value(long n, long high, long low, double total) {
            switch (this) {
                case NPS:
                    return 100.0 * (high - low) / n;
                case CSAT:
                    return 100.0 * high / n;
                default:
                    return total / n;
            }
        }
    }

    /**
     * Scores the file and prints one line per group.
     *
     * @param args {@code FILE [--by COLUMN] [--metric nps|csat|ces] [--no-dedupe]}
     */
    public static void main(String[] args) {
        String file = null;
        String by = "touchpoint";
        Kind kind = Kind.NPS;
        boolean dedupe = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return;
            } else if (a.equals("--no-dedupe")) {
                dedupe = false;
            } else if (a.equals("--by") || a.equals("--metric")) {
                if (i + 1 == args.length) {
                    usage(a + " needs a value");
                    return;
                }
                String value = args[++i];
                if (a.equals("--by")) {
                    by = value;
                } else {
                    kind = metric(value);
                }
            } else if (a.startsWith("--by=")) {
                by = a.substring("--by=".length());
            } else if (a.startsWith("--metric=")) {
                kind = metric(a.substring("--metric=".length()));
            } else if (a.startsWith("-") && !a.equals("-")) {
                usage("unknown option " + a);
                return;
            } else if (file == null) {
                file = a;
            } else {
                usage("one FILE only, got " + file + " and " + a);
                return;
            }
        }
        if (kind == null) {
            usage("--metric is nps, csat or ces");
            return;
        }
        if (file == null) {
            usage("no FILE given");
            return;
        }
        by = by.trim();
        if (by.isEmpty() || by.equalsIgnoreCase("metric")) {
            usage("--by needs a column name other than metric");
            return;
        }
        String sql = dedupe ? dedupeQuery(file, by, kind) : plainQuery(file, by, kind);
        try {
            run(sql, kind, dedupe, System.out, System.err);
        } catch (SQLException e) {
            System.err.println("duckdb-score: the query failed: " + e.getMessage()
                    + (dedupe && String.valueOf(e.getMessage()).contains("\"response_id\"")
                            ? "\n(the duplicate check needs a response_id column; --no-dedupe skips it)" : ""));
            System.exit(1);
        }
    }

    private static void run(String sql, Kind kind, boolean dedupe, PrintStream out, PrintStream err)
            throws SQLException {
        long start = System.nanoTime();
        long connected;
        long queried;
        long duplicates = 0;
        StringBuilder lines = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            connected = System.nanoTime();
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    String group = rows.getString(1);
                    long n = rows.getLong(2);
                    long high = rows.getLong(3);
                    long low = rows.getLong(4);
                    double total = rows.getDouble(5);
                    duplicates += rows.getLong(6);
                    if (n == 0) {
                        continue; // a group that only had later duplicates
                    }
                    lines.append(csvCell(group == null ? "" : group)).append(',').append(n).append(',')
                            .append(String.format(Locale.ROOT, "%.2f", kind.value(n, high, low, total))).append('\n');
                }
            }
            queried = System.nanoTime();
        }
        String times = "; connect (loads the native library) " + (connected - start) / 1_000_000 + " ms, query "
                + (queried - connected) / 1_000_000 + " ms";
        out.print(lines);
        out.flush();
        err.println(dedupe
                ? "duckdb-score: dedupe: first row of each (response_id, metric) kept, " + duplicates
                        + " later duplicate" + (duplicates == 1 ? "" : "s") + " excluded" + times
                : "duckdb-score: no-dedupe: plain GROUP BY" + times);
    }

    /** The plain {@code GROUP BY}: every valid row counts. */
    static String plainQuery(String file, String by, Kind kind) {
        return "SELECT grp, count(*) AS n, count(*) FILTER (WHERE " + kind.high + ") AS high,"
                + " count(*) FILTER (WHERE " + kind.low + ") AS low, sum(s) AS total, 0 AS duplicates"
                + " FROM (SELECT CAST(" + identifier(by) + " AS VARCHAR) AS grp, TRY_CAST(score AS DOUBLE) AS s"
                + " FROM " + readCsv(file) + " WHERE metric = '" + kind.name().toLowerCase(Locale.ROOT) + "')"
                + " WHERE " + valid(kind)
                + " GROUP BY grp ORDER BY grp";
    }

    /**
     * The query with cx's duplicate rule: of the valid rows with the same (response_id, metric), the
     * first in file order counts and the others are counted as duplicates (the equivalent of
     * {@code QUALIFY row_number() OVER (PARTITION BY response_id, metric ORDER BY line) = 1}, kept
     * as a flag so that the same query counts the excluded rows).
     */
    static String dedupeQuery(String file, String by, Kind kind) {
        return "WITH answers AS (SELECT ordinality AS line, response_id, metric,"
                + " CAST(" + identifier(by) + " AS VARCHAR) AS grp, TRY_CAST(score AS DOUBLE) AS s"
                + " FROM " + readCsv(file) + " WITH ORDINALITY"
                + " WHERE metric = '" + kind.name().toLowerCase(Locale.ROOT) + "'),"
                + " ranked AS (SELECT grp, s, response_id IS NULL"
                + " OR row_number() OVER (PARTITION BY response_id, metric ORDER BY line) = 1 AS first"
                + " FROM answers WHERE " + valid(kind) + ")"
                + " SELECT grp, count(*) FILTER (WHERE first) AS n,"
                + " count(*) FILTER (WHERE first AND " + kind.high + ") AS high,"
                + " count(*) FILTER (WHERE first AND " + kind.low + ") AS low,"
                + " sum(s) FILTER (WHERE first) AS total, count(*) FILTER (WHERE NOT first) AS duplicates"
                + " FROM ranked GROUP BY grp ORDER BY grp";
    }

    /** A whole number on the scale, as cx accepts ({@code 9.0} counts as 9); NULL (empty, not a number) is not. */
    private static String valid(Kind kind) {
        return "s BETWEEN " + kind.min + " AND " + kind.max + " AND s = floor(s)";
    }

    private static String readCsv(String file) {
        return "read_csv('" + file.replace("'", "''") + "', header = true)";
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Quotes a cell as cx's CSV output does (dev.cxkit.report.format.CsvFormat#line). */
    private static String csvCell(String cell) {
        String c = cell;
        if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !isNumber(c)) {
            c = "'" + c;
        }
        if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0
                || !c.equals(c.trim())) {
            return '"' + c.replace("\"", "\"\"") + '"';
        }
        return c;
    }

    private static boolean isNumber(String c) {
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!(ch >= '0' && ch <= '9') && ch != '.' && !(i == 0 && (ch == '-' || ch == '+'))) {
                return false;
            }
        }
        return c.length() > 1 || Character.isDigit(c.charAt(0));
    }

    private static Kind metric(String id) {
        switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "nps":
                return Kind.NPS;
            case "csat":
                return Kind.CSAT;
            case "ces":
                return Kind.CES;
            default:
                return null;
        }
    }

    private static void usage(String problem) {
        System.err.println("duckdb-score: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
