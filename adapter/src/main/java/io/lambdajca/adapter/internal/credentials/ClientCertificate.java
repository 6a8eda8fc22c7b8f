package io.lambdajca.adapter.internal.credentials;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * An X.509 client certificate with its private key (RSA or EC) and any intermediate certificates, for IAM Roles
 * Anywhere. Equal when the certificates and key are equal; {@code toString()} shows the serial number and subject only.
 */
public final class ClientCertificate {

    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;

    public ClientCertificate(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.chain = List.copyOf(chain);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** "RSA" or "EC". */
    public String keyAlgorithm() {
        return privateKey.getAlgorithm();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientCertificate && certificate.equals(((ClientCertificate) o).certificate)
                && chain.equals(((ClientCertificate) o).chain) && privateKey.equals(((ClientCertificate) o).privateKey);
    }

    @Override
    public int hashCode() {
        return certificate.hashCode();
    }

    @Override
    public String toString() {
        return "certificate serial " + certificate.getSerialNumber() + " (" + certificate.getSubjectX500Principal()
                .getName() + ", " + keyAlgorithm() + " key)";
    }
}
