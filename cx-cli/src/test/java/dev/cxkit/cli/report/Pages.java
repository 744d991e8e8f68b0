package dev.cxkit.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a report page the tests check: charts, text and tables. */
final class Pages {

    private static final Pattern SVG = Pattern.compile("(?s)<svg\\b.*?</svg>");
    private static final Pattern ROW = Pattern.compile("(?s)<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("(?s)<t[hd]\\b[^>]*>(.*?)</t[hd]>");

    private Pages() {
    }

    /** Every {@code <svg>} element, in page order. */
    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The text a person reads on the page: tags and chart tooltips dropped, references resolved. */
    static String visibleText(String html) {
        return text(html.replaceAll("(?s)<head>.*?</head>|<title.*?</title>|<desc.*?</desc>", " "));
    }

    /** All text of the body, chart titles, descriptions and tooltips included. */
    static String allText(String html) {
        return text(html.replaceAll("(?s)<head>.*?</head>", " "));
    }

    /** Markup to text: tags become spaces, character references are resolved, spaces collapse. */
    static String text(String markup) {
        return unescape(markup.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").trim();
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * The body rows of the table with this caption, each as its cells' text.
     *
     * @throws AssertionError if there is no such table
     */
    static List<List<String>> table(String html, String caption) {
        String start = "<caption>" + Markup.escape(caption) + "</caption>";
        int at = html.indexOf(start);
        if (at < 0) {
            throw new AssertionError("no table captioned '" + caption + "'");
        }
        String table = html.substring(at, html.indexOf("</table>", at));
        String body = table.substring(table.indexOf("<tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }
}
