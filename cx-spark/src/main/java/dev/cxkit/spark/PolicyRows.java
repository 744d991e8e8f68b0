package dev.cxkit.spark;

import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FiredRule;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** The SQL shape of a decision: one row per incident line, decided, failed or rejected. */
final class PolicyRows {

    private PolicyRows() {
    }

    /** Money: up to 16 digits before the point and 4 after, enough for every ISO 4217 currency. */
    static final DataType AMOUNT = DataTypes.createDecimalType(20, 4);

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    static final StructType STEP = struct(field("step", DataTypes.StringType, false),
            field("owner", DataTypes.StringType, false), field("due", DataTypes.TimestampType, false),
            field("instruction", DataTypes.StringType, false), field("rule", DataTypes.StringType, false));
    static final StructType OFFER = struct(field("kind", DataTypes.StringType, false),
            field("amount", AMOUNT, true), field("currency", DataTypes.StringType, true),
            field("reason", DataTypes.StringType, false), field("requires_approval", DataTypes.BooleanType, false),
            field("requires_consent", DataTypes.BooleanType, false), field("rule", DataTypes.StringType, false));
    static final StructType ESCALATION = struct(field("to", DataTypes.StringType, false),
            field("due", DataTypes.TimestampType, false), field("reason", DataTypes.StringType, false),
            field("rule", DataTypes.StringType, false));
    static final StructType FOLLOW_UP = struct(field("channel", DataTypes.StringType, false),
            field("address_kind", DataTypes.StringType, false), field("due", DataTypes.TimestampType, false),
            field("rule", DataTypes.StringType, false));

    /**
     * {@code status} is {@code decided}, {@code failed} (the decision failed: {@code failure} says
     * why, {@code failed_rule} names the rule when one is to blame) or {@code rejected} (the line is
     * not a valid incident: {@code failure} says where and why). Lists are empty, never NULL, on a
     * row that was not decided.
     */
    static final StructType PLAN = struct(field("incident_id", DataTypes.StringType, true),
            field("status", DataTypes.StringType, false),
            field("steps", DataTypes.createArrayType(STEP, false), false),
            field("offers", DataTypes.createArrayType(OFFER, false), false),
            field("escalations", DataTypes.createArrayType(ESCALATION, false), false),
            field("follow_ups", DataTypes.createArrayType(FOLLOW_UP, false), false),
            field("needs_approval", DataTypes.BooleanType, false),
            field("total_compensation", AMOUNT, true), field("currency", DataTypes.StringType, true),
            field("systemic_issue", DataTypes.BooleanType, false),
            field("fired_rules", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("failure", DataTypes.StringType, true), field("failed_rule", DataTypes.StringType, true));

    /** Rows hold arrays as Scala sequences. */
    static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }

    private static Timestamp time(Instant instant) {
        return Timestamp.from(instant);
    }

    static Row decided(RecoveryPlan plan) {
        Money total = plan.totalMoney().orElse(null);
        return RowFactory.create(plan.incidentId(), "decided",
                seq(plan.steps().stream().map(PolicyRows::step).toList()),
                seq(plan.offers().stream().map(PolicyRows::offer).toList()),
                seq(plan.escalations().stream().map(PolicyRows::escalation).toList()),
                seq(plan.followUps().stream().map(PolicyRows::followUp).toList()),
                plan.offers().stream().anyMatch(Offer::requiresApproval),
                total == null ? null : total.amount(), total == null ? null : total.currency().getCurrencyCode(),
                plan.systemicIssue(), seq(plan.firedRules().stream().map(FiredRule::name).toList()), null, null);
    }

    static Row notDecided(@Nullable String incidentId, String status, String failure, @Nullable String rule) {
        return RowFactory.create(incidentId, status, seq(List.of()), seq(List.of()), seq(List.of()), seq(List.of()),
                false, null, null, false, seq(List.of()), failure, rule);
    }

    private static Row step(StepPlan s) {
        return RowFactory.create(s.step().name(), s.owner().name(), time(s.due()), s.instruction(), s.rule());
    }

    private static Row offer(Offer o) {
        BigDecimal amount = o.amount() == null ? null : o.amount().amount();
        return RowFactory.create(o.kind().name(), amount,
                o.amount() == null ? null : o.amount().currency().getCurrencyCode(), o.reason(), o.requiresApproval(),
                o.requiresConsent(), o.rule());
    }

    private static Row escalation(Escalation e) {
        return RowFactory.create(e.to().name(), time(e.due()), e.reason(), e.rule());
    }

    private static Row followUp(FollowUp f) {
        return RowFactory.create(f.channel().name(), f.addressKind().name(), time(f.due()), f.rule());
    }
}
