package dev.cxkit.rules.packs;

import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.PlanDraft;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Test-only stand-in for the engine's {@code Policy}: compiles a classpath pack (its {@code index}
 * lists the DRL files) with the plain KIE API and decides one incident per fresh session, exactly as
 * the engine will. To be deleted when {@code dev.cxkit.rules.engine.Policy} lands.
 */
final class PackHarness {

    private static final String ROOT = "dev/cxkit/rules/packs/";
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final KieContainer container;
    private final PolicySettings settings;

    private PackHarness(KieContainer container, PolicySettings settings) {
        this.container = container;
        this.settings = settings;
    }

    /** Compiles the classpath pack {@code name}, failing with the compiler's messages. */
    static PackHarness compile(String name) {
        Map<String, String> drl = new LinkedHashMap<>();
        for (String line : read(ROOT + name + "/index").split("\\R")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                drl.put(ROOT + name + "/" + file, read(ROOT + name + "/" + file));
            }
        }
        PolicySettings settings;
        try (InputStream in = resource(ROOT + name + "/settings.properties")) {
            settings = PolicySettings.read(name + "/settings.properties", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compile(drl, settings);
    }

    /** Compiles DRL texts by path with the given settings. */
    static PackHarness compile(Map<String, String> drl, PolicySettings settings) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("dev.cxkit.test", "pack" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        drl.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("pack does not compile: " + errors);
        }
        return new PackHarness(ks.newKieContainer(id), settings);
    }

    /** Returns the pack's settings. */
    PolicySettings settings() {
        return settings;
    }

    /** Returns the same pack with some settings replaced. */
    PackHarness withSettings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(settings.values());
        values.putAll(overrides);
        return new PackHarness(container, PolicySettings.of(settings.source() + " (overridden)", values));
    }

    /** Decides one incident in a fresh session. */
    RecoveryPlan decide(Incident incident, Customer customer, RecoveryContext context) {
        KieSession session = container.getKieBase().newKieSession();
        try {
            PlanDraft draft = new PlanDraft(incident.id(), session::insert);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    draft.ruleFiring(event.getMatch().getRule().getName());
                }
            });
            session.insert(incident);
            session.insert(customer);
            session.insert(context);
            session.insert(settings);
            session.insert(draft);
            int fired = session.fireAllRules(10_000);
            if (fired >= 10_000) {
                throw new IllegalStateException("firing limit reached deciding " + incident.id());
            }
            return draft.toPlan();
        } finally {
            session.dispose();
        }
    }

    private static String read(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = PackHarness.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no classpath resource " + path);
        }
        return in;
    }
}
