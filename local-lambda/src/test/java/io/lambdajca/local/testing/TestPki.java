package io.lambdajca.local.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the X.509 material of the Roles Anywhere tests at test time: a CA, and RSA or EC client certificates it
 * signs (valid, expired, or from another CA), written as PKCS12 keystores or PEM files. No key is committed.
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(String name) {
        this.caKeys = keyPair("RSA");
        X500Principal subject = new X500Principal("CN=" + name);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(Instant.now()
                .minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))), subject,
                caKeys.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.ca = sign(b, caKeys.getPrivate());
    }

    /** A new CA with a 2048-bit RSA key, valid from yesterday for 30 days. */
    public static TestPki newCa(String name) {
        return new TestPki(name);
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    /** Writes the CA certificate as PEM. */
    public Path writeCaPem(Path file) throws IOException {
        return writePem(file, ca);
    }

    /** A client certificate with an "RSA" or "EC" (P-256) key, valid for the given period around now. */
    public Issued issue(String keyType, String commonName, Instant notBefore, Instant notAfter) {
        return issue(keyType, new X500Principal("CN=" + commonName), serial(), notBefore, notAfter);
    }

    /** An RSA client certificate with this subject and serial number, valid from an hour ago for a week. */
    public Issued issue(X500Principal subject, BigInteger serial) {
        return issue("RSA", subject, serial, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(7)));
    }

    private Issued issue(String keyType, X500Principal subject, BigInteger serial, Instant notBefore,
            Instant notAfter) {
        KeyPair keys = keyPair(keyType);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial, Date.from(notBefore),
                Date.from(notAfter), subject, keys.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Issued(sign(b, caKeys.getPrivate()), keys.getPrivate());
    }

    /** A client certificate valid from an hour ago for a week. */
    public Issued issue(String keyType, String commonName) {
        return issue(keyType, commonName, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(7)));
    }

    /** A certificate and its private key. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey) {

        /** Writes a PKCS12 keystore holding the key and certificate under the alias "client". */
        public Path writePkcs12(Path file, char[] password) throws IOException {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", privateKey, password, new X509Certificate[] {certificate});
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    ks.store(out, password);
                }
                return file;
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        /** Writes the certificate as PEM. */
        public Path writeCertificatePem(Path file) throws IOException {
            return writePem(file, certificate);
        }

        /** Writes the private key as unencrypted PKCS#8 PEM, as {@code openssl pkcs8 -topk8 -nocrypt} does. */
        public Path writeKeyPem(Path file) throws IOException {
            return writePem(file, new JcaPKCS8Generator(privateKey, null));
        }
    }

    private static Path writePem(Path file, Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(value);
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, out.toString());
    }

    private static KeyPair keyPair(String type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if ("EC".equals(type)) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
