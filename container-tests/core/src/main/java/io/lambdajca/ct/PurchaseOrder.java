package io.lambdajca.ct;

import java.util.List;

/** What the pricing function takes: an application's own record, mapped to JSON by JSON-B. */
public record PurchaseOrder(String customer, List<Line> lines) {

    /** One order line. */
    public record Line(String sku, int quantity, long unitPriceCents) {
    }
}
