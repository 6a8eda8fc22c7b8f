package io.lambdajca.adapter.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What an error answer without an AWS error code (a proxy's HTML page, a bare 502, a redirect) says, for a message:
 * its first bytes say what answered, and a redirect's target or a proxy's demand for credentials what to change.
 */
public final class ErrorAnswers {

    private static final int QUOTED = 200;

    private ErrorAnswers() {
    }

    /**
     * "no AWS error code; " then, for a redirect (3xx), where it leads, which the SDK does not follow; for a proxy's
     * 407, the credentials it asks for; then the answer's beginning.
     */
    public static String withoutCode(AwsServiceException e) {
        int status = e.statusCode();
        String why = "";
        Optional<String> location = header(e, "Location");
        if (status >= 300 && status < 400 && location.isPresent()) {
            why = "a redirect to " + endpointOf(location.get()) + ", which is not followed (set the endpoint to "
                    + "where it leads); ";
        } else if (status == 407) {
            why = "an HTTP proxy on the way asks for credentials"
                    + header(e, "Proxy-Authenticate").map(how -> " (" + quoted(how) + ")").orElse("")
                    + " that it did not get or did not take (the JVM's http.proxyUser and http.proxyPassword give "
                    + "them); ";
        }
        return "no AWS error code; " + why + "the answer began: " + beginning(e);
    }

    /**
     * Where a redirect leads, as an endpoint is set: its scheme, host, port and path; its user information, query and
     * fragment, which may hold a password, a token or a signature, are left out.
     */
    private static String endpointOf(String location) {
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            return "a location that is not a URI";
        }
        String authority = uri.getRawAuthority();
        String kept = (uri.getScheme() == null ? "" : uri.getScheme() + ":")
                + (authority == null ? "" : "//" + authority.substring(authority.lastIndexOf('@') + 1))
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        boolean cut = uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null;
        return quoted(kept) + (cut ? " (its query, fragment or user information left out)" : "");
    }

    private static Optional<String> header(AwsServiceException e, String name) {
        AwsErrorDetails details = e.awsErrorDetails();
        SdkHttpResponse response = details == null ? null : details.sdkHttpResponse();
        return response == null ? Optional.empty() : response.firstMatchingHeader(name);
    }

    /**
     * The first 200 characters of the answer's body as sent (else of the message the SDK made of it), in one line of
     * printable characters, with secret values masked; "(an empty body)" for none.
     */
    private static String beginning(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        SdkBytes raw = details == null ? null : details.rawResponse();
        String text;
        if (raw == null || raw.asByteArrayUnsafe().length == 0) {
            text = details == null ? e.getMessage() : details.errorMessage();
        } else {
            byte[] bytes = raw.asByteArrayUnsafe();
            text = new String(bytes, 0, Math.min(bytes.length, 1_000), StandardCharsets.UTF_8);
        }
        if (text == null || text.isBlank()) {
            return "(an empty body)";
        }
        return quoted(text);
    }

    /**
     * The text in one line of printable characters (control characters of a binary body become '?'), its first
     * {@value #QUOTED} characters, secret values masked.
     */
    private static String quoted(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return Redaction.redact(oneLine.length() <= QUOTED ? oneLine : oneLine.substring(0, QUOTED) + "...");
    }
}
