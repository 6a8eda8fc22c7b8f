package io.lambdajca.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 in lower-case hex, as SigV4 uses them, with one digest and one MAC per thread: looking them
 * up by name for every request, as the SDK signer's helpers do, costs more than hashing a small request.
 */
final class Hashes {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private Hashes() {
    }

    static String sha256Hex(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(data));
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hmacSha256Hex(byte[] key, String text) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused a signing key", e);
        }
        return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

}
