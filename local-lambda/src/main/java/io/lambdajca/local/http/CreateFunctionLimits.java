package io.lambdajca.local.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.lambdajca.local.ApiException;
import io.lambdajca.local.Jsons;
import jakarta.json.JsonObjectBuilder;

/** CreateFunction's size limits, checked with the answers AWS gives (the unzipped size is FunctionCode's). */
final class CreateFunctionLimits {

    /** A CreateFunction request must be smaller than this many bytes (as AWS answered in November 2025). */
    static final long MAX_REQUEST = 70_167_211L;
    /** A package uploaded directly ({@code Code.ZipFile}) must be smaller than 50 MB. */
    static final int MAX_ZIPPED = 52_428_800;
    /** The environment variables, measured as their compact JSON object in UTF-8, may take 4 KB. */
    static final int MAX_ENVIRONMENT = 4096;

    private CreateFunctionLimits() {
    }

    static ApiException requestTooLarge() {
        return ApiException.unmodeled(413, "RequestEntityTooLargeException", "Request must be smaller than "
                + MAX_REQUEST + " bytes for the CreateFunction operation");
    }

    /**
     * The package a request gives as base64 in {@code member} (CreateFunction's {@code Code.ZipFile},
     * UpdateFunctionCode's {@code ZipFile}), decoded and checked against the zipped size limit; local-lambda takes
     * code only so (no S3 or image).
     */
    static byte[] zipFile(String base64, String member) {
        if (base64 == null) {
            throw ApiException.invalidParameter("local-lambda accepts code as " + member + " only (no S3 or image)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(member + " is not valid base64");
        }
        checkZipped(bytes);
        return bytes;
    }

    static void checkZipped(byte[] zip) {
        if (zip.length >= MAX_ZIPPED) {
            throw ApiException.unmodeled(413, "RequestEntityTooLargeException", "Zipped size must be smaller than "
                    + MAX_ZIPPED + " bytes");
        }
    }

    static void checkEnvironment(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return;
        }
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        variables.forEach(json::add);
        String measured = new String(Jsons.bytes(json.build()), StandardCharsets.UTF_8);
        if (measured.getBytes(StandardCharsets.UTF_8).length > MAX_ENVIRONMENT) {
            throw ApiException.invalidParameter("Lambda was unable to configure your environment variables because "
                    + "the environment variables you have provided exceeded the 4KB limit. String measured: "
                    + measured);
        }
    }
}
