package io.lambdajca.ct;

/**
 * What the counting function answers: its handler instance (one per execution environment), how many invocations that
 * instance served, and the tenant id its context gave.
 */
public record TenantAnswer(String instance, int count, String tenantId) {
}
