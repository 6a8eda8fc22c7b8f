package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationType;

class RequestValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"echo", "my-function_1", "arn:aws:lambda:us-east-1:123456789012:function:echo",
            "arn:aws-cn:lambda:cn-north-1:123456789012:function:echo:prod", "123456789012:function:echo",
            "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:echo:$LATEST", "with.dot"})
    void invokeName_acceptsNamesAndArns(String name) {
        assertThatCode(() -> RequestValidator.invokeName(name)).doesNotThrowAnyException();
    }

    @Test
    void invokeName_whenNull_namesTheArgument() {
        assertThatThrownBy(() -> RequestValidator.invokeName(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("functionName must not be null");
    }

    @Test
    void invokeName_whenEmptyOrTooLong_givesLengthRule() {
        assertThatThrownBy(() -> RequestValidator.invokeName("")).hasMessageContaining("1 to 170");
        String longName = "arn:aws:lambda:us-east-1:123456789012:function:" + "a".repeat(130);
        assertThatThrownBy(() -> RequestValidator.invokeName(longName)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has 177 characters");
    }

    @Test
    void invokeName_whenBareNameOver64_givesNameRule() {
        assertThatThrownBy(() -> RequestValidator.invokeName("a".repeat(65)))
                .hasMessageContaining("at most 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad name", "semi;colon", "arn:aws:s3:::bucket", "é"})
    void invokeName_whenMalformed_quotesValueAndPattern(String name) {
        assertThatThrownBy(() -> RequestValidator.invokeName(name)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("must match");
    }

    @Test
    void manageName_rejectsDots_whichOnlyInvokeAccepts() {
        assertThatThrownBy(() -> RequestValidator.manageName("with.dot")).hasMessageContaining("must match");
        assertThatThrownBy(() -> RequestValidator.manageName("a".repeat(141))).hasMessageContaining("1 to 140");
    }

    @Test
    void qualifier_rules() {
        assertThatCode(() -> RequestValidator.qualifier("f", "$LATEST")).doesNotThrowAnyException();
        assertThatCode(() -> RequestValidator.qualifier("f", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestValidator.qualifier("f", "")).hasMessageContaining("1 to 128");
        assertThatThrownBy(() -> RequestValidator.qualifier("f", "v 1")).hasMessageContaining("'v 1'");
        assertThatThrownBy(() -> RequestValidator.qualifier("f", "a".repeat(129))).hasMessageContaining("1 to 128");
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
        byte[] oneMb = json(RequestValidator.MAX_EVENT_PAYLOAD);
        assertThatThrownBy(() -> RequestValidator.payload("f", InvocationType.EVENT, oneMb))
                .hasMessageContaining("1048576 bytes is too large for a Event invocation");
        assertThatCode(() -> RequestValidator.payload("f", InvocationType.REQUEST_RESPONSE, oneMb))
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
