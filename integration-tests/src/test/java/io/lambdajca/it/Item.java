package io.lambdajca.it;

/** A small record for generic round trips. */
public record Item(String name, int count) {
}
