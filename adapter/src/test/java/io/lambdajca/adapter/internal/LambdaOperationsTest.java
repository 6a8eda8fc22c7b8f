package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.metrics.FunctionMetrics;
import io.lambdajca.adapter.internal.metrics.InvocationMetrics;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.ResultMappingException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaServiceClientConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The typed invocation: the request as given, the function's answer mapped by JSON-B, or the right exception. */
class LambdaOperationsTest {

    /** A result type as an application declares one. */
    public record Quote(String customer, int totalCents) {
    }

    private final List<InvokeRequest> sent = new ArrayList<>();
    private Function<InvokeRequest, InvokeResponse> answer = r -> answer(200, "{}");
    private final InvocationMetrics metrics = new InvocationMetrics("ops-test-" + System.nanoTime());
    private final JsonMapper json = new JsonMapper();
    private final LambdaOperations operations = new LambdaOperations(new FakeLambda(), RetryPolicy.NONE, json,
            metrics);

    @AfterEach
    void close() {
        metrics.close();
        json.close();
    }

    @Test
    void typedInvoke_sendsTheRequestAsGiven_andMapsTheResult() {
        answer = r -> answer(200, "{\"customer\":\"cy\",\"totalCents\":400}");
        Quote quote = operations.invoke(InvocationRequest.builder("pricing").qualifier("prod")
                .input(Map.of("customer", "cy")).clientContext("{\"custom\":{\"tenant\":\"a\"}}").build(), Quote.class);
        assertThat(quote).isEqualTo(new Quote("cy", 400));
        InvokeRequest r = sent.get(0);
        assertThat(r.functionName()).isEqualTo("pricing");
        assertThat(r.qualifier()).isEqualTo("prod");
        assertThat(r.invocationTypeAsString()).as("RequestResponse is Lambda's default: no header").isNull();
        assertThat(r.logTypeAsString()).as("no log tail asked: no header").isNull();
        assertThat(r.payload().asUtf8String()).isEqualTo("{\"customer\":\"cy\"}");
        assertThat(r.clientContext()).isNotEmpty();
    }

    @Test
    void typedInvoke_mapsGenericResultTypes() throws Exception {
        answer = r -> answer(200, "[{\"customer\":\"a\",\"totalCents\":1},{\"customer\":\"b\",\"totalCents\":2}]");
        Type listOfQuotes = getClass().getDeclaredField("quotes").getGenericType();
        List<Quote> result = operations.invoke(InvocationRequest.builder("pricing").payload("{}").build(),
                listOfQuotes);
        assertThat(result).containsExactly(new Quote("a", 1), new Quote("b", 2));
    }

    @SuppressWarnings("unused")
    private List<Quote> quotes;

