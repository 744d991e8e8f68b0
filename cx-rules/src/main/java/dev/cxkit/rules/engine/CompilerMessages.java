package dev.cxkit.rules.engine;

import dev.cxkit.core.io.DocumentFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Drools says about a policy into the one true error a rule author can act on:
 * <ul>
 *   <li>after a syntax error, the errors it causes elsewhere (a type or rule of the file that did
 *       not parse is missing everywhere: "Deadlines cannot be resolved to a type") are dropped and
 *       counted on the syntax error;</li>
 *   <li>a rule whose {@code end} is missing is named, with the line where {@code end} belongs,
 *       instead of the parser's complaint at the next rule's {@code then};</li>
 *   <li>an unknown field or enum constant gets the nearest real one ("did you mean"), read from the
 *       fact classes the file imports, and a line when Drools gives none;</li>
 *   <li>a rule's name is taken whole from the rules the policy declares, never cut at an
 *       apostrophe.</li>
 * </ul>
 * Stateless.
 */
final class CompilerMessages {

    private static final Pattern SYNTAX = Pattern.compile("\\[ERR \\d+]|Parser returned a null Package");
    private static final Pattern NULL_PACKAGE = Pattern.compile("Parser returned a null Package");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "Unable to Analyse Expression (.*?): \\[Error: unable to resolve method using strict-mode: "
                    + "((?:[\\w$]+\\.)*)([\\w$]+)\\.(\\w+)\\(\\)\\]");
    private static final Pattern UNKNOWN_MEMBER = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^[ \\t]*(rule|query|declare|function|end)\\b[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|\\S*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+?)(\\.\\*)?\\s*;?\\s*$");
    /** A rule's name in a Drools message ({@code Rule name='Long wait'}), when the policy's names do not match. */
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name)?\\s*[=:]?\\s*(?:\"([^\"]+)\"|'(.+?)'(?=$|[\\s,;:)\\]]))");

    private CompilerMessages() {
    }

    /**
     * Explains a compilation's problems.
     *
     * @param source the policy
     * @param problems the problems as Drools reported them (rule names may be missing)
     * @return the problems a rule author should read
     */
    static List<PolicyProblem> explain(PolicySource source, List<PolicyProblem> problems) {
        Set<String> rules = declaredRules(source);
        List<PolicyProblem> named = new ArrayList<>();
        for (PolicyProblem p : problems) {
            named.add(suggest(source, withRule(source, rules, p)));
        }
        named = withoutFollowers(named);
        List<PolicyProblem> syntax = new ArrayList<>();
        for (PolicyProblem p : named) {
            if (p.error() && SYNTAX.matcher(p.message()).find()) {
                syntax.add(p);
            }
        }
        if (syntax.isEmpty()) {
            return named;
        }
        // Every error but the syntax errors follows from them, or cannot be trusted until they are fixed.
        List<PolicyProblem> out = new ArrayList<>();
        Map<String, List<PolicyProblem>> byFile = new LinkedHashMap<>();
        for (PolicyProblem p : syntax) {
            byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
        }
        long hidden = named.stream().filter(p -> p.error() && !syntax.contains(p)).count();
        for (Map.Entry<String, List<PolicyProblem>> file : byFile.entrySet()) {
            List<PolicyProblem> missingEnds = missingEnds(source, file.getKey());
            if (!missingEnds.isEmpty()) {
                hidden += file.getValue().size();
                out.addAll(missingEnds);
                continue;
            }
            boolean specific = file.getValue().stream().anyMatch(p -> !NULL_PACKAGE.matcher(p.message()).find());
            for (PolicyProblem p : file.getValue()) {
                if (specific && NULL_PACKAGE.matcher(p.message()).find()) {
                    continue; // says only that the file did not parse: the specific error says why
                }
                out.add(p);
            }
        }
        if (hidden > 0 && !out.isEmpty()) {
            PolicyProblem first = out.get(0);
            out.set(0, new PolicyProblem(first.file(), first.line(), first.rule(), first.message() + " (" + hidden
                    + (hidden == 1 ? " further error follows" : " further errors follow") + " from this one and "
                    + (hidden == 1 ? "is" : "are") + " not shown: fix it and check again)", true));
        }
        for (PolicyProblem p : named) {
            if (!p.error()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * In a rule with an unknown field or constant, drops the errors that follow from it: a
     * variable bound to the unknown field is unknown too ("Field Reader does not exist for
     * declaration '$late'", "$late cannot be resolved to a variable").
     */
    private static List<PolicyProblem> withoutFollowers(List<PolicyProblem> problems) {
        Map<String, Integer> primaries = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            PolicyProblem p = problems.get(i);
            if (p.error() && p.rule() != null && p.message().startsWith("unable to resolve ")) {
                primaries.putIfAbsent(p.file() + "\u0000" + p.rule(), i);
            }
        }
        if (primaries.isEmpty()) {
            return problems;
        }
        List<PolicyProblem> out = new ArrayList<>();
        Map<Integer, Integer> followers = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            PolicyProblem p = problems.get(i);
            Integer primary = p.rule() == null ? null : primaries.get(p.file() + "\u0000" + p.rule());
            if (primary != null && primary != i && p.error() && FOLLOWER.matcher(p.message()).find()) {
                followers.merge(primary, 1, Integer::sum);
            } else {
                out.add(p);
            }
        }
        for (Map.Entry<Integer, Integer> f : followers.entrySet()) {
            PolicyProblem p = problems.get(f.getKey());
            int at = out.indexOf(p);
            out.set(at, new PolicyProblem(p.file(), p.line(), p.rule(), p.message() + " (" + f.getValue()
                    + (f.getValue() == 1 ? " error about a variable bound to it follows" : " errors about variables "
                    + "bound to it follow") + " and " + (f.getValue() == 1 ? "is" : "are") + " not shown)", true));
        }
        return out;
    }

    private static final Pattern FOLLOWER = Pattern.compile(
            "Field Reader does not exist for declaration|\\$\\w+ cannot be resolved(?: to a variable)?");

    /** Rules whose {@code end} is missing in one file: the line where it belongs, before the next declaration. */
    private static List<PolicyProblem> missingEnds(PolicySource source, String path) {
        String text = text(source, path);
        if (text == null) {
            return List.of();
        }
        String code = PolicyLint.stripComments(text);
        String[] lines = text.split("\\R", -1);
        List<PolicyProblem> out = new ArrayList<>();
        String open = null;
        String openKind = null;
        Matcher m = DECLARATION.matcher(code);
        while (m.find()) {
            String keyword = m.group(1);
            int line = PolicyLint.lineOf(code, m.start());
            if (keyword.equals("end")) {
                open = null;
                continue;
            }
            if (open != null) {
                int last = lastCodeLine(lines, line - 1);
                out.add(new PolicyProblem(path, last + 1, openKind.equals("rule") ? open : null,
                        (openKind.equals("rule") ? "" : openKind + " " + quote(open) + " ") + "has no 'end': add 'end' "
                        + "on line " + (last + 1) + ", after its last line and before " + keyword + " "
                        + quote(PolicyLint.unquote(m.group(2))) + " (line " + line + ")", true));
            }
            boolean opens = keyword.equals("rule") || keyword.equals("query") || keyword.equals("declare");
            open = opens ? PolicyLint.unquote(m.group(2)) : null;
            openKind = keyword;
        }
        if (open != null) {
            int last = lastCodeLine(lines, lines.length);
            out.add(new PolicyProblem(path, last + 1, openKind.equals("rule") ? open : null,
                    (openKind.equals("rule") ? "" : openKind + " " + quote(open) + " ") + "has no 'end': add 'end' "
                    + "after its last line (" + last + ")", true));
        }
        return out;
    }

    /** The last line at or before {@code line} (1-based) that is neither blank nor only a comment. */
    private static int lastCodeLine(String[] lines, int line) {
        for (int i = Math.min(line, lines.length); i >= 1; i--) {
            String s = lines[i - 1].strip();
            if (!s.isEmpty() && !s.startsWith("//") && !s.startsWith("/*") && !s.startsWith("*")) {
                return i;
            }
        }
        return line;
    }

    /** Adds the did-you-mean of an unknown field or constant, and a line when Drools gave none. */
    private static PolicyProblem suggest(PolicySource source, PolicyProblem p) {
        Matcher field = UNKNOWN_FIELD.matcher(p.message());
        String text = text(source, p.file());
        if (field.find()) {
            String type = field.group(3);
            String name = field.group(4);
            Class<?> c = factClass(field.group(2) + type, type, text);
            String near = c == null ? null : DocumentFields.closest(name, members(c));
            String what = c != null && c.isEnum() ? "constant" : "field";
            String message = "unable to resolve " + what + " '" + name + "' of " + type
                    + (near == null ? "" : " (did you mean '" + near + "'?)") + " in '" + field.group(1).strip() + "'";
            int line = p.line() > 0 ? p.line() : lineContaining(text, name);
            String rule = p.rule() != null ? p.rule() : PolicyCompiler.enclosingRule(text, line);
            return new PolicyProblem(p.file(), line, rule, message, p.error());
        }
        Matcher member = UNKNOWN_MEMBER.matcher(p.message());
        if (member.find() && text != null) {
            String name = member.group(1);
            Matcher use = Pattern.compile("\\b([A-Z]\\w*)\\s*\\.\\s*" + Pattern.quote(name) + "\\b").matcher(text);
            int from = p.line() > 0 ? offsetOfLine(text, p.line()) : 0;
            if (use.find(from)) {
                Class<?> c = factClass(null, use.group(1), text);
                String near = c == null ? null : DocumentFields.closest(name, members(c));
                return new PolicyProblem(p.file(), PolicyLint.lineOf(text, use.start()), p.rule(), use.group(1) + " has no "
                        + (c != null && c.isEnum() ? "constant" : "member") + " '" + name + "'"
                        + (near == null ? "" : " (did you mean '" + near + "'?)"), p.error());
            }
        }
        return p;
    }

    /** The class of a type named in a message: its full name, or the simple name through the file's imports. */
    private static Class<?> factClass(String qualified, String simple, String text) {
        List<String> candidates = new ArrayList<>();
        if (qualified != null && qualified.contains(".")) {
            candidates.add(qualified);
        }
        if (text != null) {
            Matcher imports = IMPORT.matcher(text);
            while (imports.find()) {
                if (imports.group(2) != null) {
                    candidates.add(imports.group(1) + "." + simple);
                } else if (imports.group(1).endsWith("." + simple)) {
                    candidates.add(imports.group(1));
                }
            }
        }
        for (String name : candidates) {
            try {
                return Class.forName(name, false, Policy.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return null;
    }

    /** What a rule can name on a class: an enum's constants, else its properties as the fact model lists them. */
    private static List<String> members(Class<?> c) {
        if (c.isEnum()) {
            List<String> out = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                out.add(((Enum<?>) constant).name());
            }
            return out;
        }
        return new ArrayList<>(FactModel.properties(c).keySet());
    }

    /** Names a problem's rule from the rules the policy declares (whole, apostrophes and all). */
    private static PolicyProblem withRule(PolicySource source, Set<String> rules, PolicyProblem p) {
        String rule = ruleIn(p.message(), rules);
        if (rule == null && p.line() > 0) {
            rule = PolicyCompiler.enclosingRule(text(source, p.file()), p.line());
        }
        return rule == null || rule.equals(p.rule()) ? p
                : new PolicyProblem(p.file(), p.line(), rule, p.message(), p.error());
    }

    /**
     * The rule a Drools message names: the longest of the known rule names it contains after the
     * word "rule", else what the message quotes.
     *
     * @param message the message
     * @param known the policy's rule names
     * @return the rule's name, or null
     */
    static String ruleIn(String message, Collection<String> known) {
        String best = null;
        for (String name : known) {
            if ((message.contains("'" + name + "'") || message.contains("\"" + name + "\""))
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best != null) {
            return best;
        }
        Matcher m = RULE_NAME.matcher(message);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    /** The names of the rules a policy's text declares (comments left out), in order. */
    static Set<String> declaredRules(PolicySource source) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : source.files().values()) {
            Matcher m = DECLARATION.matcher(PolicyLint.stripComments(text));
            while (m.find()) {
                if (m.group(1).equals("rule")) {
                    out.add(PolicyLint.unquote(m.group(2)));
                }
            }
        }
        return out;
    }

    private static String text(PolicySource source, String path) {
        String file = path.startsWith(source.name() + "/") ? path.substring(source.name().length() + 1) : path;
        return source.files().get(file);
    }

    private static int lineContaining(String text, String word) {
        if (text == null) {
            return 0;
        }
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(PolicyLint.stripComments(text));
        return m.find() ? PolicyLint.lineOf(text, m.start()) : 0;
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return 0;
            }
        }
        return offset;
    }



    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
