package io.lambdajca.adapter;

/** The IAM role and Roles Anywhere resources that tests define on the local endpoint (us-east-1, its region). */
public final class TestArns {

    public static final String ROLE = "arn:aws:iam::123456789012:role/invoker";
    public static final String TRUST_ANCHOR = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/"
            + "0b5c0a52-3c2e-4c4f-9c1e-7d2a3c4b5d6e";
    public static final String ROLES_ANYWHERE_PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/"
            + "1c6d1b63-4d3f-4d50-8d2f-8e3b4d5c6e7f";

    private TestArns() {
    }
}
