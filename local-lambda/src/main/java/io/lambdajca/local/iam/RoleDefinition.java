package io.lambdajca.local.iam;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IAM role that STS AssumeRole and IAM Roles Anywhere may issue credentials for: its ARN, the external id its trust
 * policy requires (null for none) and its maximum session duration (3,600 s by default, as in IAM; at most 43,200).
 */
public record RoleDefinition(String arn, String externalId, int maxSessionSeconds) {

    /** IAM role ARNs: {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}. */
    public static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    public RoleDefinition {
        Objects.requireNonNull(arn, "arn");
        if (!ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("not an IAM role ARN (arn:aws:iam::123456789012:role/NAME): " + arn);
        }
        if (maxSessionSeconds < 3600 || maxSessionSeconds > 43_200) {
            throw new IllegalArgumentException("a role's maximum session duration is 3600-43200 s, not "
                    + maxSessionSeconds);
        }
    }

    public static RoleDefinition of(String arn) {
        return new RoleDefinition(arn, null, 3600);
    }

    public RoleDefinition withExternalId(String value) {
        return new RoleDefinition(arn, value, maxSessionSeconds);
    }

    public RoleDefinition withMaxSessionSeconds(int value) {
        return new RoleDefinition(arn, externalId, value);
    }

    /** The role's name, the last part of its ARN. */
    public String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The account id in the ARN. */
    public String accountId() {
        return arn.split(":")[4];
    }

    @Override
    public String toString() {
        return "RoleDefinition[" + arn + (externalId == null ? "" : ", requires an external id") + "]";
    }
}
