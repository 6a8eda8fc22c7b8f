package io.lambdajca.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical request written directly is the AWS SDK signer's, character for character, for the plain requests it
 * takes; every other request is left to the SDK's code.
 */
class PlainCanonicalRequestTest {

    private static final String PAYLOAD_HASH = Hashes.sha256Hex("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
    private static final List<String> SIGNED = List.of("content-type", "host", "x-amz-date");

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    PlainCanonicalRequestTest() {
        headers.put("Content-Type", "application/json");
        headers.put("Host", "127.0.0.1:9001");
        headers.put("X-Amz-Date", "20261130T070000Z");
        headers.put("X-Amz-Client-Context", "eyJjdXN0b20iOnt9fQ==");
        headers.put("User-Agent", "aws-sdk-java/2.51.3 md/io#sync  ua/2.1");
        headers.put("X-Amz-Log-Type", "Tail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/2015-03-31/functions/echo/invocations",
        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aecho/invocations",
        "/2015-03-31/functions/", "/", "/2015-03-31/functions/my.fn_v~2/configuration", "/a/%7e/%2F/x"})
    void writesTheSdksTextForAPlainPath(String path) {
        assertSameAsSdk("POST", path, null, SIGNED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qualifier=prod", "b=2&a-b=1&a=3&a=1&a.c=0",
        "MaxItems=10&Marker=abc", "FunctionVersion=ALL&MaxItems=50"})
    void writesTheSdksTextForAQuery(String query) {
        assertSameAsSdk("GET", "/2015-03-31/functions/", query, SIGNED);
    }

    @Test
    void writesTheSdksTextForMoreSignedHeaders() {
        assertSameAsSdk("POST", "/2015-03-31/functions/echo/invocations", null,
                List.of("content-type", "host", "x-amz-client-context", "x-amz-date", "x-amz-log-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/./b", "/a/../b", "/a/b/..", "/a//b", "/a/%zz", "/a/%2", "/a b", "/a/b+c", "a/b", ""})
    void leavesAnyOtherPathToTheSdk(String path) {
        assertThat(PlainCanonicalRequest.of("POST", path, null, SIGNED, headers::get, PAYLOAD_HASH)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qualifier", "Qualifier=%24LATEST", "Qualifier=a%20b", "a=1&&b=2", "=x", "q=a+b"})
    void leavesAnyOtherQueryToTheSdk(String query) {
        assertThat(PlainCanonicalRequest.of("GET", "/x", query, SIGNED, headers::get, PAYLOAD_HASH)).isNull();
        assertThat(CanonicalRequest.sdkCanonicalRequest(signed("GET", "/x", query), SIGNED, "X", PAYLOAD_HASH))
                .isNotEmpty();
    }

    @Test
    void leavesUnsortedIgnoredOrMissingHeadersAndSpacedValuesToTheSdk() {
        assertThat(PlainCanonicalRequest.of("POST", "/x", null, List.of("host", "content-type"), headers::get,
                PAYLOAD_HASH)).isNull();
        assertThat(PlainCanonicalRequest.of("POST", "/x", null, List.of("host", "user-agent"), headers::get,
                PAYLOAD_HASH)).isNull();
        assertThat(PlainCanonicalRequest.of("POST", "/x", null, List.of("host", "x-missing"), headers::get,
                PAYLOAD_HASH)).isNull();
        for (String value : List.of(" a", "a ", "a  b", "a\tb")) {
            headers.put("X-Amz-Date", value);
            assertThat(PlainCanonicalRequest.of("POST", "/x", null, SIGNED, headers::get, PAYLOAD_HASH)).isNull();
        }
        assertThat(PlainCanonicalRequest.of("OPTIONS", "/x", null, SIGNED, headers::get, PAYLOAD_HASH)).isNull();
    }

    private void assertSameAsSdk(String method, String path, String query, List<String> signed) {
        String plain = PlainCanonicalRequest.of(method, path, query, signed, headers::get, PAYLOAD_HASH);
        assertThat(plain).isNotNull()
                .isEqualTo(CanonicalRequest.sdkCanonicalRequest(signed(method, path, query), signed, "X",
                        PAYLOAD_HASH));
    }

    private SignedRequest signed(String method, String path, String query) {
        return new SignedRequest(method, path, query, headers::get, new byte[0]);
    }

    @Test
    void hashesAsHexOfTheSha256() {
        assertThat(Hashes.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hashes.sha256Hex("abc")).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
