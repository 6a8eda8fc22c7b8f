package io.lambdajca.adapter.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** System properties set or cleared for a test, each put back as it was before this touched it when closed. */
public final class SystemProperties implements AutoCloseable {

    /** The value each property touched had before, null for one that was not set. */
    private final Map<String, String> before = new LinkedHashMap<>();

    /** Sets each of {@code values}' properties; {@link #set(String, String)} sets more. */
    public static SystemProperties set(Map<String, String> values) {
        SystemProperties properties = new SystemProperties();
        values.forEach(properties::set);
        return properties;
    }

    /** Sets the property {@code name} to {@code value}, or clears it if {@code value} is null. */
    public SystemProperties set(String name, String value) {
        if (!before.containsKey(name)) {
            before.put(name, System.getProperty(name));
        }
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
        return this;
    }

    @Override
    public void close() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
