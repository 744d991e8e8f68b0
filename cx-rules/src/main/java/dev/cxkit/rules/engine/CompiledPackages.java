package dev.cxkit.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * A compiled policy's Drools packages as bytes and back: Drools' own externalization of its
 * {@code KnowledgePackage}s (rules, the Rete's inputs, the consequences' and declared types' byte
 * code), which the classic build has always supported. Loading skips parsing DRL and compiling
 * Java, which is most of a compile (decision 0021). Only {@link PolicyCache} and
 * {@link PolicyCompiler} use it.
 *
 * <p>Reading is restricted by an {@link ObjectInputFilter}: only Drools', MVEL's and cxkit's
 * classes, the JDK's values and collections, and the classes of the policy's own DRL packages and
 * imports; at most {@value #MAX_DEPTH} levels deep and {@value #MAX_REFERENCES} objects. The bytes
 * still hold code (a compiled consequence runs when its rule fires), so the filter is a guard
 * against a foreign or damaged file, not a boundary against someone who can write the cache.
 * Stateless.
 */
final class CompiledPackages {

    /** Deeper than any rule base of the bundled packs (16) by far. */
    static final int MAX_DEPTH = 200;
    /** Objects in one stream: the restaurant pack has about 7 000. */
    static final int MAX_REFERENCES = 5_000_000;
    /** The longest array: the byte code of a pack's classes (about 240 KB for restaurant). */
    static final int MAX_ARRAY = 64 << 20;

    /** The JDK classes a rule base holds: boxed values, numbers, times, collections and their locks. */
    private static final Set<String> JDK_CLASSES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
            "java.lang.Byte", "java.lang.Short", "java.lang.Character", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.Enum");
    private static final List<String> ALLOWED_PREFIXES = List.of("java.util.", "java.time.", "java.math.",
            "org.drools.", "org.kie.", "org.mvel2.", "dev.cxkit.");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.$]+?)(\\.\\*)?\\s*;?\\s*$");

    private CompiledPackages() {
    }

    /**
     * A rule base of compiled packages.
     *
     * @param loader the class loader that holds the packages' declared types (the builder's, or
     *     the one {@link #read} made)
     * @param packages the packages
     * @return the rule base
     */
    static KieBase newKieBase(ClassLoader loader, Collection<KiePackage> packages) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader));
        kieBase.addPackages(packages);
        return kieBase;
    }

    /**
     * Serializes compiled packages with the byte code of the types they declare.
     *
     * @param loader the builder's class loader (a Drools {@code ProjectClassLoader})
     * @param packages the packages, before they join a rule base
     * @return the bytes
     * @throws IOException when Drools cannot serialize them (the policy then is not cached)
     */
    static byte[] write(ClassLoader loader, Collection<KiePackage> packages) throws IOException {
        if (!(loader instanceof ProjectClassLoader project)) {
            throw new IOException("the builder's class loader is a " + loader.getClass().getName());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 19);
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            Map<String, byte[]> store = project.getStore(); // null when the DRL declares no types
            out.writeObject(store == null ? new HashMap<>() : new HashMap<>(store));
            out.writeObject(new ArrayList<>(packages));
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #write} wrote into a new rule base.
     *
     * @param bytes the serialized packages
     * @param parent the class loader of the facts (cxkit's)
     * @param filter what may be read
     * @return the rule base
     * @throws IOException if the bytes are not a rule base, or hold a class the filter refuses
     * @throws ClassNotFoundException if a class they name is missing
     */
    @SuppressWarnings("unchecked")
    static KieBase read(byte[] bytes, ClassLoader parent, ObjectInputFilter filter)
            throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), parent)) {
            in.setObjectInputFilter(filter);
            Map<String, byte[]> store = (Map<String, byte[]>) in.readObject();
            ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(parent, store);
            in.setClassLoader(loader);
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            return newKieBase(loader, packages);
        } catch (ClassCastException e) {
            throw new InvalidClassException("not a compiled policy: " + e.getMessage());
        }
    }

    /**
     * The filter for a policy's packages: the classes a rule base is made of, and those of the
     * packages the policy's DRL declares and imports; nothing else, and no deeper or larger than
     * the limits.
     *
     * @param source the policy
     * @return the filter
     */
    static Filter filter(PolicySource source) {
        Set<String> packages = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (String drl : source.files().values()) {
            Matcher pkg = PACKAGE.matcher(drl);
            if (pkg.find()) {
                packages.add(pkg.group(1));
            }
            Matcher imports = IMPORT.matcher(drl);
            while (imports.find()) {
                String name = imports.group(1);
                if (imports.group(2) != null) {
                    packages.add(name); // import a.b.*
                    classes.add(name); // import static a.B.*: B itself
                } else {
                    classes.add(name);
                    int dot = name.lastIndexOf('.');
                    if (dot > 0) {
                        classes.add(name.substring(0, dot)); // import static a.B.m: B
                    }
                }
            }
        }
        return new Filter(Set.copyOf(packages), Set.copyOf(classes));
    }

    /** What may be read from a policy's serialized packages. */
    static final class Filter implements ObjectInputFilter {
        private final Set<String> packages;
        private final Set<String> classes;

        private Filter(Set<String> packages, Set<String> classes) {
            this.packages = packages;
            this.classes = classes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY) {
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            return type.isPrimitive() || allows(type.getName()) ? Status.ALLOWED : Status.REJECTED;
        }

        /** Whether a class, by its binary name, may be read. */
        boolean allows(String name) {
            if (JDK_CLASSES.contains(name) || classes.contains(name)) {
                return true;
            }
            for (String prefix : ALLOWED_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            int nested = name.indexOf('$');
            String outer = nested > 0 ? name.substring(0, nested) : name;
            int dot = outer.lastIndexOf('.');
            return classes.contains(outer) || dot > 0 && packages.contains(outer.substring(0, dot));
        }
    }
}
