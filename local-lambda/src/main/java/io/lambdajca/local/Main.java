package io.lambdajca.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar local-lambda.jar [options]}: runs the endpoint until Ctrl-C. */
public final class Main {

    static final int USAGE_ERROR = 2;

    private static final String USAGE = String.join("\n",
            "Usage: java -jar local-lambda.jar [options]",
            "",
            "A local AWS Lambda endpoint: Lambda's REST API (SigV4-checked) running Java handlers in-process.",
            "",
            "Options:",
            "  --port N                 port to listen on (default 9001; 0 picks a free one)",
            "  --host ADDRESS           address to listen on (default 127.0.0.1)",
            "  --region REGION          region the endpoint plays, used in ARNs (default us-east-1)",
            "  --account-id ID          12-digit account id used in ARNs (default 123456789012)",
            "  --access-key ID          access key id to accept (default " + LocalLambda.DEFAULT_ACCESS_KEY + ")",
            "  --secret-key KEY         secret key of --access-key (default: the built-in test secret)",
            "  --function SPEC          deploy a function at start (repeatable); SPEC is comma-separated",
            "                           name=NAME,handler=HANDLER,code=ZIP_OR_DIRECTORY",
            "                           [,runtime=java17|java21|java25][,timeout=SECONDS][,memory=MB]",
            "                           [,concurrency=RESERVED][,description=TEXT][,env.KEY=VALUE...]",
            "                           [,tenancy=PER_TENANT]",
            "  --role SPEC              an IAM role that STS AssumeRole and Roles Anywhere may issue credentials for",
            "                           (repeatable); SPEC is ROLE_ARN[,external-id=ID][,max-session=SECONDS]",
            "  --trust-anchor ARN=FILE  a Roles Anywhere trust anchor and its CA certificate (PEM or DER file)",
            "  --roles-anywhere-profile SPEC",
            "                           a Roles Anywhere profile (repeatable); SPEC is",
            "                           PROFILE_ARN,role=ROLE_ARN[,role=...][,accept-session-name=true]",
            "  --credential-seconds N   issued temporary credentials expire after N seconds, whatever was asked",
            "  --account-concurrency N  concurrent executions of functions without reserved concurrency (default 1000)",
            "  --retry-after SECONDS    Retry-After sent with throttling errors (default 1)",
            "  --help                   print this help and exit");

    /** Held so that the quieter levels set on them stay in force. */
    private static final java.util.logging.Logger[] QUIET = {
        java.util.logging.Logger.getLogger("io.undertow"), java.util.logging.Logger.getLogger("org.xnio")};

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.jboss.logging.provider", "jdk");
        for (java.util.logging.Logger logger : QUIET) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        LocalLambda.Builder builder;
        try {
            builder = parse(args);
        } catch (HelpRequested e) {
            System.out.println(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("local-lambda: " + e.getMessage());
            System.err.println("Try --help for the options.");
            System.exit(USAGE_ERROR);
            return;
        }
        LocalLambda lambda;
        try {
            lambda = builder.build().start();
        } catch (RuntimeException e) {
            System.err.println("local-lambda: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lambda.close();
            stopped.countDown();
        }, "local-lambda-shutdown"));
        PrintStream out = System.out;
        if (builder.usesDefaultKeys()) {
            out.println("local-lambda accepts the test key pair: access key " + LocalLambda.DEFAULT_ACCESS_KEY
                    + ", secret key " + LocalLambda.DEFAULT_SECRET_KEY);
        } else {
            out.println("local-lambda accepts access key " + builder.identities().get(0).accessKeyId()
                    + " with the secret key given by --secret-key");
        }
        out.println("local-lambda listening on " + lambda.endpoint());
        out.flush();
        stopped.await();
    }

    static LocalLambda.Builder parse(String[] args) {
        LocalLambda.Builder b = LocalLambda.builder();
        String accessKey = null;
        String secretKey = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                throw new HelpRequested();
            }
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port": b.port(number(option, value)); break;
                case "--host": b.host(value); break;
                case "--region": b.region(value); break;
                case "--account-id": b.accountId(value); break;
                case "--access-key": accessKey = value; break;
                case "--secret-key": secretKey = value; break;
                case "--function": b.function(function(value)); break;
                case "--account-concurrency": b.accountConcurrency(number(option, value)); break;
                case "--retry-after": b.retryAfterSeconds(number(option, value)); break;
                case "--role": b.role(IamOptions.role(value)); break;
                case "--trust-anchor": b.trustAnchor(IamOptions.trustAnchor(value)); break;
                case "--roles-anywhere-profile": b.rolesAnywhereProfile(IamOptions.profile(value)); break;
                case "--credential-seconds": b.credentialLifetime(java.time.Duration.ofSeconds(number(option, value)));
                    break;
                default: throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("--access-key and --secret-key go together");
        }
        if (accessKey != null) {
            b.credentials(accessKey, secretKey);
        }
        return b;
    }

    static FunctionDefinition function(String spec) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--function: '" + part + "' is not KEY=VALUE in '" + spec + "'");
            }
            fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        String name = required(fields, "name", spec);
        String handler = required(fields, "handler", spec);
        Path code = Path.of(required(fields, "code", spec));
        if (!Files.exists(code)) {
            throw new IllegalArgumentException("--function " + name + ": code " + code + " does not exist");
        }
        FunctionDefinition.Builder d = FunctionDefinition.builder(name, handler, code);
        fields.forEach((k, v) -> {
            switch (k) {
                case "name": case "handler": case "code": break;
                case "runtime": d.runtime(v); break;
                case "timeout": d.timeoutSeconds(number("--function timeout", v)); break;
                case "memory": d.memorySizeMb(number("--function memory", v)); break;
                case "concurrency": d.reservedConcurrency(number("--function concurrency", v)); break;
                case "description": d.description(v); break;
                case "tenancy":
                    if (!"PER_TENANT".equals(v)) {
                        throw new IllegalArgumentException("--function " + name + ": tenancy must be PER_TENANT, not '"
                                + v + "'");
                    }
                    d.tenantIsolation();
                    break;
                default:
                    if (!k.startsWith("env.") || k.length() == 4) {
                        throw new IllegalArgumentException("--function " + name + ": unknown field '" + k + "'");
                    }
                    d.environment(k.substring(4), v);
            }
        });
        return d.build();
    }

    private static String required(Map<String, String> fields, String key, String spec) {
        String v = fields.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("--function needs " + key + "=...: '" + spec + "'");
        }
        return v;
    }

    static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }

    /** Thrown by {@link #parse} for --help. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
