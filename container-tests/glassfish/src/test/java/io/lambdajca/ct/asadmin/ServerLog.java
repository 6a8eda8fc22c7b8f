package io.lambdajca.ct.asadmin;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The WARNING and SEVERE records of a GlassFish or Payara server.log (ODL format, "[time] [product] [LEVEL] ...
 * [[ message ]]", or the uniform format "[#|time|LEVEL|product|...|message|#]"), each as one string with its header,
 * message and stack trace.
 */
final class ServerLog {

    /** A record starts a line: the ODL or the uniform format. */
    private static final Pattern RECORD_START = Pattern.compile("^(\\[\\d{4}-\\d\\d-\\d\\dT|\\[#\\|)");

    private static final Pattern PROBLEM = Pattern.compile("\\[(SEVERE|WARNING)]|\\|(SEVERE|WARNING)\\|");

    /** What concerns the adapter: such a record is always kept. */
    private static final Pattern ADAPTER = Pattern.compile(
            "lambda|LAMBDAJCA|resourceadapter|connector|ConnectionPool|connection pool|PoolManager|\\bpool\\b",
            Pattern.CASE_INSENSITIVE);

    /** The server's own noise, unrelated to the adapter: a record matching one of these is dropped. */
    private static final List<Pattern> NOISE = List.of(
            // GlassFish's JMX connector, started after start-domain returns
            Pattern.compile("Property java.rmi.server.hostname already set"));

    /**
     * Dropped though about the adapter: the pool properties UserName and Password are how GlassFish and Payara take
     * the default principal of a pool (container-managed sign-on); they warn that the adapter has no setter for them
     * (GlassFish RAR7097, Payara RAR8000).
     */
    private static final Pattern SIGN_ON_PROPERTIES = Pattern.compile(
            "RAR7097: No setter method present for the property (UserName|Password) "
                    + "|RAR8000 : The method set(UserName|Password) is not present");

    private ServerLog() {
    }

    /** The log's text after {@code offset} (all of it when the file was rotated since), empty when there is none. */
    static String textSince(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = offset <= file.length() ? offset : 0; // rotated: the new file is all after the mark
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Everything logged after {@code offset}, also when the server rotated its log meanwhile (Payara at 2 MB): then the
     * rotated files ({@code server.log_<time>}) and the new file are read whole, which may include what came before
     * the mark, never less than the run.
     */
    static String wholeTextSince(Path log, long offset) throws IOException {
        List<Path> rotated;
        try (Stream<Path> files = Files.list(log.getParent())) {
            rotated = files.filter(f -> f.getFileName().toString().startsWith(log.getFileName() + "_")).sorted()
                    .toList();
        }
        if (rotated.isEmpty()) {
            return textSince(log, offset);
        }
        StringBuilder text = new StringBuilder();
        for (Path file : rotated) {
            text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        return text.append(textSince(log, 0)).toString();
    }

    static List<String> problemsSince(Path log, long offset) throws IOException {
        List<String> problems = new ArrayList<>();
        String text = textSince(log, offset);
        StringBuilder record = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (RECORD_START.matcher(line).find() && !record.isEmpty()) {
                keepIfProblem(record.toString(), problems);
                record.setLength(0);
            }
            record.append(line).append('\n');
        }
        keepIfProblem(record.toString(), problems);
        return problems;
    }

    private static void keepIfProblem(String record, List<String> problems) {
        String trimmed = record.strip();
        int headerEnd = trimmed.indexOf('\n') < 0 ? trimmed.length() : trimmed.indexOf('\n');
        if (trimmed.isEmpty() || !PROBLEM.matcher(trimmed.substring(0, headerEnd)).find()) {
            return;
        }
        if (SIGN_ON_PROPERTIES.matcher(trimmed).find()) {
            return;
        }
        if (!ADAPTER.matcher(trimmed).find() && NOISE.stream().anyMatch(p -> p.matcher(trimmed).find())) {
            return;
        }
        problems.add(trimmed);
    }
}
