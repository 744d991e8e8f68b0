package dev.cxkit.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Reads the parts of a report page the tests check: charts, text, tables, and what the browser probe saw. */
public final class Pages {

    private static final Pattern SVG = Pattern.compile("(?s)<svg\\b.*?</svg>");
    private static final Pattern ROW = Pattern.compile("(?s)<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("(?s)<t[hd]\\b[^>]*>(.*?)</t[hd]>");

    private Pages() {
    }

    /** Every {@code <svg>} element, in page order. */
    public static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The text a person reads on the page: tags and chart tooltips dropped, references resolved. */
    public static String visibleText(String html) {
        return text(html.replaceAll("(?s)<head>.*?</head>|<title.*?</title>|<desc.*?</desc>", " "));
    }

    /** All text of the body, chart titles, descriptions and tooltips included. */
    public static String allText(String html) {
        return text(html.replaceAll("(?s)<head>.*?</head>", " "));
    }

    /** Markup to text: tags become spaces, character references are resolved, spaces collapse. */
    public static String text(String markup) {
        return unescape(markup.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").trim();
    }

    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * The body rows of the table with this caption, each as its cells' text.
     *
     * @throws AssertionError if there is no such table
     */
    public static List<List<String>> table(String html, String caption) {
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

    /**
     * A script that records, into attributes of {@code <html>}, what went wrong on the page
     * ({@code data-errors}: uncaught errors, failed loads, CSP violations, console errors and
     * warnings) and what it measured on load ({@code data-loaded}, {@code data-scroll-width},
     * {@code data-client-width}, {@code data-scroll-height}), for {@code --dump-dom} to return.
     */
    public static final String PROBE = "<script>(function(){var d=document.documentElement,errors=[];"
            + "function note(m){errors.push(String(m));d.setAttribute('data-errors',errors.join(' | '));}"
            + "addEventListener('error',function(e){note(e.message?'uncaught: '+e.message:'failed to load: '"
            + "+(e.target&&(e.target.src||e.target.href||e.target.tagName)));},true);"
            + "addEventListener('unhandledrejection',function(e){note('unhandled rejection: '+e.reason);});"
            + "document.addEventListener('securitypolicyviolation',function(e){note('blocked by CSP: '"
            + "+e.violatedDirective+' '+e.blockedURI);});"
            + "['error','warn'].forEach(function(k){var f=console[k];console[k]=function(){"
            + "note('console.'+k+': '+Array.prototype.join.call(arguments,' '));return f.apply(console,arguments);};});"
            + "addEventListener('load',function(){d.setAttribute('data-loaded','true');"
            + "d.setAttribute('data-scroll-width',d.scrollWidth);d.setAttribute('data-client-width',d.clientWidth);"
            + "d.setAttribute('data-scroll-height',d.scrollHeight);});})();</script>\n";

    /**
     * Writes the page with the {@link #PROBE} in front of its Content-Security-Policy (a policy in a
     * meta element does not apply to what comes before it).
     *
     * @return the file written
     */
    public static Path probed(String html, Path dir, String name) throws IOException {
        String csp = "<meta http-equiv=\"Content-Security-Policy\"";
        assertThat(html).contains(csp);
        Path probed = dir.resolve(name);
        Files.writeString(probed, html.replace(csp, PROBE + csp), StandardCharsets.UTF_8);
        return probed;
    }

    /** The title of a chart. */
    public static String chartTitle(String svg) {
        Matcher m = Pattern.compile("<title id=\"chart-\\d+-title\">([^<]*)</title>").matcher(svg);
        return m.find() ? unescape(m.group(1)) : "";
    }

    /** The value of an attribute of {@code <html>}, or empty when it is not set. */
    public static String htmlAttribute(String dom, String name) {
        Matcher html = Pattern.compile("<html\\b[^>]*>").matcher(dom);
        assertThat(html.find()).as("an <html> tag in the dumped DOM").isTrue();
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(html.group());
        return m.find() ? m.group(1) : "";
    }

    /** The number in an attribute of {@code <html>}; fails when it is not a number. */
    public static int htmlNumber(String dom, String name) {
        String value = htmlAttribute(dom, name);
        assertThat(value).as("%s on <html>: did the probe run?", name).matches("\\d+");
        return Integer.parseInt(value);
    }

    /** Checks that a screenshot has the width and that something is drawn on it. */
    public static void assertScreenshot(Path png, int width) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        // something is drawn: a blank or failed page would be nearly all one colour
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        long samples = (long) ((image.getHeight() + 3) / 4) * ((image.getWidth() + 3) / 4);
        assertThat(inked).as("non-white pixels in %s", png).isGreaterThan(samples / 50);
    }
}
