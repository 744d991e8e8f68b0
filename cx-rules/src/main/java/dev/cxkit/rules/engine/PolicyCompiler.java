package dev.cxkit.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a policy's DRL files into a Drools rule base and turns what Drools says into
 * {@link PolicyProblem}s a rule author can act on: the file, the line, the enclosing rule, and
 * a readable message ({@code unable to resolve field 'waitMinutez' of Incident}), with the
 * {@link PolicyLint} problems and the settings' ({@link SettingsCheck}) beside them: a lint
 * error (a call that stops the host) or a setting a rule reads that is missing or malformed fails
 * the compilation like a syntax error. Compiling runs no policy code; {@link Policy} decides.
 *
 * <p>One Drools build per compile: a {@link KnowledgeBuilder} over all the files at once (a
 * batch, so declarations may sit in any file), whose packages become the rule base. (Until
 * issue 17, a {@code KieHelper} built every policy twice: once to verify, once for the rule base,
 * decision 0021.) Stateless and thread-safe.
 */
final class PolicyCompiler {

    /** The folder Drools names a compiled file under, as a kjar would (messages map it back). */
    private static final String PREFIX = "src/main/resources/";
    /** Added to a decision table's name for Drools, which reads a resource by its extension. */
    private static final String TABLE_SUFFIX = ".drl";

    /**
     * A compiled rule base and its warnings.
     *
     * @param kieBase the rules
     * @param warnings what compiling warned about, by file and line
     * @param serialized the rule base's packages as {@link CompiledPackages} writes them, when asked for
     *     and Drools could
     * @param notSerialized why they were not, when asked for
     */
    record Compiled(KieBase kieBase, List<PolicyProblem> warnings, byte @Nullable [] serialized,
            @Nullable String notSerialized) {
    }

    private PolicyCompiler() {
    }

    /**
     * Compiles the DRL files of a source (which has at least one).
     *
     * @param source the policy's files
     * @return the rule base and its warnings
     * @throws PolicyCompilationException with every error and warning, by file and line, when a file
     *     does not compile
     */
    static Compiled compile(PolicySource source) throws PolicyCompilationException {
        return compile(source, false);
    }

    /**
     * Compiles the DRL files of a source (which has at least one), and serializes the compiled
     * packages when asked (for {@link PolicyCache}): before they join a rule base, which changes them.
     *
     * @param source the policy's files
     * @param serialize whether to return the packages' serialized form too
     * @return the rule base, its warnings, and its serialized form when asked (or why there is none)
     * @throws PolicyCompilationException with every error and warning, by file and line, when a file
     *     does not compile
     */
    static Compiled compile(PolicySource source, boolean serialize) throws PolicyCompilationException {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, Policy.class.getClassLoader()));
        Map<String, String> shown = new HashMap<>();
        List<PolicyProblem> drools = new ArrayList<>();
        try {
            CompositeKnowledgeBuilder batch = builder.batch();
            for (Map.Entry<String, String> file : source.files().entrySet()) {
                // In the folder of the package the file declares, so that Drools does not warn that
                // they differ; a decision table is there as the DRL made from it, so its resource
                // name must say DRL.
                String resource = folder(file.getValue(), source.name()) + "/"
                        + (DecisionTables.isTable(file.getKey()) ? file.getKey() + TABLE_SUFFIX : file.getKey());
                shown.put(resource, source.name() + "/" + file.getKey());
                shown.put(PREFIX + resource, source.name() + "/" + file.getKey());
                batch.add(ResourceFactory.newByteArrayResource(file.getValue().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(PREFIX + resource), ResourceType.DRL);
            }
            batch.build();
            for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
                drools.add(problem(source, result, shown));
            }
        } catch (RuntimeException e) {
            // Drools throws instead of reporting for a few inputs; still one problem, not a crash
            drools.add(new PolicyProblem(source.name(), 0, null, "Drools could not build the policy: " + e, true));
        }
        List<PolicyProblem> problems = new ArrayList<>(CompilerMessages.explain(source, drools));
        problems.addAll(source.loadProblems());
        problems.addAll(PolicyLint.lint(source));
        problems.addAll(SettingsCheck.check(source));
        sort(source, problems);
        if (problems.stream().anyMatch(PolicyProblem::error)) {
            throw new PolicyCompilationException(source.name(), problems);
        }
        ClassLoader loader = ((KnowledgeBuilderImpl) builder).getRootClassLoader();
        Collection<KiePackage> packages = builder.getKnowledgePackages();
        byte[] serialized = null;
        String notSerialized = null;
        if (serialize) {
            try {
                serialized = CompiledPackages.write(loader, packages);
            } catch (java.io.IOException e) {
                notSerialized = String.valueOf(e.getCause() != null ? e.getCause() : e);
            }
        }
        return new Compiled(CompiledPackages.newKieBase(loader, packages), List.copyOf(problems), serialized,
                notSerialized);
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    /** The folder of the package a DRL text declares ({@code dev/cxkit/rules/packs/restaurant}), else the policy's name. */
    private static String folder(String drl, String policy) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') : policy;
    }

    /** Orders problems by the policy's file order, then by line; problems of no known file go last. */
    static void sort(PolicySource source, List<PolicyProblem> problems) {
        List<String> files = source.fileNames();
        problems.sort(Comparator.comparingInt((PolicyProblem p) -> fileIndex(files, source.name(), p.file()))
                .thenComparingInt(PolicyProblem::line));
    }

    private static int fileIndex(List<String> files, String policy, String file) {
        for (int i = 0; i < files.size(); i++) {
            if (file.equals(policy + "/" + files.get(i)) || file.equals(files.get(i))) {
                return i;
            }
        }
        return files.size();
    }

    /**
     * A Drools result as a problem: file and line as Drools gives them (as its {@code Message}
     * would: the first line, or none); {@link CompilerMessages} explains it.
     */
    private static PolicyProblem problem(PolicySource source, KnowledgeBuilderResult result, Map<String, String> shown) {
        String path = result.getResource() == null || result.getResource().getSourcePath() == null ? source.name()
                : shown.getOrDefault(result.getResource().getSourcePath(), result.getResource().getSourcePath());
        int[] lines = result.getLines();
        String text = result.getMessage() == null ? "(no message)" : oneLine(result.getMessage().strip());
        return new PolicyProblem(path, lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0, null, text,
                result.getSeverity() == ResultSeverity.ERROR);
    }

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /** The rule declared last at or before {@code line} of {@code text}, or null. */
    static String enclosingRule(String text, int line) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\\R", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_DECLARATION.matcher(lines[i]);
            if (m.find()) {
                return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            }
            if (lines[i].strip().equals("end") && i < line - 1) {
                return null; // the line is after a rule's end and before the next rule
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
