package io.lambdajca.adapter.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.lambdajca.local.testing.TestPki;

/** A test server's TLS, and a trust store for its clients, from a {@link TestPki} CA. */
public final class TestTls {

    private TestTls() {
    }

    /** A server's TLS with a certificate for {@code host} that this CA signed (the CA's certificate sent with it). */
    public static SSLContext serverSignedBy(TestPki ca, String host) throws GeneralSecurityException, IOException {
        TestPki.Issued issued = ca.issue("RSA", host);
        char[] password = "tls-test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", issued.privateKey(), password, new X509Certificate[] {issued.certificate(),
            ca.caCertificate()});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return tls;
    }

    /** Writes a PKCS12 trust store that trusts this CA, as {@code javax.net.ssl.trustStore} may name it. */
    public static Path trustStore(TestPki ca, Path file, char[] password) throws GeneralSecurityException,
            IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca.caCertificate());
        try (OutputStream out = Files.newOutputStream(file)) {
            trusted.store(out, password);
        }
        return file;
    }
}
