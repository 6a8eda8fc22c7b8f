package io.lambdajca.local.http;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import io.lambdajca.local.auth.CredentialIssuer;
import io.lambdajca.local.auth.Identity;
import io.lambdajca.local.auth.X509Verifier;
import io.lambdajca.local.iam.RoleDefinition;
import io.lambdajca.local.iam.RolesAnywhereProfileDefinition;
import io.lambdajca.local.iam.TrustAnchorDefinition;
import io.undertow.server.HttpServerExchange;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * IAM Roles Anywhere CreateSession ({@code POST /sessions}): the request is signed with the private key of an X.509
 * certificate that must chain to the named trust anchor; the profile must allow the role; the answer is 201 with one
 * credential set. Errors use the service's REST JSON shape (AccessDeniedException 403, ValidationException 400).
 */
public final class RolesAnywhereEndpoint {

    private final X509Verifier verifier;
    private final CredentialIssuer issuer;
    private final Map<String, TrustAnchorDefinition> anchors;
    private final Map<String, RolesAnywhereProfileDefinition> profiles;
    private final Map<String, RoleDefinition> roles;

    public RolesAnywhereEndpoint(X509Verifier verifier, CredentialIssuer issuer,
            Map<String, TrustAnchorDefinition> anchors, Map<String, RolesAnywhereProfileDefinition> profiles,
            Map<String, RoleDefinition> roles) {
        this.verifier = verifier;
        this.issuer = issuer;
        this.anchors = anchors;
        this.profiles = profiles;
        this.roles = roles;
    }

    void createSession(HttpServerExchange exchange, byte[] body) {
        JsonObject request = Jsons.object(body);
        String anchorArn = required(request, "trustAnchorArn");
        String profileArn = required(request, "profileArn");
        String roleArn = required(request, "roleArn");
        int duration = duration(request.get("durationSeconds"));
        String sessionName = request.containsKey("roleSessionName") ? request.getString("roleSessionName", null)
                : null;
        TrustAnchorDefinition anchor = anchors.get(anchorArn);
        if (anchor == null) {
            throw denied("Unable to find trust anchor " + anchorArn + ".");
        }
        X509Certificate certificate = verifier.verify(SignedRequests.of(exchange, body), anchor.certificate());
        RolesAnywhereProfileDefinition profile = profiles.get(profileArn);
        if (profile == null) {
            throw denied("Unable to find profile " + profileArn + ".");
        }
        if (!profile.roleArns().contains(roleArn) || !roles.containsKey(roleArn)) {
            throw denied("Profile " + profileArn + " does not allow role " + roleArn + ".");
        }
        if (sessionName != null && !profile.acceptRoleSessionName()) {
            throw denied("Profile " + profileArn + " does not accept a custom role session name.");
        }
        Identity issued = issuer.issue(Duration.ofSeconds(duration), roleArn);
        String session = sessionName != null ? sessionName : CertificateIdentity.sessionName(certificate);
        JsonObject credentials = Jsons.PROVIDER.createObjectBuilder()
                .add("accessKeyId", issued.accessKeyId())
                .add("secretAccessKey", issued.secretKey())
                .add("sessionToken", issued.sessionToken())
                .add("expiration", DateTimeFormatter.ISO_INSTANT.format(issued.expiration()
                        .truncatedTo(ChronoUnit.SECONDS)))
                .build();
        RoleDefinition role = roles.get(roleArn);
        JsonObjectBuilder set = Jsons.PROVIDER.createObjectBuilder()
                .add("assumedRoleUser", Jsons.PROVIDER.createObjectBuilder()
                        .add("arn", "arn:" + roleArn.split(":")[1] + ":sts::" + role.accountId() + ":assumed-role/"
                                + role.name() + "/" + session)
                        .add("assumedRoleId", "AROALOCAL:" + session))
                .add("credentials", credentials)
                .add("packedPolicySize", 0)
                .add("roleArn", roleArn);
        String sourceIdentity = CertificateIdentity.sourceIdentity(certificate);
        if (sourceIdentity != null) {
            set.add("sourceIdentity", sourceIdentity);
        }
        Exchanges.json(exchange, 201, Jsons.PROVIDER.createObjectBuilder()
                .add("credentialSet", Jsons.PROVIDER.createArrayBuilder().add(set))
                .add("subjectArn", anchorArn.replaceAll("trust-anchor/.*", "subject/"
                        + CertificateIdentity.subjectId(certificate)))
                .build());
    }

    private static String required(JsonObject request, String field) {
        JsonValue v = request.get(field);
        if (!(v instanceof jakarta.json.JsonString) || ((jakarta.json.JsonString) v).getString().isEmpty()) {
            throw validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return ((jakarta.json.JsonString) v).getString();
    }

    private static int duration(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return 3600;
        }
        if (!(value instanceof JsonNumber) || !((JsonNumber) value).isIntegral()) {
            throw validation("durationSeconds must be a whole number");
        }
        int seconds = ((JsonNumber) value).intValue();
        if (seconds < 900 || seconds > 43_200) {
            throw validation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' failed to "
                    + "satisfy constraint: Member must have value between 900 and 43200");
        }
        return seconds;
    }

    private static ApiException denied(String message) {
        return ApiException.forbidden("AccessDeniedException", message);
    }

    private static ApiException validation(String message) {
        return ApiException.lowerCaseMessage(400, "ValidationException", message);
    }
}
