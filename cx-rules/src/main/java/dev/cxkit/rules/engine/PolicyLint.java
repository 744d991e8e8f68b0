package dev.cxkit.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns about risky DRL: consequences that call dangerous APIs, and rules that modify a fact they
 * match without {@code no-loop} or {@code lock-on-active}.
 *
 * <p><b>This is a guard against accidents, not a security boundary.</b> Policies are trusted code:
 * a consequence can reach any Java the host can, and a determined author can hide a call from a
 * text scan. Review policies as you review code.
 *
 * <p>A self-modifying rule is not flagged when the modify calls a setter of a property its pattern
 * constrains ({@code CompTier( !steppedUp )} with {@code setSteppedUp(true)}), or when the rule
 * says why it stops with a {@value #ACKNOWLEDGED} comment.
 *
 * <p>Flagged calls: {@code System.exit}, {@code Runtime}, {@code ProcessBuilder}, reflection
 * ({@code java.lang.reflect}, {@code Class.forName}, {@code setAccessible}, {@code getDeclared*}),
 * file and network I/O ({@code java.io.File*}, {@code java.nio.file}, {@code Files.}, sockets,
 * URLs, HTTP clients), threads and executors, and printing ({@code System.out}/{@code err}: rules
 * write into the plan, never to the console).
 *
 * <p>Thread-safe; all methods are static.
 */
public final class PolicyLint {

    private record Check(Pattern pattern, String message) {}

    private static final List<Check> CALLS = List.of(
            check("System\\s*\\.\\s*exit", "calls System.exit: a policy must never stop the host"),
            check("\\bRuntime\\b", "uses Runtime (exec, exit, halt): not for policies"),
            check("\\bProcessBuilder\\b", "starts a process"),
            check("java\\.lang\\.reflect|\\bClass\\s*\\.\\s*forName|setAccessible|getDeclared(Method|Field|Constructor)s?\\b",
                    "uses reflection"),
            check("java\\.io\\.File|\\bFile(Input|Output)Stream\\b|\\bFile(Reader|Writer)\\b|\\bRandomAccessFile\\b"
                    + "|java\\.nio\\.file|\\bFiles\\s*\\.|\\bPaths\\s*\\.", "reads or writes files"),
            check("\\bSocket\\b|\\bServerSocket\\b|\\bURL\\b|\\bURLConnection\\b|\\bHttpClient\\b|java\\.net\\.",
                    "uses the network"),
            check("new\\s+Thread\\b|\\bExecutors\\s*\\.|\\bThread\\s*\\.\\s*sleep|\\bExecutorService\\b|\\bCompletableFuture\\b",
                    "starts or blocks threads"),
            check("System\\s*\\.\\s*(out|err)\\b", "prints to the console: write into the plan instead"));

    private static final Pattern RULE = Pattern.compile(
            "(?ms)^\\s*rule\\s+(\"[^\"]+\"|'[^']+'|\\S+)(.*?)^\\s*when\\b(.*?)^\\s*then\\b(.*?)^\\s*end\\b");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*[A-Z]\\w*\\s*\\(");
    private static final Pattern MODIFY = Pattern.compile("\\b(modify|update)\\s*\\(\\s*(\\$\\w+)\\s*\\)");
    private static final Pattern SETTER = Pattern.compile("\\bset([A-Z]\\w*)\\s*\\(");
    /** A comment a rule author puts in a rule to say its self-modification is guarded. */
    public static final String ACKNOWLEDGED = "// lint: guarded";

    private PolicyLint() {}

    private static Check check(String regex, String message) {
        return new Check(Pattern.compile(regex), message);
    }

    /**
     * Lints every DRL file of a policy.
     *
     * @param source the policy
     * @return the warnings, in file and line order (empty when nothing was found)
     */
    public static List<PolicyProblem> lint(PolicySource source) {
        List<PolicyProblem> out = new ArrayList<>();
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            out.addAll(lint(source.name() + "/" + file.getKey(), file.getValue()));
        }
        return out;
    }

    /**
     * Lints one DRL text.
     *
     * @param fileName the file's name, for the messages
     * @param drl the DRL text
     * @return the warnings, in line order
     */
    public static List<PolicyProblem> lint(String fileName, String drl) {
        List<PolicyProblem> out = new ArrayList<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            String name = unquote(rule.group(1));
            String attributes = rule.group(2);
            String when = rule.group(3);
            String then = rule.group(4);
            int thenStart = rule.start(4);
            for (Check check : CALLS) {
                Matcher m = check.pattern().matcher(stripComments(then));
                if (m.find()) {
                    out.add(new PolicyProblem(fileName, lineOf(drl, thenStart + m.start()), name,
                            check.message() + " ('" + m.group().strip() + "')", false));
                }
            }
            boolean guarded = attributes.contains("no-loop") || attributes.contains("lock-on-active")
                    || rule.group().contains(ACKNOWLEDGED);
            if (!guarded) {
                Matcher modify = MODIFY.matcher(then);
                while (modify.find()) {
                    String variable = modify.group(2);
                    Matcher binding = BINDING.matcher(when);
                    while (binding.find()) {
                        if (binding.group(1).equals(variable)
                                && !setsAConstrainedProperty(then.substring(modify.start()), patternText(when, binding.end()))) {
                            out.add(new PolicyProblem(fileName, lineOf(drl, thenStart + modify.start()), name,
                                    modify.group(1) + "s " + variable + ", a fact the rule matches, without no-loop or "
                                            + "lock-on-active: make sure a condition stops it firing again", false));
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The constraints of the pattern whose '(' ends at {@code open}: up to the matching ')'. */
    private static String patternText(String when, int open) {
        int depth = 1;
        int i = open;
        while (i < when.length() && depth > 0) {
            char c = when.charAt(i++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return when.substring(open, Math.max(open, i - 1));
    }

    /**
     * Whether the modify block calls a setter of a property the pattern constrains, for example
     * {@code CompTier( !steppedUp )} and {@code setSteppedUp(true)}: the usual guard that stops a
     * rule re-firing on its own change.
     */
    private static boolean setsAConstrainedProperty(String modifyBlock, String constraints) {
        int end = modifyBlock.indexOf('}');
        String block = end < 0 ? modifyBlock : modifyBlock.substring(0, end);
        Matcher setter = SETTER.matcher(block);
        while (setter.find()) {
            String property = Character.toLowerCase(setter.group(1).charAt(0)) + setter.group(1).substring(1);
            if (Pattern.compile("\\b" + Pattern.quote(property) + "\\b").matcher(constraints).find()) {
                return true;
            }
        }
        return false;
    }

    /** Blanks out // and /* comments, keeping offsets. */
    private static String stripComments(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static String unquote(String name) {
        return name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))
                ? name.substring(1, name.length() - 1) : name;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
