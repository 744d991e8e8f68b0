package dev.cxkit.cli.print;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Aligned text columns; numeric columns are right-aligned. Not thread-safe. */
public final class TextTable {

    private final List<String> headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(List<String> headers, boolean[] right) {
        this.headers = headers;
        this.right = right.clone();
    }

    public void add(List<String> cells) {
        rows.add(cells.toArray(new String[0]));
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        line(out, headers.toArray(new String[0]), widths);
        for (String[] row : rows) {
            line(out, row, widths);
        }
    }

    private void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = cells[i];
            if (i > 0) {
                sb.append("  ");
            }
            int pad = widths[i] - cell.length();
            if (right[i]) {
                sb.append(" ".repeat(pad)).append(cell);
            } else {
                sb.append(cell);
                if (i < widths.length - 1) {
                    sb.append(" ".repeat(pad));
                }
            }
        }
        // No trailing spaces.
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        out.println(sb);
    }
}
