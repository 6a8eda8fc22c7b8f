package io.lambdajca.adapter.internal;

/** A configuration property has a value the adapter cannot use; the message names the property, value and rule. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
