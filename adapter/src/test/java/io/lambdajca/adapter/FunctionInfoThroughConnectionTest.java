package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.local.testing.Poll;
import jakarta.resource.ResourceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * What getFunction returns through a real connection for a function created on the local endpoint: the members an
 * application filters and displays on, as the endpoint reported them (compared with the SDK's own reading of
 * GetFunction), and the state once the function is Active.
 */
class FunctionInfoThroughConnectionTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    private static LocalLambda lambda;
    private static LambdaClient sdk;
    private static DirectConnection direct;
    private static LambdaConnection connection;

    @BeforeAll
    static void connect() throws ResourceException, IOException {
        lambda = LocalLambda.builder().port(0).build().start();
        sdk = DirectConnection.sdk(lambda);
        byte[] code = zip();
        sdk.createFunction(r -> r.functionName("catalog").runtime(Runtime.JAVA21).role(ROLE)
                .handler("example.Catalog::handleRequest").description("the catalog").memorySize(256).timeout(20)
                .architectures(Architecture.X86_64).code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        direct = DirectConnection.to(lambda, mcf -> { });
        connection = direct.connection();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (direct != null) {
            direct.close();
        }
        if (sdk != null) {
            sdk.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void getFunction_givesWhatLambdaReports_andTheStateOnceActive() {
        // a new function may be Pending first (as on AWS): wait for it to become Active
        Poll.until(Duration.ofSeconds(10), () -> connection.getFunction("catalog").map(FunctionInfo::state)
                .equals(Optional.of("Active")), "catalog Active");
        FunctionInfo info = connection.getFunction("catalog").orElseThrow();
        FunctionConfiguration reported = sdk.getFunction(r -> r.functionName("catalog")).configuration();

        assertThat(info.name()).isEqualTo("catalog");
        assertThat(info.arn()).isEqualTo(reported.functionArn());
        assertThat(info.runtime()).isEqualTo("java21");
        assertThat(info.handler()).isEqualTo("example.Catalog::handleRequest");
        assertThat(info.description()).isEqualTo("the catalog");
        assertThat(info.memorySizeMb()).isEqualTo(256);
        assertThat(info.timeoutSeconds()).isEqualTo(20);
        assertThat(info.role()).isEqualTo(ROLE);
        assertThat(info.architectures()).containsExactly("x86_64");
        assertThat(info.codeSizeBytes()).isEqualTo(reported.codeSize()).isPositive();
        assertThat(info.codeSha256()).isEqualTo(reported.codeSha256()).isNotBlank();
        assertThat(info.version()).isEqualTo("$LATEST");
        assertThat(info.lastModified()).isEqualTo(reported.lastModified());
        assertThat(info.state()).isEqualTo("Active");
        assertThat(info.lastUpdateStatus()).isEqualTo(reported.lastUpdateStatusAsString());
        assertThat(info.packageType()).isEqualTo("Zip");
        assertThat(info.tenantIsolationMode()).as("created without tenant isolation").isNull();
    }

    /** A deployment package: the endpoint stores it; nothing here invokes it. */
    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("catalog".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
