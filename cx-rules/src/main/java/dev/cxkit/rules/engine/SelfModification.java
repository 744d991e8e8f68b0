package dev.cxkit.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rules that modify a fact they match so that they may match it again: the loop lint of
 * {@link PolicyLint}, read from the DRL text alone.
 *
 * <p>Drools 10 is property-reactive: {@code modify($f) { setX(...) }} re-evaluates only the
 * patterns that constrain {@code x}. So a rule loops when it changes a property its own pattern
 * constrains and the pattern still holds afterwards. The lint therefore warns when
 * <ul>
 *   <li>a {@code modify} sets a property the rule's pattern on that fact constrains
 *       ({@code Compensation( amount != null )} with {@code setAmount(...)}), or calls a method that
 *       is not a setter (Drools then treats every property as changed), or an {@code update($f)}
 *       re-evaluates every constraint; and</li>
 *   <li>no constraint on a changed property is made false by the new value, as far as a literal
 *       shows it: {@code CompTier( !steppedUp )} with {@code setSteppedUp(true)}, or
 *       {@code Compensation( reduction == null )} with {@code setReduction("halved: " + x)}, stop
 *       the rule; {@code level < 5} with {@code setLevel($t.getLevel() + 1)} cannot be decided from
 *       the text and is warned about.</li>
 * </ul>
 * A modify of properties the pattern does not constrain is not warned about: it cannot re-trigger
 * the rule. The lint reads one rule at a time: two rules that re-trigger each other are not seen.
 * Stateless.
 */
final class SelfModification {

    /**
     * One self-modification that may loop.
     *
     * @param offset where in the consequence it is
     * @param message what may loop and what to do
     */
    record Finding(int offset, String message) {
    }

    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*([A-Z][\\w.]*)\\s*\\(");
    private static final Pattern MODIFY = Pattern.compile("\\bmodify\\s*\\(\\s*(\\$\\w+)\\s*\\)\\s*\\{");
    private static final Pattern UPDATE = Pattern.compile("\\bupdate\\s*\\(\\s*(\\$\\w+)\\s*\\)");
    private static final Pattern SETTER = Pattern.compile("(?s)^set([A-Z]\\w*)\\s*\\((.*)\\)$");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?s)^([a-z]\\w*)\\s*=(?!=)\\s*(.*)$");
    private static final Pattern PROPERTY = Pattern.compile("^!?\\s*([a-z]\\w*)");
    private static final Pattern COMPARISON = Pattern.compile(
            "(?s)^([a-z]\\w*)\\s*(==|!=|<=|>=|<|>)\\s*(.+)$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?[LlDdFf]?");

    /** A value the text does not show. */
    private static final Object UNKNOWN = new Object();
    /** A value the text shows is not null (a string built from a literal, a new object). */
    private static final Object NOT_NULL = new Object();
    /** The marker of a modify that changes every property (a call that is not a setter, or update). */
    private static final String EVERY_PROPERTY = "*";

    private SelfModification() {
    }

    /**
     * Finds the self-modifications of one rule that may loop.
     *
     * @param when the rule's conditions, comments blanked
     * @param then the rule's consequence, comments blanked
     * @return the findings, in order
     */
    static List<Finding> find(String when, String then) {
        List<Finding> out = new ArrayList<>();
        Matcher modify = MODIFY.matcher(then);
        while (modify.find()) {
            String pattern = patternOf(when, modify.group(1));
            if (pattern != null) {
                String block = balanced(then, modify.end() - 1, '{', '}');
                check(modify.group(1), pattern, changes(block), modify.start(), false).ifPresent(out::add);
            }
        }
        Matcher update = UPDATE.matcher(then);
        while (update.find()) {
            String pattern = patternOf(when, update.group(1));
            if (pattern != null) {
                // Drools reads the setters called on the fact before update(), as for a modify
                // block; with none, every property counts as changed
                Map<String, String> changes = new LinkedHashMap<>(directSetters(then.substring(0, update.start()),
                        update.group(1)));
                if (changes.isEmpty()) {
                    changes.put(EVERY_PROPERTY, null);
                }
                check(update.group(1), pattern, changes, update.start(), true).ifPresent(out::add);
            }
        }
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return out;
    }

