package io.lambdajca.it;

/** What the pricing function answers. */
public record Quote(String customer, int items, long totalCents) {
}
