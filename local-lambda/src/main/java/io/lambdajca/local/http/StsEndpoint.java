package io.lambdajca.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Violations;
import io.lambdajca.local.auth.CredentialIssuer;
import io.lambdajca.local.auth.Identity;
import io.lambdajca.local.auth.SigV4Verifier;
import io.lambdajca.local.iam.RoleDefinition;
import io.undertow.server.HttpServerExchange;

/**
 * STS AssumeRole over the Query protocol (form-encoded parameters, XML answers, version 2011-06-15), as the service
 * does it: the caller's SigV4 signature (service {@code sts}) is checked; RoleArn, RoleSessionName, DurationSeconds
 * and ExternalId are validated; the role must be known and its external id given when it requires one; the answer
 * carries temporary credentials with an expiry. Errors use STS's codes and its ErrorResponse XML.
 */
public final class StsEndpoint {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    /** RoleSessionName's pattern as the model writes it (its length, 2-64, is a separate constraint). */
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** ExternalId's pattern as the model writes it (its length, 2-1,224, is a separate constraint). */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:\\/-]*");
    /** Role chaining (assuming a role with temporary credentials) caps the session at one hour. */
    private static final int CHAINED_MAX_SECONDS = 3600;

    private final SigV4Verifier verifier;
    private final CredentialIssuer issuer;
    private final Map<String, RoleDefinition> roles;

    public StsEndpoint(SigV4Verifier verifier, CredentialIssuer issuer, Map<String, RoleDefinition> roles) {
        this.verifier = verifier;
        this.issuer = issuer;
        this.roles = roles;
    }

    void handle(HttpServerExchange exchange, byte[] body) {
        String requestId = exchange.getResponseHeaders().getFirst(Exchanges.REQUEST_ID);
        try {
            Identity caller = verify(exchange, body);
            Map<String, String> params = parameters(exchange.getQueryString());
            params.putAll(parameters(new String(body, StandardCharsets.UTF_8)));
            String action = params.get("Action");
            if (!"AssumeRole".equals(action)) {
                throw new ApiException(400, "InvalidAction", "Could not find operation " + action
                        + " for version " + params.get("Version"));
            }
            Exchanges.send(exchange, 200, "text/xml", assumeRole(params, caller, requestId)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (ApiException e) {
            Exchanges.send(exchange, e.status(), "text/xml", error(e, requestId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Identity verify(HttpServerExchange exchange, byte[] body) {
        try {
            return verifier.verify(SignedRequests.of(exchange, body));
        } catch (ApiException e) {
            // the same checks as Lambda's front end, reported with STS's own codes
            switch (e.code()) {
                case "UnrecognizedClientException":
                    throw new ApiException(403, "InvalidClientTokenId", e.getMessage());
                case "InvalidSignatureException":
                    throw new ApiException(403, "SignatureDoesNotMatch", e.getMessage());
                case "ExpiredTokenException":
                    // STS's code for an expired caller (403 ExpiredToken, as users report it: aws-sdk-java-v2#1649,
                    // boto3#1431); the model's ExpiredTokenException (400) is AssumeRoleWithWebIdentity's
                    throw new ApiException(403, "ExpiredToken", "The security token included in the request is "
                            + "expired");
                case "MissingAuthenticationTokenException":
                    throw new ApiException(403, "MissingAuthenticationToken", "Request is missing Authentication "
                            + "Token");
                default:
                    throw e;
            }
        }
    }

    private String assumeRole(Map<String, String> params, Identity caller, String requestId) {
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        String externalId = params.get("ExternalId");
        Violations violations = new Violations()
                .length(roleArn, "roleArn", 20, 2048)
                .string(sessionName, "roleSessionName", 2, 64, SESSION_NAME)
                .string(externalId, "externalId", 2, 1224, EXTERNAL_ID);
        if (roleArn == null) {
            violations.add(null, "roleArn", "Member must not be null");
        }
        if (sessionName == null) {
            violations.add(null, "roleSessionName", "Member must not be null");
        }
        int duration = duration(params.get("DurationSeconds"), violations);
        if (!violations.isEmpty()) {
            throw new ApiException(400, "ValidationError", violations.message());
        }
        if (!isArn(roleArn)) {
            // recorded: sts/test_sts.snapshot.json, test_sts_invalid_parameters
            throw new ApiException(400, "ValidationError", roleArn + " is invalid");
        }
        RoleDefinition role = roles.get(roleArn);
        if (role == null || (role.externalId() != null && !role.externalId().equals(externalId))) {
            throw new ApiException(403, "AccessDenied", "User: arn:aws:iam::" + accountOf(roleArn) + ":user/"
                    + caller.accessKeyId() + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        if (caller.sessionToken() != null && duration > CHAINED_MAX_SECONDS) {
            throw new ApiException(400, "ValidationError", "The requested DurationSeconds exceeds the 1 hour session "
                    + "limit for roles assumed by role chaining.");
        }
        if (duration > role.maxSessionSeconds()) {
            throw new ApiException(400, "ValidationError", "The requested DurationSeconds exceeds the "
                    + "MaxSessionDuration set for this role.");
        }
        Identity issued = issuer.issue(Duration.ofSeconds(duration), roleArn);
        // no SourceIdentity or PackedPolicySize: AWS leaves them out when no source identity, policy or tags are given
        // (recorded: sts/test_sts.snapshot.json, test_assume_role)
        String roleId = "AROALOCAL" + Integer.toHexString(roleArn.hashCode()).toUpperCase();
        String assumedArn = "arn:" + roleArn.split(":")[1] + ":sts::" + role.accountId() + ":assumed-role/"
                + role.name() + "/" + sessionName;
        return "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <Arn>" + xml(assumedArn) + "</Arn>\n"
                + "      <AssumedRoleId>" + roleId + ":" + xml(sessionName) + "</AssumedRoleId>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>" + issued.accessKeyId() + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + xml(issued.secretKey()) + "</SecretAccessKey>\n"
                + "      <SessionToken>" + xml(issued.sessionToken()) + "</SessionToken>\n"
                + "      <Expiration>" + DateTimeFormatter.ISO_INSTANT.format(issued.expiration()
                        .truncatedTo(ChronoUnit.SECONDS)) + "</Expiration>\n"
                + "    </Credentials>\n"
                + "  </AssumeRoleResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + requestId + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleResponse>\n";
    }

    /** An ARN's form: arn, a partition, a service, a region and an account (either may be empty), a resource. */
    private static boolean isArn(String value) {
        String[] parts = value.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[1].isEmpty() && !parts[2].isEmpty()
                && !parts[5].isEmpty();
    }

    /** DurationSeconds, 3,600 when absent; -1 with a violation added when it is not a number from 900 to 43,200. */
    private static int duration(String value, Violations violations) {
        if (value == null) {
            return 3600;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            violations.add(value, "durationSeconds", "Member must be a number");
            return -1;
        }
        violations.range((long) seconds, "durationSeconds", 900, 43_200);
        return seconds;
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 ? parts[4] : "123456789012";
    }

    private static Map<String, String> parameters(String form) {
        Map<String, String> params = new HashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String error(ApiException e, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>Sender</Type>\n"
                + "    <Code>" + xml(e.code()) + "</Code>\n"
                + "    <Message>" + xml(e.getMessage()) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
