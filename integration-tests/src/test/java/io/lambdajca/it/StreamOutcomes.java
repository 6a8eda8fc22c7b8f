package io.lambdajca.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** How each copy of a stream to a servlet response ended, in order, as the servlet recorded it. */
@ApplicationScoped
public class StreamOutcomes {

    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    void add(String outcome) {
        outcomes.add(outcome);
    }

    List<String> all() {
        return List.copyOf(outcomes);
    }
}
