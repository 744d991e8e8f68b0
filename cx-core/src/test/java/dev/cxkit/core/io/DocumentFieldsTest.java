package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.io.DocumentFields.FieldProblem;
import dev.cxkit.core.service.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import dev.cxkit.core.io.DocumentFields.Style;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DocumentFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** JSON written with single quotes, for readable tests. */
    private static DocumentFields json(String singleQuoted) {
        return DocumentFields.of(JSON.readTree(singleQuoted.replace('\'', '"')), Style.SENTENCE);
    }

    private static DocumentFields yaml(String text, Style style) {
        return DocumentFields.of(YAML.readTree(text), style);
    }

    /** YAML read with lines, as journey definitions are. */
    private static DocumentFields located(String text) {
        try (JsonParser p = YAMLFactory.builder().build().createParser(ObjectReadContext.empty(), text)) {
            return DocumentFields.read(p, Style.WITH_LINE);
        }
    }

    private static List<String> messages(DocumentFields fields) {
        return fields.problems().stream().map(FieldProblem::message).toList();
    }

    private static List<String> described(DocumentFields fields) {
        return fields.problems().stream().map(FieldProblem::toString).toList();
    }

    // ---- values ---------------------------------------------------------------------------------

    @Test
    void readsEveryKindOfValue() {
        DocumentFields f = json("{'id':42,'name':'  soup  ','channel':'in-person','n':'12','x':12.0,'d':'18.5',"
                + "'b':'TRUE','t':'2026-03-01 11:15:30+01:00','z':'2026-03-01T11:15:30+01:00[Europe/Paris]',"
                + "'limit':'20 min','attributes':{'table':'12','covers':4,'price':1.50,'none':null},"
                + "'names':['a', 'b'],'items':[{'k':1},{'k':2}]}");

        assertThat(f.text("id")).as("a whole number is text in JSON").isEqualTo("42");
        assertThat(f.text("name")).isEqualTo("soup");
        assertThat(f.enumValue("channel", Channel.class, null)).isEqualTo(Channel.IN_PERSON);
        assertThat(f.integer("n")).isEqualTo(12);
        assertThat(f.integer("x")).isEqualTo(12);
        assertThat(f.decimal("d")).isEqualByComparingTo("18.5");
        assertThat(f.bool("b")).isTrue();
        assertThat(f.instant("t")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(f.instant("z")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(f.duration("limit")).isEqualTo(Duration.ofMinutes(20));
        assertThat(f.strings("attributes")).containsExactly(Map.entry("table", "12"), Map.entry("covers", "4"),
                Map.entry("price", "1.50"));
        assertThat(f.texts("names", true)).containsExactly("a", "b");
        assertThat(f.objects("items", true)).extracting(o -> o.integer("k")).containsExactly(1, 2);
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void absentNullAndBlankAreMissing() {
        DocumentFields f = json("{'a':null,'b':'   ','c':'x'}");
        assertThat(f.has("a")).isFalse();
        assertThat(f.has("b")).isFalse();
        assertThat(f.has("zzz")).isFalse();
        assertThat(f.has("c")).isTrue();
        assertThat(f.text("b")).isNull();
        assertThat(f.enumValue("a", Channel.class, Channel.SMS)).isEqualTo(Channel.SMS);
        assertThat(f.bool("b", true)).isTrue();
        assertThat(f.integer("zzz")).isNull();
        assertThat(f.problems()).as("an optional value that is missing is no problem").isEmpty();
        assertThat(f.requiredText("b")).isNull();
        assertThat(messages(f)).containsExactly("b is missing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "missing text | {} | id | id is missing",
        "text not a string | {'id':{}} | id | id must be a string, not an object",
        "fraction as text | {'id':1.5} | id | id must be a string, not a number",
        "missing enum | {} | channel | channel is missing (one of IN_PERSON, PHONE, WEB, APP, SMS, EMAIL, CHAT, DELIVERY, OTHER)",
        "wrong enum | {'channel':'FAX'} | channel | channel 'FAX' is not one of IN_PERSON, PHONE, WEB, APP, SMS, EMAIL, CHAT, DELIVERY, OTHER",
        "enum not a string | {'channel':3} | channel | channel must be a string, one of IN_PERSON, PHONE, WEB, APP, SMS, EMAIL, CHAT, DELIVERY, OTHER; not a number",
        "fraction | {'n':12.5} | n | n 12.5 is not a whole number",
        "fraction as text | {'n':'12.5'} | n | n 12.5 is not a whole number",
        "not a number | {'n':'long'} | n | n 'long' is not a whole number",
        "number not a scalar | {'n':[1]} | n | n must be a whole number, not an array",
        "below the minimum | {'n':-5} | n | n -5 must not be negative",
        "boolean as text | {'b':'nope'} | b | b 'nope' is not true or false",
        "boolean as number | {'b':1} | b | b 1 is not true or false",
        "boolean as object | {'b':{}} | b | b must be true or false, not an object",
        "no time zone | {'t':'2025-06-14T19:30:00'} | t | t '2025-06-14T19:30:00' has no time zone (add Z for UTC or an offset like +01:00)",
        "not a time | {'t':'2025-02-30T19:30:00Z'} | t | t '2025-02-30T19:30:00Z' is not an ISO-8601 timestamp (like 2026-03-01T10:15:30Z or 2026-03-01T11:15:30+01:00)",
        "no unit | {'limit':'30'} | limit | limit '30' has no unit (write for example 20 min, 90 s, 2 h)",
        "not an object | {'o':'x'} | o | o must be an object ({...}), not a string",
        "not a list | {'l':{}} | l | l must be an array ([...]), not an object",
        "empty list | {'l':[]} | l | l is empty",
        "element not an object | {'l':[{},3]} | l | l[1] must be an object ({...}), not a number",
        "element not text | {'l':['a',{}]} | texts | l[1] must be a string, not an object",
        "map value not text | {'m':{'a':[1]}} | m | m.a must be a string, not an array",
    })
    void aSentenceNamesTheFieldByItsPath(String name, String json, String key, String message) {
        DocumentFields f = json(json);
        switch (key) {
            case "id" -> f.requiredText("id");
            case "channel" -> f.requiredEnum("channel", Channel.class);
            case "n" -> f.integer("n", 0, "must not be negative");
            case "b" -> f.bool("b");
            case "t" -> f.instant("t");
            case "limit" -> f.duration("limit");
            case "o" -> f.object("o", true);
            case "l" -> f.objects("l", true);
            case "texts" -> f.texts("l", true);
            case "m" -> f.strings("m");
            default -> throw new AssertionError(key);
        }
        assertThat(messages(f)).as(name).containsExactly(message);
    }

    @Test
    void nestedFieldsCarryTheirWholePath() {
        DocumentFields root = yaml("given:\n  incident:\n    items:\n      - {name: soup, price: x}\n", Style.AFTER_PATH);
        DocumentFields item = root.object("given", true).object("incident", true).objects("items", false).get(0);
        item.problem("price", "'x' is not an amount");
        assertThat(item.path()).isEqualTo("given.incident.items[0]");
        assertThat(item.path("price")).isEqualTo("given.incident.items[0].price");
        assertThat(root.problems()).containsExactly(
                new FieldProblem("given.incident.items[0].price", 0, "'x' is not an amount"));
        assertThat(json("{'a':{'b':1}}").object("a", true).path("[0]")).isEqualTo("a[0]");
    }

    @Test
    void aProblemReportedTwiceIsReportedOnce() {
        DocumentFields f = json("{'n':'many'}");
        f.integer("n");
        f.integer("n");
        assertThat(messages(f)).containsExactly("n 'many' is not a whole number");
    }

    @Test
    void aCustomParserReportsItsMessage() {
        DocumentFields sentence = json("{'amount':'46,00','object':{}}");
        assertThat(sentence.parsed("amount", "an amount", DocumentFieldsTest::amount)).isNull();
        assertThat(sentence.parsed("object", "an amount", DocumentFieldsTest::amount)).isNull();
        assertThat(messages(sentence)).containsExactly("amount '46,00' is not an amount",
                "object must be an amount, not an object");

        DocumentFields afterPath = yaml("amount: 46.50\nbad: '46,00'\n", Style.AFTER_PATH);
        assertThat(afterPath.parsed("amount", "an amount", DocumentFieldsTest::amount))
                .as("a YAML number is read as its text").isEqualByComparingTo("46.50");
        afterPath.parsed("bad", "an amount", DocumentFieldsTest::amount);
        assertThat(afterPath.problems()).containsExactly(new FieldProblem("bad", 0, "'46,00' is not an amount"));
    }

    private static BigDecimal amount(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount");
        }
    }

    // ---- styles ---------------------------------------------------------------------------------

    @Test
    void unknownKeysAreWordedPerStyle() {
        String text = "{'severty':1,'zzz':2,'type':3}";
        Set<String> known = Set.of("type", "severity", "channel");

        DocumentFields sentence = json(text);
        sentence.onlyKnown(known);
        assertThat(messages(sentence)).containsExactly("unknown field 'severty' (did you mean 'severity'?)",
                "unknown field 'zzz' (known: channel, severity, type)");

        DocumentFields afterPath = yaml(text.replace('\'', '"'), Style.AFTER_PATH);
        afterPath.onlyKnown(known);
        assertThat(messages(afterPath)).containsExactly("unknown key (did you mean severity?)",
                "unknown key; known keys: channel, severity, type");

        DocumentFields withLine = located(text.replace('\'', '"'));
        withLine.onlyKnown(known);
        assertThat(messages(withLine)).containsExactly("unknown key 'severty' (known here: channel, severity, type)",
                "unknown key 'zzz' (known here: channel, severity, type)");
    }

    @Test
    void aFieldAfterItsPathIsNotNamedAgainAndKindsAreInYamlWords() {
        DocumentFields f = yaml("""
                type: 3
                severity: HUGE
                n: two
                b: maybe
                o: [1]
                l: {a: 1}
                t: {a: 1}
                """, Style.AFTER_PATH);
        f.requiredText("id");
        f.requiredEnum("disruption", Channel.class);
        f.enumValue("type", Channel.class, null);
        f.enumValue("severity", Channel.class, null);
        f.integer("n");
        f.bool("b");
        f.object("o", false);
        f.objects("l", false);
        f.text("t");
        assertThat(described(f)).containsExactly(
                "id: is required",
                "disruption: is required",
                "type: '3' is not one of IN_PERSON, PHONE, WEB, APP, SMS, EMAIL, CHAT, DELIVERY, OTHER",
                "severity: 'HUGE' is not one of IN_PERSON, PHONE, WEB, APP, SMS, EMAIL, CHAT, DELIVERY, OTHER",
                "n: 'two' is not a whole number",
                "b: 'maybe' is not true or false",
                "o: expected a mapping (key: value), not a list",
                "l: expected a list, not a mapping",
                "t: expected text, not a mapping");
    }

    @Test
    void yamlScalarsAreText() {
        DocumentFields f = yaml("id: 42\nflag: true\nprice: 1.50\n", Style.AFTER_PATH);
        assertThat(f.text("id")).isEqualTo("42");
        assertThat(f.text("flag")).isEqualTo("true");
        assertThat(f.text("price")).isEqualTo("1.50");
        assertThat(f.problems()).isEmpty();
    }

    // ---- lines ----------------------------------------------------------------------------------

    @Test
    void aLocatedDocumentGivesTheLineOfEveryProblem() {
        DocumentFields root = located("""
                name: visit
                stages: order
                promises:
                  - id: p
                    factr: timeliness
                  - 7
                  - id: q
                    direction: sideways
                contact_rules: []
                """);
        root.onlyKnown(Set.of("name", "stages", "promises", "contact_rules"));
        root.objects("stages", true);
        root.objects("contact_rules", true);
        List<DocumentFields> promises = root.objects("promises", true);
        promises.get(0).onlyKnown(Set.of("id", "factor"));
        promises.get(0).requiredEnum("factor", Promise.class);
        promises.get(1).enumValue("direction", Promise.class, Promise.AT_MOST);
        assertThat(promises).extracting(DocumentFields::line).containsExactly(4, 7);
        assertThat(described(root)).containsExactly(
                "line 2: stages: expected a list, not 'order'",
                "line 9: contact_rules: contact_rules is empty",
                "line 6: promises[1]: expected a mapping (key: value), not '7'",
                "line 5: promises[0].factr: unknown key 'factr' (known here: factor, id)",
                "line 4: promises[0].factor: factor is missing (one of at_most, at_least)",
                "line 8: promises[2].direction: direction 'sideways' is not one of at_most, at_least");
    }

    private enum Promise {
        AT_MOST, AT_LEAST
    }

    @Test
    void aRepeatedKeyIsAProblemAndTheFirstValueStands() {
        DocumentFields root = located("name: visit\nstages:\n  - id: a\n    id: b\nname: again\n");
        assertThat(root.text("name")).isEqualTo("visit");
        assertThat(root.objects("stages", true).get(0).text("id")).isEqualTo("a");
        assertThat(described(root)).containsExactly(
                "line 4: stages[0].id: key 'id' is given twice (first on line 3)",
                "line 5: name: key 'name' is given twice (first on line 1)");
    }

    @Test
    void aFieldProblemIsPlacedAtItsKeyAndAnObjectProblemAtTheObject() {
        DocumentFields root = located("a: 1\nb:\n  c: 2\n  d: 3\n");
        DocumentFields b = root.object("b", true);
        b.problem("d", "is too large");
        b.problem("does not add up");
        root.problem("nothing", "is missing, somehow");
        assertThat(b.line()).isEqualTo(3);
        assertThat(root.line("b")).isEqualTo(2);
        assertThat(described(root)).containsExactly("line 4: b.d: is too large", "line 3: b: does not add up",
                "line 1: nothing: is missing, somehow");
    }

    @Test
    void anEmptyDocumentHasAMissingRootAndMalformedTextThrows() {
        DocumentFields empty = located("");
        assertThat(empty.node().isMissingNode()).isTrue();
        assertThat(empty.requireObject()).isFalse();
        assertThat(described(empty)).containsExactly("expected a mapping (key: value), not nothing");
        DocumentFields list = located("- a\n- b\n");
        assertThat(list.requireObject()).isFalse();
        assertThat(described(list)).containsExactly("line 1: expected a mapping (key: value), not a list");
        assertThatThrownBy(() -> located("a: [\n")).isInstanceOf(JacksonException.class);
    }

    // ---- helpers --------------------------------------------------------------------------------

    @Test
    void closestFindsAKeyWithinTwoEdits() {
        List<String> known = List.of("currency", "order_value", "severity", "tier");
        assertThat(DocumentFields.closest("tire", known)).isEqualTo("tier");
        assertThat(DocumentFields.closest("order_valeu", known)).isEqualTo("order_value");
        assertThat(DocumentFields.closest("SEVERITY", known)).as("the key's case is ignored").isEqualTo("severity");
        assertThat(DocumentFields.closest("colour", known)).isNull();
        assertThat(DocumentFields.closest("ab", List.of("abc", "abd"))).as("a tie: the first").isEqualTo("abc");
    }

    @Test
    void describeNamesJsonKinds() {
        JsonNode node = JSON.readTree("{\"o\":{},\"a\":[],\"s\":\"x\",\"n\":1,\"b\":true,\"z\":null}");
        assertThat(List.of("o", "a", "s", "n", "b", "z")).extracting(k -> DocumentFields.describe(node.get(k)))
                .containsExactly("an object", "an array", "a string", "a number", "a boolean", "null");
    }

    @Test
    void aProblemIsValidatedAndReadsWell() {
        assertThat(new FieldProblem("a.b", 3, "is wrong")).hasToString("line 3: a.b: is wrong");
        assertThat(new FieldProblem("", 0, "empty file")).hasToString("empty file");
        assertThatThrownBy(() -> new FieldProblem("a", -1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldProblem(null, 0, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DocumentFields.of(null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void problemsAreAReadOnlyView() {
        DocumentFields f = json("{}");
        List<FieldProblem> problems = f.problems();
        f.require("x");
        assertThat(problems).hasSize(1);
        assertThatThrownBy(() -> problems.add(new FieldProblem("", 0, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
