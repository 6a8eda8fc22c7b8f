package io.lambdajca.testfunctions;

import java.util.List;

/** Input of {@link PricingHandler}: a JavaBean, as the Lambda Java runtime maps it. */
public class Order {

    private String customer;
    private List<OrderLine> lines;

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public void setLines(List<OrderLine> lines) {
        this.lines = lines;
    }
}
