package io.lambdajca.it.cdi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lambdajca.cdi.LambdaDeliveryFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The application's callback for invocations that failed after commit. */
@ApplicationScoped
public class FailureCounter {

    private final List<LambdaDeliveryFailure> failures = new CopyOnWriteArrayList<>();

    void onFailure(@Observes LambdaDeliveryFailure failure) {
        failures.add(failure);
    }

    public List<LambdaDeliveryFailure> failures() {
        return failures;
    }
}
