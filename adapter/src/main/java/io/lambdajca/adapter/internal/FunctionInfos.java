package io.lambdajca.adapter.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.LambdaServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

/**
 * Lambda's FunctionConfiguration (as GetFunction and ListFunctions answer it) as the connector's {@link FunctionInfo}.
 * Enumerations are taken as Lambda sent them ({@code ...AsString()}), so a value newer than the SDK still comes
 * through; what Lambda left out stays null (an empty list, 0 for the numbers).
 */
final class FunctionInfos {

    private FunctionInfos() {
    }

    /** The members of a FunctionConfiguration, by name. */
    private static final Map<String, SdkField<?>> CONFIGURATION_FIELDS = FunctionConfiguration.builder().sdkFields()
            .stream().collect(Collectors.toMap(SdkField::memberName, Function.identity()));

    /**
     * PublishVersion's answer, which is a FunctionConfiguration under another SDK type: its members are copied by name
     * into one, so that a version is read exactly as GetFunction's configuration is.
     */
    static FunctionInfo ofPublished(PublishVersionResponse published) {
        return of(asConfiguration(published));
    }

    static FunctionConfiguration asConfiguration(SdkPojo answer) {
        FunctionConfiguration.Builder b = FunctionConfiguration.builder();
        for (SdkField<?> field : answer.sdkFields()) {
            SdkField<?> same = CONFIGURATION_FIELDS.get(field.memberName());
            if (same != null) {
                same.set(b, field.getValueOrDefault(answer));
            }
        }
        return b.build();
    }

    static FunctionInfo of(FunctionConfiguration c) {
        if (c == null) {
            throw new LambdaServiceException(null, "an answer describes no function where Lambda always sends one "
                    + "(a configuration, a list's element): is the endpoint Lambda's?", 200, null, null);
        }
        return Answers.read(c.functionName(), "function '" + c.functionName() + "'", () -> read(c));
    }

    private static FunctionInfo read(FunctionConfiguration c) {
        if (c.functionName() == null) {
            // Lambda always names the function; an endpoint that does not must not fail with the api's NPE
            throw new LambdaServiceException(c.functionArn(), "an answer describes a function without its "
                    + "FunctionName" + (c.functionArn() == null ? " or FunctionArn" : " (FunctionArn "
                    + c.functionArn() + ")") + ", which Lambda always sends: is the endpoint Lambda's?", 200, null,
                    null);
        }
        return FunctionInfo.builder()
                .name(c.functionName())
                .arn(c.functionArn())
                .runtime(c.runtimeAsString())
                .handler(c.handler())
                .description(c.description())
                .memorySizeMb(c.memorySize() == null ? 0 : c.memorySize())
                .timeoutSeconds(c.timeout() == null ? 0 : c.timeout())
                .codeSizeBytes(c.codeSize() == null ? 0 : c.codeSize())
                .lastModified(c.lastModified())
                .version(c.version())
                .role(c.role())
                .codeSha256(c.codeSha256())
                .state(c.stateAsString())
                .stateReason(c.stateReason())
                .stateReasonCode(c.stateReasonCodeAsString())
                .lastUpdateStatus(c.lastUpdateStatusAsString())
                .lastUpdateStatusReason(c.lastUpdateStatusReason())
                .lastUpdateStatusReasonCode(c.lastUpdateStatusReasonCodeAsString())
                .packageType(c.packageTypeAsString())
                // an absent list is the SDK's auto-construct list, empty, as an empty one would be
                .architectures(c.architecturesAsStrings())
                .tenantIsolationMode(c.tenancyConfig() == null ? null : c.tenancyConfig().tenantIsolationModeAsString())
                .build();
    }
}