    private static java.util.Optional<Finding> check(String variable, String pattern, Map<String, String> changes,
            int offset, boolean update) {
        List<String> atoms = atoms(pattern);
        if (atoms == null) {
            return java.util.Optional.empty(); // an || at the top: too loose to reason about from text
        }
        Set<String> constrained = new LinkedHashSet<>();
        for (String atom : atoms) {
            String property = property(atom);
            if (property != null) {
                constrained.add(property);
            }
        }
        Set<String> changed = new LinkedHashSet<>();
        boolean everything = changes.containsKey(EVERY_PROPERTY);
        for (String property : constrained) {
            if (everything || changes.containsKey(property)) {
                changed.add(property);
            }
        }
        if (changed.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (String atom : atoms) {
            String property = property(atom);
            if (property != null && changes.get(property) != null && falsifies(atom, property, changes.get(property))) {
                return java.util.Optional.empty();
            }
        }
        String shown = patternName(pattern);
        String message = update
                ? "updates " + variable + ", a fact it matches with " + shown + ", changing " + String.join(", ", changed)
                        + ", and nothing shows the rule stops matching, so it may fire again and again"
                : "modifies " + variable + "." + String.join(", " + variable + ".", changed.isEmpty()
                        ? constrained : changed)
                        + (everything && !changes.keySet().stream().anyMatch(k -> !k.equals(EVERY_PROPERTY))
                                ? " (a call that is not a setter changes every property)" : "")
                        + ", which its pattern " + shown + " constrains, and nothing shows the new value stops the "
                        + "pattern matching, so it may fire again and again";
        return java.util.Optional.of(new Finding(offset, message + ": add a condition the change makes false, "
                + "no-loop, or a " + PolicyLint.ACKNOWLEDGED + ": <why> comment"));
    }

    /** The text {@code Type( constraints )} of the pattern bound to a variable, or null. */
    private static String patternOf(String when, String variable) {
        Matcher binding = BINDING.matcher(when);
        while (binding.find()) {
            if (binding.group(1).equals(variable)) {
                String constraints = balanced(when, binding.end() - 1, '(', ')');
                return binding.group(2) + "(" + constraints + ")";
            }
        }
        return null;
    }

    private static String patternName(String pattern) {
        String compact = pattern.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
        return compact.length() > 80 ? compact.substring(0, 77) + "...)" : compact;
    }

    /** What a modify block sets: property to expression, {@value #EVERY_PROPERTY} for a non-setter call. */
    private static Map<String, String> changes(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String statement : split(block, ",")) {
            String s = statement.strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher setter = SETTER.matcher(s);
            Matcher assignment = ASSIGNMENT.matcher(s);
            if (setter.matches()) {
                out.put(decapitalize(setter.group(1)), setter.group(2).strip());
            } else if (assignment.matches()) {
                out.put(assignment.group(1), assignment.group(2).strip());
            } else {
                out.put(EVERY_PROPERTY, null);
            }
        }
        return out;
    }

    /** {@code $c.setX(...)} calls before an update. */
    private static Map<String, String> directSetters(String text, String variable) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile(Pattern.quote(variable) + "\\s*\\.\\s*set([A-Z]\\w*)\\s*\\(").matcher(text);
        while (m.find()) {
            out.put(decapitalize(m.group(1)), balanced(text, m.end() - 1, '(', ')').strip());
        }
        return out;
    }

    /** The top-level constraints of a pattern, or null when they are joined by a top-level ||. */
    private static List<String> atoms(String pattern) {
        String inner = pattern.substring(pattern.indexOf('(') + 1, pattern.length() - 1);
        List<String> out = new ArrayList<>();
        for (String part : split(inner, ",")) {
            if (!split(part, "||").equals(List.of(part))) {
                return null;
            }
            for (String atom : split(part, "&&")) {
                String a = atom.strip();
                if (!a.isEmpty() && !a.startsWith("$")) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The property an atom constrains ({@code amount} of {@code amount.isZero()}), or null. */
    private static String property(String atom) {
        Matcher m = PROPERTY.matcher(atom);
        if (!m.find() || m.group(1).equals("this") || m.group(1).equals("true") || m.group(1).equals("false")) {
            return null;
        }
        return m.group(1);
    }

    /** Whether setting {@code property} to {@code expression} surely makes {@code atom} false. */
    static boolean falsifies(String atom, String property, String expression) {
        Object value = value(expression);
        if (value == UNKNOWN) {
            return false;
        }
        String a = atom.strip();
        if (a.equals("!" + property) || a.matches("!\\s*" + Pattern.quote(property))) {
            return Boolean.TRUE.equals(value);
        }
        if (a.equals(property)) {
            return Boolean.FALSE.equals(value);
        }
        Matcher c = COMPARISON.matcher(a);
        if (!c.matches() || !c.group(1).equals(property)) {
            return false;
        }
        Object literal = value(c.group(3).strip());
        String op = c.group(2);
        if (literal == UNKNOWN || literal == NOT_NULL) {
            return false;
        }
        if (literal == null) {
            return op.equals("==") ? value != null : op.equals("!=") && value == null;
        }
        if (value == null || value == NOT_NULL) {
            return value == null && (op.equals("==") || op.startsWith("<") || op.startsWith(">"));
        }
        if (literal instanceof BigDecimal l && value instanceof BigDecimal v) {
            int cmp = v.compareTo(l);
            boolean holds = switch (op) {
                case "==" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
            return !holds;
        }
        if (op.equals("==")) {
            return !literal.equals(value);
        }
        return op.equals("!=") && literal.equals(value);
    }

    /** A literal's value: Boolean, BigDecimal, String, null, {@link #NOT_NULL} or {@link #UNKNOWN}. */
    private static Object value(String expression) {
        String e = expression.strip();
        if (e.equals("true") || e.equals("false")) {
            return Boolean.valueOf(e);
        }
        if (e.equals("null")) {
            return null;
        }
        if (NUMBER.matcher(e).matches()) {
            return new BigDecimal(e.replaceAll("[LlDdFf]$", ""));
        }
        if (e.startsWith("\"") && e.endsWith("\"") && split(e, "+").size() == 1) {
            return e.substring(1, e.length() - 1);
        }
        if (e.startsWith("new ")) {
            return NOT_NULL;
        }
        List<String> terms = split(e, "+");
        if (terms.size() > 1 && terms.stream().anyMatch(t -> t.strip().startsWith("\"") && t.strip().endsWith("\""))) {
            return NOT_NULL; // a string concatenation is never null
        }
        return UNKNOWN;
    }

    /** The text between the bracket at {@code open} and its match (or the end). */
    private static String balanced(String text, int open, char left, char right) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == left) {
                depth++;
            } else if (!quoted && c == right && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        return text.substring(Math.min(open + 1, text.length()));
    }

    /** Splits at a separator outside brackets and string literals. */
    private static List<String> split(String text, String separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
                out.add(text.substring(start, i));
                start = i + separator.length();
                i = start - 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
