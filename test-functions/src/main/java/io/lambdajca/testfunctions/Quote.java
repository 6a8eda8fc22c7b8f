package io.lambdajca.testfunctions;

/** Output of {@link PricingHandler}. */
public class Quote {

    private String customer;
    private int items;
    private long totalCents;

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public int getItems() {
        return items;
    }

    public void setItems(int items) {
        this.items = items;
    }

    public long getTotalCents() {
        return totalCents;
    }

    public void setTotalCents(long totalCents) {
        this.totalCents = totalCents;
    }
}
