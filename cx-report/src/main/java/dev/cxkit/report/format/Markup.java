package dev.cxkit.report.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Escaping and small markup pieces shared by the page and its SVG charts. Stateless.
 */
final class Markup {

    private Markup() {
    }

    /**
     * Escapes text for HTML and SVG, in element content and in quoted attributes alike: {@code &},
     * {@code <}, {@code >}, {@code "} and {@code '} become character references, and control
     * characters other than tab and line breaks (which no page may hold) become U+FFFD. Names come
     * from the user's data, so every text goes through here.
     */
    static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            switch (c) {
                case '&':
                    replacement = "&amp;";
                    break;
                case '<':
                    replacement = "&lt;";
                    break;
                case '>':
                    replacement = "&gt;";
                    break;
                case '"':
                    replacement = "&quot;";
                    break;
                case '\'':
                    replacement = "&#39;";
                    break;
                default:
                    replacement = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ? "\uFFFD" : null;
                    break;
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut; before escaping. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** A coordinate with at most one decimal and no trailing {@code .0}: {@code 12}, {@code 12.5}, {@code -3}. */
    static String coordinate(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
