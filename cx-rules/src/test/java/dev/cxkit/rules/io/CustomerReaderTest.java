package dev.cxkit.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerReaderTest {

    private final List<Customer> accepted = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final CustomerReader reader = CustomerReader.create();

    private ReadSummary read(String text) throws IOException {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "customers.jsonl",
                accepted::add, rejected::add);
    }

    @Test
    void readsCustomersWithDefaults() throws IOException {
        ReadSummary summary = read("""
                {"id":"c1","tier":"gold","lifetime_value":"640.00","contact_channel":"SMS","recent_failures":2}

                {"id":"c2"}
                {"id":"c3","contact_channel":"phone","contact_address_kind":"work","lifetime_value":1000,"currency":"GBP"}
                """);
        assertThat(rejected).isEmpty();
        assertThat(summary).isEqualTo(new ReadSummary(3, 3, 0, List.of()));
        assertThat(accepted.get(0)).isEqualTo(new Customer("c1", "gold", Money.of("640.00", "EUR"),
                new dev.cxkit.core.service.ContactPreference(Channel.SMS, AddressKind.MOBILE), 2));
        Customer plain = accepted.get(1);
        assertThat(plain.tier()).isEqualTo("standard");
        assertThat(plain.lifetimeValue()).isNull();
        assertThat(plain.contact().channel()).isEqualTo(Channel.EMAIL);
        assertThat(plain.contact().addressKind()).isEqualTo(AddressKind.EMAIL);
        assertThat(plain.recentFailures()).isZero();
        assertThat(accepted.get(2).contact().addressKind()).isEqualTo(AddressKind.WORK);
        assertThat(accepted.get(2).lifetimeValue()).isEqualTo(Money.of("1000.00", "GBP"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "malformed | {\"id\": | malformed JSON",
        "not an object | 17 | expected a JSON object ({...}), got a number",
        "missing id | {\"tier\":\"gold\"} | id is missing",
        "bad channel | {\"id\":\"c1\",\"contact_channel\":\"FAX\"} | contact_channel 'FAX' is not one of IN_PERSON, PHONE",
        "bad address | {\"id\":\"c1\",\"contact_address_kind\":\"CAVE\"} | contact_address_kind 'CAVE' is not one of MOBILE, HOME, WORK, EMAIL, OTHER",
        "negative failures | {\"id\":\"c1\",\"recent_failures\":-2} | recent_failures -2 must not be negative",
        "fractional failures | {\"id\":\"c1\",\"recent_failures\":1.5} | recent_failures 1.5 is not a whole number",
        "negative value | {\"id\":\"c1\",\"lifetime_value\":-5} | lifetime_value -5 must not be negative",
        "bad currency | {\"id\":\"c1\",\"lifetime_value\":5,\"currency\":\"XYZ1\"} | currency 'XYZ1' is not an ISO 4217 currency code",
        "typo | {\"id\":\"c1\",\"tire\":\"gold\"} | unknown field 'tire' (did you mean 'tier'?)",
        "repeated key | {\"id\":\"c1\",\"id\":\"c2\"} | key 'id' appears twice",
    })
    void rejectsBadLines(String name, String line, String reason) throws IOException {
        ReadSummary summary = read("{\"id\":\"ok\"}\n" + line + "\n");
        assertThat(summary.read()).isEqualTo(2);
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.raw()).isEqualTo(line);
            assertThat(r.reason()).as(name).startsWith(reason);
        });
    }

    @Test
    void rejectsADuplicateId() throws IOException {
        read("{\"id\":\"c1\"}\n{\"id\":\"c1\",\"tier\":\"gold\"}\n");
        assertThat(accepted).hasSize(1);
        assertThat(rejected).singleElement().extracting(Rejection::message)
                .isEqualTo("customers.jsonl line 2: customer id 'c1' was already read at customers.jsonl line 1");
    }
}
