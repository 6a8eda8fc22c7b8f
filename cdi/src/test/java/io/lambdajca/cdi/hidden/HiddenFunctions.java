package io.lambdajca.cdi.hidden;

import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;

/** A typed interface that is not public, in a package of its own, as an application may declare one. */
public final class HiddenFunctions {

    /** The interface, for a test in another package. */
    public static final Class<?> INTERFACE = Hidden.class;

    private HiddenFunctions() {
    }

    @LambdaFunctions
    interface Hidden {
        @LambdaFunction(name = "price")
        String price(String sku);

        default String label() {
            return "hidden pricing";
        }
    }
}
