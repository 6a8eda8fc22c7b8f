package io.lambdajca.ct;

/** What the pricing function answers. */
public record Quote(String customer, int items, long totalCents) {
}
