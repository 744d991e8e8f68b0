package dev.cxkit.rules.engine;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.CarrierSize;
import dev.cxkit.rules.fact.CauseCategory;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferDraft;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The DRL fact model as a rule author reads it, generated from the classes themselves: each fact a
 * decision inserts, with every property a pattern can constrain ({@code Incident( overrunMinutes
 * > 10 )}) and its type, and the constants of every enum a rule names. The rule-author guide holds
 * this text between markers, and a test fails when the code and the guide part ways; the
 * compiler's "did you mean" reads the same properties ({@link #properties}). Stateless.
 */
final class FactModel {

    /** The facts a decision inserts, in the order the guide lists them. */
    private static final List<Class<?>> FACTS = List.of(Incident.class, FlightDisruption.class, AffectedItem.class,
            Customer.class, ContactPreference.class, RecoveryContext.class, OfferDraft.class, Money.class);
    /** The enums rules compare against. */
    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(IncidentType.class, Severity.class,
            Disruption.class, CauseCategory.class, CarrierSize.class, SatisfactionFactor.class, Channel.class, AddressKind.class, OfferKind.class,
            AwareStep.class, Owner.class);

    private FactModel() {
    }

    /** The guide's section: one table per fact, then the enums. */
    static String markdown() {
        StringBuilder out = new StringBuilder();
        for (Class<?> fact : FACTS) {
            out.append("**`").append(fact.getSimpleName()).append("`**: ");
            StringBuilder props = new StringBuilder();
            for (Map.Entry<String, String> p : properties(fact).entrySet()) {
                props.append(props.length() == 0 ? "" : ", ").append('`').append(p.getKey()).append("` (")
                        .append(p.getValue()).append(')');
            }
            out.append(props).append("\n\n");
        }
        out.append("Enums (compare with `==`, for example `type == IncidentType.LONG_WAIT`):\n\n");
        for (Class<? extends Enum<?>> e : ENUMS) {
            out.append("- `").append(e.getSimpleName()).append("`: ");
            out.append(String.join(", ", Arrays.stream(e.getEnumConstants()).map(Enum::name).toList()));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * What a pattern can read of a class: getters as properties ({@code getAmount} and
     * {@code isMoney} as {@code amount} and {@code money}) and other public methods without
     * arguments, by name, with their types.
     */
    static Map<String, String> properties(Class<?> c) {
        Map<String, String> out = new TreeMap<>(Comparator.naturalOrder());
        for (Method m : c.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class
                    || m.getDeclaringClass() == Object.class || m.getName().equals("toString")
                    || m.getName().equals("hashCode") || m.getName().equals("getClass")) {
                continue;
            }
            String name = m.getName();
            if (name.startsWith("get") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
                name = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            } else if (name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2))
                    && m.getReturnType() == boolean.class) {
                name = Character.toLowerCase(name.charAt(2)) + name.substring(3);
            }
            out.putIfAbsent(name, typeName(m.getGenericReturnType()));
        }
        return out;
    }

    private static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            StringBuilder sb = new StringBuilder(((Class<?>) p.getRawType()).getSimpleName()).append('<');
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(typeName(args[i]));
            }
            return sb.append('>').toString();
        }
        return type.getTypeName();
    }
}
