package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYs3cr3tK3y";

    private static void masked(String text, String stillThere) {
        String out = Redaction.redact(text);
        assertThat(out).as(text).doesNotContain(SECRET).contains("****", stillThere);
    }

    @Test
    void theFormsSecretsAreQuotedIn_areMasked() {
        masked("<SecretAccessKey>" + SECRET + "</SecretAccessKey>", "<SecretAccessKey>");
        masked("{\"sessionToken\":\"" + SECRET + "\"}", "sessionToken");
        masked("aws_secret_access_key = " + SECRET, "aws_secret_access_key");
        masked("x-amz-security-token:" + SECRET + "\n", "x-amz-security-token");
        // single quotes, as a properties or YAML file may have them
        masked("aws_secret_access_key='" + SECRET + "'", "aws_secret_access_key");
        // JSON quoted inside JSON text (a message that carries an answer as a string)
        masked("{\"message\":\"{\\\"SecretAccessKey\\\":\\\"" + SECRET + "\\\"}\"}", "message");
        // XML as an HTML error page shows it
        masked("&lt;SessionToken&gt;" + SECRET + "&lt;/SessionToken&gt;", "SessionToken");
        masked("{&quot;secretAccessKey&quot;:&quot;" + SECRET + "&quot;}", "secretAccessKey");
        // instance metadata and container credentials name the session token "Token"
        masked("{\"AccessKeyId\":\"ASIAEXAMPLE\",\"Token\" : \"" + SECRET + "\"}", "ASIAEXAMPLE");
        masked("aws_security_token=" + SECRET, "aws_security_token");
        // what a login page or a redirect carries: bearer tokens, a presigned URL's signature
        masked("https://sso.example.com/cb?access_token=" + SECRET + "&state=1", "access_token=");
        masked("#id_token=" + SECRET, "id_token");
        masked("?X-Amz-Credential=AKIAEXAMPLE%2F20261203&X-Amz-Signature=" + SECRET, "X-Amz-Credential=AKIAEXAMPLE");
        // a '/' of a URL's password is percent-encoded
        String encoded = SECRET.replace("/", "%2F");
        assertThat(Redaction.redact("could not reach https://proxyuser:" + encoded + "@proxy.example.com:8443/"))
                .isEqualTo("could not reach https://proxyuser:****@proxy.example.com:8443/");
        // JSON whose writer escapes '/' (PHP's, some proxies'): the whole value, escapes included
        assertThat(Redaction.redact("{\"SecretAccessKey\":\"" + SECRET.replace("/", "\\/") + "\"}"))
                .isEqualTo("{\"SecretAccessKey\":\"****\"}");
    }

    @Test
    void aTokenField_isMasked_butAParsersSentenceAboutAToken_isLeftAsItIs() {
        // a field, a parameter or a header named token, bare or as the end of a longer name
        masked("token=" + SECRET, "token=");
        masked("Token: " + SECRET + "\n", "Token: ");
        masked("{\"token\": \"" + SECRET + "\"}", "\"token\": \"");
        masked("grant_type=refresh_token&refresh_token=" + SECRET, "grant_type=refresh_token&refresh_token=");
        masked("{\"access_token\":\"" + SECRET + "\",\"id_token\":\"" + SECRET + "\"}", "id_token");
        // a plain word before it is not a parser's: a secret may follow
        masked("session token: " + SECRET, "session token: ");
        masked("Invalid token: " + SECRET, "Invalid token: ");
        masked("unexpected_token=" + SECRET, "unexpected_token=");
        // a parser's sentence does not spare a field that follows it
        masked("Unexpected token: 'x' in {\"token\":\"" + SECRET + "\"}", "Unexpected token: 'x'");
        // what a JSON parser says of a payload: Lambda's InvalidRequestContentException quotes Jackson
        for (String text : new String[] {"expecting token: START_ARRAY", "Unexpected token: 'x'",
                "Could not parse request body into json: Could not parse payload into json: Unrecognized token "
                        + "'test': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or "
                        + "'false')", "ListFunctions failed: {\"NextToken\":\"abc\"}"}) {
            assertThat(Redaction.redact(text)).isEqualTo(text);
        }
    }

    @Test
    void textWithoutSecrets_isLeftAsItIs() {
        for (String text : new String[] {"ListFunctions failed: {\"NextToken\":\"abc\"}",
                "could not reach http://127.0.0.1:9001/2015-03-31/functions", "mailto user@example.com",
                "jdbc:postgresql://db:5432/app?user=a@b", "http://host:8080/users/me@example.com",
                "Function echo timed out after 3.00 seconds"}) {
            assertThat(Redaction.redact(text)).isEqualTo(text);
        }
    }
}
