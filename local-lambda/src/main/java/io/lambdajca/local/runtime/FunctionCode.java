package io.lambdajca.local.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.lambdajca.local.ApiException;

/**
 * A function's deployment package, unpacked into its own task root directory: compiled classes at the root and jars
 * under {@code lib/}, as Lambda's Java runtimes expect.
 */
public final class FunctionCode implements AutoCloseable {

    private static final String UNZIP_FAILED = "Could not unzip uploaded file. Please check your file, then try to "
            + "upload again.";
    private static final SecureRandom TOKENS = new SecureRandom();
    /** 1980-01-01T00:00:00Z, the earliest time a ZIP entry holds. */
    private static final long ZIP_EPOCH = 315_532_800_000L;

    private final Path taskRoot;
    private final boolean ownsTaskRoot;
    private final long size;
    private final String sha256;
    private final String downloadToken;
    private final Path archive;

    private FunctionCode(Path taskRoot, boolean ownsTaskRoot, byte[] zip, Path workDir) throws IOException {
        this.taskRoot = taskRoot;
        this.ownsTaskRoot = ownsTaskRoot;
        this.size = zip.length;
        this.sha256 = sha256(zip);
        // kept beside the task roots for GetFunction's Code.Location, named by a token no one can guess
        byte[] random = new byte[32];
        TOKENS.nextBytes(random);
        this.downloadToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.archive = archive(workDir, downloadToken);
        Files.write(archive, zip);
    }

    /** Lambda's limit on a deployment package once unzipped (250 MB). */
    public static final long MAX_UNZIPPED = 262_144_000L;

    /** Unpacks a deployment ZIP given as bytes (CreateFunction's {@code Code.ZipFile}). */
    public static FunctionCode fromZip(byte[] zip, Path workDir) {
        return fromZip(zip, workDir, MAX_UNZIPPED);
    }

    /**
     * Unpacks a deployment ZIP, counting the bytes written: it stops, deletes what it wrote and answers AWS's
     * InvalidParameterValueException as soon as the package reaches {@code maxUnzipped} bytes, so that a small ZIP
     * that unpacks to gigabytes never fills the disk.
     */
    static FunctionCode fromZip(byte[] zip, Path workDir, long maxUnzipped) {
        try {
            Path root = Files.createTempDirectory(workDir, "task-");
            int entries = 0;
            long unzipped = 0;
            byte[] buffer = new byte[64 * 1024];
            try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries++;
                    Path target = root.resolve(e.getName()).normalize();
                    if (!target.startsWith(root)) {
                        deleteTree(root);
                        throw ApiException.invalidParameter("Code.ZipFile entry escapes the task root: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            unzipped += n;
                            if (unzipped >= maxUnzipped) {
                                break;
                            }
                            out.write(buffer, 0, n);
                        }
                    }
                    if (unzipped >= maxUnzipped) {
                        deleteTree(root);
                        throw ApiException.invalidParameter("Unzipped size must be smaller than " + maxUnzipped
                                + " bytes");
                    }
                }
            } catch (ZipException e) {
                deleteTree(root);
                throw ApiException.invalidParameter(UNZIP_FAILED);
            }
            if (entries == 0) {
                deleteTree(root);
                throw ApiException.invalidParameter(UNZIP_FAILED);
            }
            return new FunctionCode(root, true, zip, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A deployment ZIP file or an exploded directory (used as is, never deleted; its package, for CodeSha256 and the
     * download, is a ZIP of its files).
     */
    public static FunctionCode fromPath(Path code, Path workDir) {
        try {
            if (Files.isDirectory(code)) {
                return new FunctionCode(code.toAbsolutePath(), false, zipOf(code), workDir);
            }
            return fromZip(Files.readAllBytes(code), workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read function code " + code, e);
        }
    }

    /** Class path of the function: the task root, then every jar in {@code lib/} in name order. */
    URL[] classPath() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(taskRoot.toUri().toURL());
            Path lib = taskRoot.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    public Path taskRoot() {
        return taskRoot;
    }

    public long size() {
        return size;
    }

    /** Base64 SHA-256 of the package, Lambda's {@code CodeSha256}. */
    public String sha256() {
        return sha256;
    }

    /** The token that names this package's download (GetFunction's {@code Code.Location}). */
    public String downloadToken() {
        return downloadToken;
    }

    /** Where the package of a download token is kept (the file may not exist: the token must be checked first). */
    public static Path archive(Path workDir, String token) {
        return workDir.resolve("package-" + token + ".zip");
    }

    @Override
    public void close() {
        if (ownsTaskRoot) {
            deleteTree(taskRoot);
        }
        try {
            Files.deleteIfExists(archive);
        } catch (IOException ignored) {
            // best effort: a temporary file
        }
    }

    /** A directory's files as a ZIP, in path order with fixed times: the same files give the same package. */
    private static byte[] zipOf(Path directory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                ZipEntry entry = new ZipEntry(directory.relativize(file).toString().replace('\\', '/'));
                entry.setTime(ZIP_EPOCH);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary directory
        }
    }
}
