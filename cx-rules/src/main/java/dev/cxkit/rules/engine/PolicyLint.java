package dev.cxkit.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a policy's DRL text, without running it, for what a rule author should not ship:
 * consequences that stop or escape the host, consequences that loop forever, and rules that
 * modify a fact so that they match it again.
 *
 * <p><b>This is a guard against accidents, not a security boundary.</b> Policies are trusted code:
 * a consequence can reach any Java the host can, and a determined author can hide a call from a
 * text scan. Review policies as you review code.
 *
 * <p><b>Errors</b> (the policy is refused by {@link Policy#compile}): calls that stop the JVM or
 * start a process: {@code System.exit}, {@code Runtime} ({@code exit}, {@code halt},
 * {@code exec}), {@code ProcessBuilder}. An author who truly means one writes
 * {@value #ALLOWED} and why in the rule; it is then a warning.
 *
 * <p><b>Warnings</b>: reflection ({@code java.lang.reflect}, {@code Class.forName},
 * {@code setAccessible}, {@code getDeclared*}), file and network I/O ({@code java.io.File*},
 * {@code java.nio.file}, {@code Files.}, sockets, URLs, HTTP clients), threads and executors,
 * printing ({@code System.out}/{@code err}: rules write into the plan), a {@code while (true)} or
 * {@code for (;;)} loop, and a self-modifying rule (see {@link SelfModification}), unless the rule
 * has {@code no-loop}, {@code lock-on-active} or a {@value #ACKNOWLEDGED} comment saying why it
 * stops.
 *
 * <p>Thread-safe; all methods are static.
 *
 * @since 0.1.0
 */
public final class PolicyLint {

    private record Check(Pattern pattern, String message, boolean error) {}

    private static final List<Check> CALLS = List.of(
            check("System\\s*\\.\\s*exit", "calls System.exit: a policy must never stop the host", true),
            check("\\bRuntime\\b", "uses Runtime (exec, exit, halt): a policy must never stop the host or start "
                    + "programs", true),
            check("\\bProcessBuilder\\b", "starts a process", true),
            check("java\\.lang\\.reflect|\\bClass\\s*\\.\\s*forName|setAccessible|getDeclared(Method|Field|Constructor)s?\\b",
                    "uses reflection", false),
            check("java\\.io\\.File|\\bFile(Input|Output)Stream\\b|\\bFile(Reader|Writer)\\b|\\bRandomAccessFile\\b"
                    + "|java\\.nio\\.file|\\bFiles\\s*\\.|\\bPaths\\s*\\.", "reads or writes files", false),
            check("\\bSocket\\b|\\bServerSocket\\b|\\bURL\\b|\\bURLConnection\\b|\\bHttpClient\\b|java\\.net\\.",
                    "uses the network", false),
            check("new\\s+Thread\\b|\\bExecutors\\s*\\.|\\bThread\\s*\\.\\s*sleep|\\bExecutorService\\b|\\bCompletableFuture\\b",
                    "starts or blocks threads", false),
            check("System\\s*\\.\\s*(out|err)\\b", "prints to the console: write into the plan instead", false),
            check("\\bwhile\\s*\\(\\s*true\\s*\\)|\\bfor\\s*\\(\\s*;\\s*;\\s*\\)", "loops until it breaks or returns: "
                    + "a consequence that never returns holds a thread until the host stops", false));

    private static final Pattern RULE = Pattern.compile(
            "(?ms)^\\s*rule\\s+(\"[^\"]+\"|'[^']+'|\\S+)(.*?)^\\s*when\\b(.*?)^\\s*then\\b(.*?)^\\s*end\\b");

    /** A comment a rule author puts in a rule to say its self-modification is guarded. */
    public static final String ACKNOWLEDGED = "// lint: guarded";
    /** A comment a rule author puts in a rule to say a dangerous call is meant. */
    public static final String ALLOWED = "// lint: allow";

    private PolicyLint() {}

    private static Check check(String regex, String message, boolean error) {
        return new Check(Pattern.compile(regex), message, error);
    }

    /**
     * Lints every DRL file of a policy.
     *
     * @param source the policy
     * @return the errors and warnings, in file and line order (empty when nothing was found)
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
     * @return the errors and warnings, in line order
     */
    public static List<PolicyProblem> lint(String fileName, String drl) {
        List<PolicyProblem> out = new ArrayList<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            String name = unquote(rule.group(1));
            String attributes = rule.group(2);
            String when = stripComments(rule.group(3));
            String then = stripComments(rule.group(4));
            String code = blankStrings(then);
            int thenStart = rule.start(4);
            boolean allowed = rule.group().contains(ALLOWED);
            for (Check check : CALLS) {
                Matcher m = check.pattern().matcher(code);
                if (m.find()) {
                    boolean error = check.error() && !allowed;
                    String note = check.error() && allowed ? " (allowed by its " + ALLOWED + " comment)"
                            : error ? "; if it is truly meant, say why in a " + ALLOWED + ": <why> comment" : "";
                    out.add(new PolicyProblem(fileName, lineOf(drl, thenStart + m.start()), name,
                            check.message() + " ('" + m.group().strip() + "')" + note, error));
                }
            }
            boolean guarded = attributes.contains("no-loop") || attributes.contains("lock-on-active")
                    || rule.group().contains(ACKNOWLEDGED);
            if (!guarded) {
                for (SelfModification.Finding finding : SelfModification.find(when, then)) {
                    out.add(new PolicyProblem(fileName, lineOf(drl, thenStart + finding.offset()), name,
                            finding.message(), false));
                }
            }
        }
        return out;
    }

    /** Blanks out // and /* comments (not inside string literals), keeping offsets. */
    static String stripComments(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = COMMENT.matcher(text);
        while (m.find()) {
            if (m.group().startsWith("\"")) {
                continue; // a string literal: keep it, and skip any // inside it
            }
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    /** Blanks the contents of string literals (keeping their quotes and the offsets): calls named in text are not calls. */
    private static String blankStrings(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = STRING.matcher(text);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end() - 1; i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    private static final Pattern COMMENT = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|//[^\\n]*|/\\*.*?\\*/",
            Pattern.DOTALL);

    /** A rule's name without its quotes. */
    static String unquote(String name) {
        return name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))
                ? name.substring(1, name.length() - 1) : name;
    }

    /** The 1-based line of an offset in a text. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
