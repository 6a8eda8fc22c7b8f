package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationType;

class RequestValidatorTest {

    static List<ModelTable.Row> acceptedNames() {
        return ModelTable.ACCEPTED_NAMES;
    }

    static List<ModelTable.Row> refusedNames() {
        return ModelTable.REFUSED_NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedNames")
    void functionName_acceptsWhatTheModelAccepts(ModelTable.Row row) {
        assertThatCode(() -> RequestValidator.functionName(row.value())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedNames")
    void functionName_refusesWhatTheModelRefuses_namingTheValueAndTheRule(ModelTable.Row row) {
        InvalidRequestException e = (InvalidRequestException) catchThrowable(() -> RequestValidator.functionName(
                row.value()));
        assertThat(e).isNotNull();
        assertThat(e.functionName()).isEqualTo(row.value());
        assertThat(e.getMessage()).contains("functionName '" + abbreviated(row.value()) + "'").contains(row.why());
        if (row.why().equals("must match")) {
            assertThat(e.getMessage()).contains(RequestValidator.FUNCTION_NAME_PATTERN);
        } else {
            assertThat(e.getMessage()).contains("has " + row.value().length() + " characters");
        }
    }

    @Test
    void aValueThePatternRefuses_namesTheFirstCharacterThatCannotBeThere_evenPastTheQuotedStart() {
        String tenant = "t".repeat(150) + "#" + "t".repeat(20);
        assertThatThrownBy(() -> RequestValidator.tenantId("f", tenant)).hasMessageStartingWith("tenantId '"
                + "t".repeat(77) + "...' must match").hasMessageEndingWith(": '#' at index 150 cannot be there");
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + "f".repeat(60) + "!x";
        assertThatThrownBy(() -> RequestValidator.functionName(arn))
                .hasMessageEndingWith(": '!' at index " + arn.indexOf('!') + " cannot be there");
        assertThatThrownBy(() -> RequestValidator.qualifier("f", "v1\u0001")).hasMessageEndingWith(
                ": U+0001 at index 2 cannot be there");
        assertThatThrownBy(() -> RequestValidator.tenantId("f", "caf\u00e9")).hasMessageEndingWith(
                ": U+00E9 at index 3 cannot be there");
        // every character could start an accepted value: it ends too early, and no character is named
        assertThatThrownBy(() -> RequestValidator.functionName("arn:aws:lambda:us-east-1:123456789012:function:f:"))
                .hasMessageEndingWith("it must match " + RequestValidator.FUNCTION_NAME_PATTERN);
    }

    @Test
    void aQualifierThatDiffersFromTheOneTheNameEndsWith_isRefused_namingBoth() {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:some-function";
        assertThatThrownBy(() -> RequestValidator.qualifier(arn + ":1", "$LATEST"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("qualifier '$LATEST' differs from '1', the "
                        + "qualifier functionName ends with: Lambda refuses a request where they differ");
        assertThatThrownBy(() -> RequestValidator.qualifier("f:prod", "2"))
                .hasMessageContaining("differs from 'prod'");
        // the same qualifier twice, or one of them only, is what Lambda takes
        assertThatCode(() -> {
            RequestValidator.qualifier(arn + ":$LATEST", "$LATEST");
            RequestValidator.qualifier(arn, "1");
            RequestValidator.qualifier(arn + ":1", null);
            RequestValidator.qualifier("f", "1");
            RequestValidator.qualifier("123456789012:function:f", "1");
        }).doesNotThrowAnyException();
    }

    @Test
    void aTenantIdWithASpaceAtAnEnd_isRefused_asHttpWouldDropIt() {
        assertThatThrownBy(() -> RequestValidator.tenantId("f", "  acme  ")).isInstanceOf(
                InvalidRequestException.class).hasMessage("tenantId '  acme  ' starts or ends with a space, which HTTP "
                        + "drops from a header: Lambda would get 'acme'");
        assertThatThrownBy(() -> RequestValidator.tenantId("f", " ")).hasMessageEndingWith("Lambda would get ''");
        assertThatCode(() -> RequestValidator.tenantId("f", "acme corp")).doesNotThrowAnyException();
    }

    @Test
    void functionName_whenNull_namesTheArgument() {
        assertThatThrownBy(() -> RequestValidator.functionName(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("functionName must not be null");
    }

    @Test
    void thePlainNameScan_decidesAsThePatternDoes() {
        Pattern model = Pattern.compile(RequestValidator.FUNCTION_NAME_PATTERN);
        List<String> names = new ArrayList<>();
        ModelTable.ACCEPTED_NAMES.forEach(r -> names.add(r.value()));
        ModelTable.REFUSED_NAMES.forEach(r -> names.add(r.value()));
        Random random = new Random(15);
        String alphabet = "aZ09-_.:$ !/é";
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        for (String name : names) {
            if (!name.isEmpty() && name.indexOf(':') < 0) {
                // without a colon only the pattern's name part can match, so the scan must decide as the pattern
                assertThat(RequestValidator.isPlainName(name)).as("'%s'", name)
                        .isEqualTo(model.matcher(name).matches());
            } else if (!name.isEmpty() && RequestValidator.isPlainName(name)) {
                assertThat(model.matcher(name).matches()).as("'%s' passes the scan", name).isTrue();
            }
        }
    }

    @Test
    void thePlainQualifierScan_decidesAsThePatternDoes() {
        Pattern model = Pattern.compile(RequestValidator.QUALIFIER_PATTERN);
        List<String> qualifiers = new ArrayList<>();
        ModelTable.ACCEPTED_QUALIFIERS.forEach(r -> qualifiers.add(r.value()));
        ModelTable.REFUSED_QUALIFIERS.forEach(r -> qualifiers.add(r.value()));
        Random random = new Random(15);
        String alphabet = "aZ09-_$. !é";
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(10); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            qualifiers.add(b.toString());
        }
        for (String q : qualifiers) {
            if (!q.isEmpty() && q.indexOf('.') < 0) {
                // without a dot only the character-class alternative can match
                assertThat(RequestValidator.isPlainQualifier(q)).as("'%s'", q).isEqualTo(model.matcher(q).matches());
            } else if (!q.isEmpty() && RequestValidator.isPlainQualifier(q)) {
                assertThat(model.matcher(q).matches()).as("'%s' passes the scan", q).isTrue();
            }
        }
    }

    static List<ModelTable.Row> acceptedQualifiers() {
        return ModelTable.ACCEPTED_QUALIFIERS;
    }

    static List<ModelTable.Row> refusedQualifiers() {
        return ModelTable.REFUSED_QUALIFIERS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedQualifiers")
    void qualifier_acceptsWhatTheModelAccepts(ModelTable.Row row) {
        assertThatCode(() -> RequestValidator.qualifier("f", row.value())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedQualifiers")
    void qualifier_refusesWhatTheModelRefuses(ModelTable.Row row) {
        assertRefused(() -> RequestValidator.qualifier("f", row.value()), "qualifier", row,
                RequestValidator.QUALIFIER_PATTERN);
    }

    @Test
    void noQualifier_tenantOrDurableName_isNone() {
        assertThatCode(() -> {
            RequestValidator.qualifier("f", null);
            RequestValidator.tenantId("f", null);
            RequestValidator.durableExecutionName("f", null);
        }).doesNotThrowAnyException();
    }

    static List<ModelTable.Row> acceptedTenantIds() {
        return ModelTable.ACCEPTED_TENANT_IDS;
    }

    static List<ModelTable.Row> refusedTenantIds() {
        return ModelTable.REFUSED_TENANT_IDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedTenantIds")
    void tenantId_acceptsWhatTheModelAccepts(ModelTable.Row row) {
        assertThatCode(() -> RequestValidator.tenantId("f", row.value())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedTenantIds")
    void tenantId_refusesWhatTheModelRefuses(ModelTable.Row row) {
        assertRefused(() -> RequestValidator.tenantId("f", row.value()), "tenantId", row,
                RequestValidator.TENANT_ID_PATTERN);
    }

    static List<ModelTable.Row> acceptedDurableNames() {
        return ModelTable.ACCEPTED_DURABLE_NAMES;
    }

    static List<ModelTable.Row> refusedDurableNames() {
        return ModelTable.REFUSED_DURABLE_NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedDurableNames")
    void durableExecutionName_acceptsWhatTheModelAccepts(ModelTable.Row row) {
        assertThatCode(() -> RequestValidator.durableExecutionName("f", row.value())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedDurableNames")
    void durableExecutionName_refusesWhatTheModelRefuses(ModelTable.Row row) {
        assertRefused(() -> RequestValidator.durableExecutionName("f", row.value()), "durableExecutionName", row,
                RequestValidator.DURABLE_EXECUTION_NAME_PATTERN);
    }

    private static void assertRefused(ThrowingCallable call, String what, ModelTable.Row row, String pattern) {
        InvalidRequestException e = (InvalidRequestException) catchThrowable(call);
        assertThat(e).as(row.value()).isNotNull();
        assertThat(e.functionName()).isEqualTo("f");
        assertThat(e.getMessage()).startsWith(what + " '" + abbreviated(row.value()) + "'").contains(row.why());
        if (row.why().equals("must match")) {
            assertThat(e.getMessage()).contains(pattern);
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    @Test
    void payload_mustBeJson() {
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, bytes("{\"a\":[1,2]}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, bytes("\"text\"")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, new byte[0]))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, bytes("{oops")))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RequestValidator.payload("f", InvocationType.EVENT, bytes("{} {}")))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void payload_sizeLimitDependsOnInvocationType() {
        // Event: "N byte payload is too large for the Event invocation type (limit 1048576 bytes)", so 1 MB is sent
        byte[] oneMb = json(RequestValidator.MAX_EVENT_PAYLOAD);
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.EVENT, oneMb)).doesNotThrowAnyException();
        byte[] overOneMb = json(RequestValidator.MAX_EVENT_PAYLOAD + 1);
        assertThatThrownBy(() -> RequestValidator.payload("f", InvocationType.EVENT, overOneMb))
                .hasMessageContaining("1048577 bytes is too large for invocation type Event")
                .hasMessageContaining("at most 1048576 bytes");
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, overOneMb))
                .doesNotThrowAnyException();
        byte[] sixMb = json(RequestValidator.MAX_SYNC_PAYLOAD);
        assertThatThrownBy(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, sixMb))
                .hasMessageContaining("less than 6291456");
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE,
                json(RequestValidator.MAX_SYNC_PAYLOAD - 1))).doesNotThrowAnyException();
    }

    @Test
    void clientContext_mustBeSmallJsonObject_andIsBase64Encoded() {
        assertThatCode(() -> RequestValidator.clientContext("f", "{\"custom\":{}}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestValidator.clientContext("f", "[1]")).hasMessageContaining("JSON object");
        // a byte order mark before the object is skipped by the check, as a payload's is, and left out
        assertThat(RequestValidator.clientContext("f", "\uFEFF {\"custom\":{}}"))
                .isEqualTo(Base64.getEncoder().encodeToString(bytes(" {\"custom\":{}}")));
        assertThatThrownBy(() -> RequestValidator.clientContext("f", "\uFEFF[1]")).hasMessageContaining("JSON object");
        String big = "{\"custom\":{\"k\":\"" + "x".repeat(2700) + "\"}}";
        assertThatThrownBy(() -> RequestValidator.clientContext("f", big)).hasMessageContaining("at most 3583");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        b[0] = '0';
        return b;
    }
}
