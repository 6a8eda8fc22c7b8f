package io.lambdajca.local.iam;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IAM Roles Anywhere profile: the roles a session may be created for, and whether the caller may name the
 * session ({@code acceptRoleSessionName}).
 */
public record RolesAnywhereProfileDefinition(String arn, Set<String> roleArns, boolean acceptRoleSessionName) {

    public static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:rolesanywhere:[a-z0-9-]+:\\d{12}:profile/[a-f0-9-]{36}");

    public RolesAnywhereProfileDefinition {
        roleArns = Set.copyOf(roleArns);
        if (arn == null || !ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("not a Roles Anywhere profile ARN (arn:aws:rolesanywhere:REGION:"
                    + "ACCOUNT:profile/UUID): " + arn);
        }
    }
}
