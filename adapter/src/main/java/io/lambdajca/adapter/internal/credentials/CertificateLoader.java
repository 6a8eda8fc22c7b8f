package io.lambdajca.adapter.internal.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.adapter.internal.ConfigException;
import io.lambdajca.adapter.internal.Secret;

/**
 * Loads a Roles Anywhere client certificate and its private key with JDK crypto, from a PKCS12 keystore or from PEM
 * files (certificate, unencrypted PKCS#8 private key, optional chain). Failures name the property and the rule; they
 * never include the password or the key.
 */
final class CertificateLoader {

    /** The PEM label of an unencrypted PKCS#8 private key (RFC 7468). */
    private static final String PKCS8_LABEL = "PRIVATE KEY";
    /** A PEM block (RFC 7468): its label and its base64 body. */
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private CertificateLoader() {
    }

    static ClientCertificate fromPkcs12(String file, Secret password, String alias) throws ConfigException {
        Path path = readable("KeystoreFile", file);
        KeyStore ks;
        try (InputStream in = Files.newInputStream(path)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password == null ? new char[0] : password.reveal().toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .contains("password")) {
                throw new ConfigException("KeystorePassword is wrong for KeystoreFile '" + file + "'");
            }
            throw new ConfigException("KeystoreFile '" + file + "' is not a readable PKCS12 keystore: "
                    + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new ConfigException("KeystoreFile '" + file + "' is not a readable PKCS12 keystore: "
                    + e.getMessage());
        }
        try {
            String chosen = alias(ks, file, alias);
            Key key = ks.getKey(chosen, password == null ? new char[0] : password.reveal().toCharArray());
            if (!(key instanceof PrivateKey)) {
                throw new ConfigException("KeystoreFile '" + file + "' has a certificate without a private key under "
                        + "alias '" + chosen + "': Roles Anywhere signs with the certificate's private key");
            }
            Certificate[] chain = ks.getCertificateChain(chosen);
            List<X509Certificate> intermediates = new ArrayList<>();
            for (int i = 1; i < chain.length; i++) {
                intermediates.add((X509Certificate) chain[i]);
            }
            return checked((X509Certificate) chain[0], intermediates, (PrivateKey) key, "KeystoreFile '" + file + "'");
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException("KeystorePassword is wrong for the key in KeystoreFile '" + file + "'");
        } catch (GeneralSecurityException e) {
            throw new ConfigException("KeystoreFile '" + file + "': " + e.getMessage());
        }
    }

    private static String alias(KeyStore ks, String file, String alias) throws GeneralSecurityException,
            ConfigException {
        if (alias != null && !alias.isBlank()) {
            if (!ks.containsAlias(alias)) {
                throw new ConfigException("KeyAlias '" + alias + "' is not in KeystoreFile '" + file + "' (aliases: "
                        + Collections.list(ks.aliases()) + ")");
            }
            return alias;
        }
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                return a;
            }
        }
        throw new ConfigException("KeystoreFile '" + file + "' has no private key entry: it holds certificates "
                + "only, and Roles Anywhere signs with the certificate's private key");
    }

    static ClientCertificate fromPem(String certificateFile, String keyFile, String chainFile) throws ConfigException {
        List<X509Certificate> certificates = certificates("CertificateFile", certificateFile);
        if (certificates.isEmpty()) {
            throw new ConfigException("CertificateFile '" + certificateFile + "' holds no certificate");
        }
        List<X509Certificate> chain = new ArrayList<>(certificates.subList(1, certificates.size()));
        if (chainFile != null && !chainFile.isBlank()) {
            chain.addAll(certificates("CertificateChainFile", chainFile));
        }
        X509Certificate leaf = certificates.get(0);
        return checked(leaf, chain, privateKey(keyFile, leaf.getPublicKey().getAlgorithm()),
                "CertificateFile '" + certificateFile + "' and PrivateKeyFile '" + keyFile + "'");
    }

    private static List<X509Certificate> certificates(String property, String file) throws ConfigException {
        Path path = readable(property, file);
        try (InputStream in = Files.newInputStream(path)) {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : all) {
                result.add((X509Certificate) c);
            }
            return result;
        } catch (IOException | CertificateException e) {
            throw new ConfigException(property + " '" + file + "' is not a PEM or DER X.509 certificate: "
                    + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String file, String algorithm) throws ConfigException {
        if (file == null || file.isBlank()) {
            throw new ConfigException("PrivateKeyFile is required with CertificateFile: Roles Anywhere signs with "
                    + "the certificate's private key");
        }
        String pem;
        try {
            pem = Files.readString(readable("PrivateKeyFile", file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException("PrivateKeyFile '" + file + "' cannot be read: " + e.getMessage());
        }
        Matcher block = PEM_BLOCK.matcher(pem);
        String der = null;
        List<String> found = new ArrayList<>();
        while (block.find() && der == null) {
            found.add(block.group(1));
            if (PKCS8_LABEL.equals(block.group(1))) {
                der = block.group(2);
            }
        }
        if (der == null) {
            throw new ConfigException("PrivateKeyFile '" + file + "' must be an unencrypted PKCS#8 PEM key (label "
                    + PKCS8_LABEL + "; found " + (found.isEmpty() ? "no PEM block" : String.join(", ", found))
                    + "); convert others with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException("PrivateKeyFile '" + file + "' does not hold a " + algorithm + " private key "
                    + "matching the certificate");
        }
    }

    /** Checks the key type and that the key belongs to the certificate (signs and verifies a probe). */
    private static ClientCertificate checked(X509Certificate leaf, List<X509Certificate> chain, PrivateKey key,
            String where) throws ConfigException {
        String algorithm = key.getAlgorithm();
        if (!"RSA".equals(algorithm) && !"EC".equals(algorithm)) {
            throw new ConfigException(where + ": the key is " + algorithm + "; Roles Anywhere accepts RSA and EC keys");
        }
        try {
            Signature s = Signature.getInstance("RSA".equals(algorithm) ? "SHA256withRSA" : "SHA256withECDSA");
            byte[] probe = "lambdajca".getBytes(StandardCharsets.US_ASCII);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            s.initVerify(leaf.getPublicKey());
            s.update(probe);
            if (!s.verify(signature)) {
                throw new ConfigException(where + ": the private key does not belong to the certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigException(where + ": the private key does not belong to the certificate");
        }
        return new ClientCertificate(leaf, chain, key);
    }

    private static Path readable(String property, String file) throws ConfigException {
        if (file == null || file.isBlank()) {
            throw new ConfigException(property + " is required");
        }
        Path path;
        try {
            path = Path.of(file.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(property + " '" + file + "' is not a file path: " + e.getReason());
        }
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new ConfigException(property + " '" + file + "' is not a readable file");
        }
        return path;
    }
}
