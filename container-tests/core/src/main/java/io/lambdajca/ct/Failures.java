package io.lambdajca.ct;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;

import jakarta.ejb.EJBException;

/** Catching what a call threw: a runtime exception from an EJB may reach the caller wrapped in an EJBException. */
public final class Failures {

    private Failures() {
    }

    public static <E extends Throwable> E thrown(Class<E> type, Executable call) {
        try {
            call.execute();
        } catch (EJBException e) {
            return assertInstanceOf(type, e.getCause(), () -> "cause of " + e);
        } catch (Throwable t) {
            return assertInstanceOf(type, t);
        }
        return fail("expected " + type.getName() + " but the call succeeded");
    }
}
