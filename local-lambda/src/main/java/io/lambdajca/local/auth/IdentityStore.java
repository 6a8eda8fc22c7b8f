package io.lambdajca.local.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The access keys the endpoint knows: the configured permanent ones, and temporary ones it issued. */
public final class IdentityStore {

    private final Map<String, Identity> byAccessKey = new ConcurrentHashMap<>();

    public void add(Identity identity) {
        byAccessKey.put(identity.accessKeyId(), identity);
    }

    public Identity find(String accessKeyId) {
        return byAccessKey.get(accessKeyId);
    }
}