    @Test
    void functionError_isFunctionErrorException_evenForAVoidResult() {
        answer = r -> InvokeResponse.builder().statusCode(200).functionError("Unhandled").payload(SdkBytes
                .fromUtf8String("{\"errorMessage\":\"no stock\",\"errorType\":\"java.lang.IllegalStateException\"}"))
                .build();
        FunctionErrorException e = (FunctionErrorException) thrown(() -> operations.invoke(
                InvocationRequest.builder("pricing").payload("{}").build(), Quote.class));
        assertThat(e.functionName()).isEqualTo("pricing");
        assertThat(e.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(e.errorMessage()).isEqualTo("no stock");
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("pricing").payload("{}").build(),
                void.class)).isInstanceOf(FunctionErrorException.class);
    }

    @Test
    void voidOrVoidResult_isNull_withoutReadingThePayload() {
        answer = r -> answer(200, "not json at all");
        assertThat(operations.<Object>invoke(InvocationRequest.builder("f").build(), void.class)).isNull();
        assertThat(operations.<Object>invoke(InvocationRequest.builder("f").build(), Void.class)).isNull();
        assertThat(sent).hasSize(2);
    }

    @Test
    void emptyOrNullPayload_isNull_butNotForAPrimitive() {
        for (String payload : List.of("", "null", "  null \n", " ")) {
            answer = r -> answer(200, payload);
            assertThat(operations.<Object>invoke(InvocationRequest.builder("f").build(), Quote.class))
                    .as("payload '%s'", payload).isNull();
        }
        answer = r -> answer(200, "null");
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("f").build(), int.class))
                .isInstanceOf(ResultMappingException.class).hasMessageContaining("'f'").hasMessageContaining("int");
        answer = r -> answer(200, "7");
        assertThat((Integer) operations.invoke(InvocationRequest.builder("f").build(), int.class)).isEqualTo(7);
    }

    @Test
    void eventAndDryRun_returnNull_andRefuseAPrimitiveResultBeforeSending() {
        answer = r -> answer(202, "");
        assertThat(operations.<Object>invoke(InvocationRequest.builder("f").invocationType(InvocationType.EVENT)
                .build(), Quote.class)).isNull();
        answer = r -> answer(204, "");
        assertThat(operations.<Object>invoke(InvocationRequest.builder("f").invocationType(InvocationType.DRY_RUN)
                .build(), Quote.class)).isNull();
        assertThat(sent).extracting(InvokeRequest::invocationTypeAsString).containsExactly("Event", "DryRun");
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("f")
                .invocationType(InvocationType.EVENT).afterCommit(true).build(), long.class))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("long")
                .hasMessageContaining("Void.class");
        assertThat(sent).hasSize(2);
    }

    @Test
    void afterCommitOutsideATransaction_isSentAtOnce_andReturnsNull() {
        answer = r -> answer(202, "");
        assertThat(operations.<Object>invoke(InvocationRequest.builder("audit").invocationType(InvocationType.EVENT)
                .afterCommit(true).build(), Void.class)).isNull();
        assertThat(sent).hasSize(1);
        FunctionMetrics audit = metrics.of("audit");
        assertThat(audit.getInvocations()).isEqualTo(1);
        assertThat(audit.getDeferredInvocations()).isZero();
    }

    @Test
    void resultThatDoesNotMap_isResultMappingException_namingTheFunctionAndType_notThePayload() {
        answer = r -> answer(200, "[1,2,\"secret-looking-value\"]");
        ResultMappingException e = (ResultMappingException) thrown(() -> operations.invoke(
                InvocationRequest.builder("echo").payload("[1,2]").build(), Quote.class));
        assertThat(e.functionName()).isEqualTo("echo");
        assertThat(e.getMessage()).contains("'echo'").contains(Quote.class.getName())
                .doesNotContain("secret-looking-value");
        answer = r -> answer(200, "{oops");
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("echo").build(), Quote.class))
                .isInstanceOf(ResultMappingException.class);
    }

    @Test
    void badArguments_areRefusedBeforeSending() {
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("f").build(), (Type) null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resultType");
        assertThatThrownBy(() -> operations.invoke((InvocationRequest) null, Quote.class))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("request");
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("bad name!").build(), Quote.class))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bad name!");
        assertThat(sent).isEmpty();
    }

    @Test
    void tenantIdAndDurableExecutionName_areSent_andTheDurableExecutionArnIsAnswered() {
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders:1/durable-execution/order-42/run-1";
        answer = r -> InvokeResponse.builder().statusCode(200).payload(SdkBytes.fromUtf8String("{}"))
                .executedVersion("1").durableExecutionArn(arn).build();
        InvocationResult result = operations.invoke(InvocationRequest.builder("orders").qualifier("1")
                .tenantId("tenant a/1").durableExecutionName("order-42").payload("{}").build());
        assertThat(sent.get(0).tenantId()).isEqualTo("tenant a/1");
        assertThat(sent.get(0).durableExecutionName()).isEqualTo("order-42");
        assertThat(result.durableExecutionArn()).contains(arn);

        answer = r -> answer(200, "{}");
        InvocationResult plain = operations.invoke(InvocationRequest.builder("orders").build());
        assertThat(sent.get(1).tenantId()).as("no tenant id: no header").isNull();
        assertThat(sent.get(1).durableExecutionName()).isNull();
        assertThat(plain.durableExecutionArn()).isEmpty();
    }

    @Test
    void badTenantIdOrDurableExecutionName_isRefusedBeforeSending() {
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("orders").tenantId("a;b").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tenantId 'a;b' must match");
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("orders").durableExecutionName("")
                .build())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("durableExecutionName '' has 0 characters; Lambda accepts 1 to 64");
        assertThat(sent).isEmpty();
    }

    @Test
    void eachOutcome_isCountedInTheFunctionsMetrics() {
        answer = r -> answer(200, "{}");
        operations.invoke(InvocationRequest.builder("m").build(), Map.class);
        answer = r -> InvokeResponse.builder().statusCode(200).functionError("Unhandled")
                .payload(SdkBytes.fromUtf8String("{\"errorMessage\":\"x\",\"errorType\":\"E\"}")).build();
        thrown(() -> operations.invoke(InvocationRequest.builder("m").build(), Map.class));
        answer = r -> {
            throw ResourceNotFoundException.builder().statusCode(404).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("ResourceNotFoundException").errorMessage("Function not found: m").build()).build();
        };
        assertThatThrownBy(() -> operations.invoke(InvocationRequest.builder("m").build(), Map.class))
                .isInstanceOf(FunctionNotFoundException.class);
        FunctionMetrics m = metrics.of("m");
        assertThat(m.getInvocations()).isEqualTo(3);
        assertThat(m.getFunctionErrors()).isEqualTo(1);
        assertThat(m.getFailures()).isEqualTo(1);
    }

    private static RuntimeException thrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    private static InvokeResponse answer(int status, String payload) {
        return InvokeResponse.builder().statusCode(status).payload(SdkBytes.fromUtf8String(payload))
                .executedVersion("$LATEST").build();
    }

    /** Lambda as the SDK client shows it: records each request and gives the test's answer. */
    private final class FakeLambda implements LambdaClient {
        @Override
        public InvokeResponse invoke(InvokeRequest request) {
            sent.add(request);
            return answer.apply(request);
        }

        @Override
        public String serviceName() {
            return "lambda";
        }

        @Override
        public LambdaServiceClientConfiguration serviceClientConfiguration() {
            return LambdaServiceClientConfiguration.builder()
                    .overrideConfiguration(ClientOverrideConfiguration.builder().build()).build();
        }

        @Override
        public void close() {
        }
    }
}
